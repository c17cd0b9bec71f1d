package org.peerlet.channel;

import org.peerlet.http.ApiError;
import org.peerlet.http.Body;

/**
 * PeerTube 8's player themes, of which Peerlet's player has one: videos and channels can only
 * follow the default, and asking for another is refused rather than stored and ignored.
 */
public final class PlayerLook {
    public static final String INSTANCE = "galaxy";
    public static final String VIDEO_DEFAULT = "channel-default";
    public static final String CHANNEL_DEFAULT = "instance-default";

    private PlayerLook() {
    }

    /** The body's {@code theme} must be the default of its level ({@code channel-default} for a video). */
    public static void requireDefault(Body body, String expected) {
        String theme = body.text("theme").orElseThrow(() -> ApiError.badField("theme", "theme is required"));
        if (!theme.equals(expected)) {
            throw ApiError.badField("theme", "theme must be " + expected + ": Peerlet's player has one look");
        }
    }
}
