package org.peerlet.video;

import java.util.List;
import java.util.Map;

/**
 * What a video's owner sees and sets beyond its level: who else can see it, and its passwords.
 * Implemented by the privacy feature (which depends on video, not the other way round).
 */
public interface PrivacyDetails {

    /** Who can see the video beyond its level (shares, links), for its owner's badge. */
    Map<String, Object> visibility(Video v);

    int countPasswords(long videoId);

    /** Replaces the video's passwords (hashed by the privacy feature). */
    void replacePasswords(long videoId, List<String> passwords);
}
