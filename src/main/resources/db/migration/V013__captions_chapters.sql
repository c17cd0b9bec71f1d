-- Captions (one WebVTT file per video and language, in media's captions/ folder) and the
-- chapters an owner set (PeerTube's VideoChapter); chapters read from the description are not stored.
CREATE TABLE video_captions (
    video_id    INTEGER NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    language    TEXT    NOT NULL,
    file        TEXT    NOT NULL,                    -- file name in captions/
    remote_url  TEXT,                                -- a remote video's caption, linked, not copied
    updated_at  BIGINT  NOT NULL,
    PRIMARY KEY (video_id, language)
);

CREATE TABLE video_chapters (
    video_id  INTEGER NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    timecode  INTEGER NOT NULL,                      -- seconds
    title     TEXT    NOT NULL,
    PRIMARY KEY (video_id, timecode)
);
