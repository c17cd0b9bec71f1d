package org.peerlet.account;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;

/** bcrypt, with long passwords pre-hashed rather than cut at 72 bytes. */
public final class PasswordHasher {
    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2A;

    private final int cost;
    private final BCrypt.Hasher hasher;
    private final BCrypt.Verifyer verifyer;

    /** @param cost bcrypt's log2 rounds: 10 takes about 0.1 s on a Pi 4, enough to slow guessing. */
    public PasswordHasher(int cost) {
        this.cost = cost;
        this.hasher = BCrypt.with(VERSION, LongPasswordStrategies.hashSha512(VERSION));
        this.verifyer = BCrypt.verifyer(VERSION, LongPasswordStrategies.hashSha512(VERSION));
    }

    public String hash(String password) {
        return hasher.hashToString(cost, password.toCharArray());
    }

    public boolean matches(String password, String hash) {
        return verifyer.verify(password.toCharArray(), hash).verified;
    }
}
