package org.peerlet.playlist;

/** What happens to playlists, as {@link org.peerlet.common.Events}. */
public final class PlaylistEvents {
    private PlaylistEvents() {
    }

    /**
     * A local playlist was made, changed (its details or its videos) or deleted: {@code before}
     * is null when it was just made, {@code after} null when it was deleted.
     */
    public record Changed(Playlist before, Playlist after) {
    }
}
