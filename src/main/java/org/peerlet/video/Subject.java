package org.peerlet.video;

/**
 * What a share or a share link grants: a video or a playlist, by its row id. Both are decided
 * by {@link VideoAccess}, so a private playlist is shared exactly as a private video is.
 */
public record Subject(Kind kind, long id) {
    public enum Kind { VIDEO, PLAYLIST }

    public static Subject video(long id) {
        return new Subject(Kind.VIDEO, id);
    }

    public static Subject playlist(long id) {
        return new Subject(Kind.PLAYLIST, id);
    }
}
