-- Two-factor login (TOTP, as PeerTube's): the user's secret, encrypted with AES-GCM under the key
-- in <data dir>/two-factor.key (so a copy of the database alone cannot make codes); null when off.
-- otp_last_step is the 30-second step of the last code accepted: a code works once, and no older
-- code works after it.
ALTER TABLE users ADD COLUMN otp_secret TEXT;
ALTER TABLE users ADD COLUMN otp_last_step BIGINT NOT NULL DEFAULT 0;
