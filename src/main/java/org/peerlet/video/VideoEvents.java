package org.peerlet.video;

/** What happens to videos, as {@link org.peerlet.common.Events}: each carries the video's state at that moment. */
public final class VideoEvents {
    private VideoEvents() {
    }

    /** A local video was accepted and waits for transcoding. */
    public record Created(long videoId) {
    }

    /** A video's ladder is in place and it can be watched. */
    public record Published(Video video) {
    }

    /** Another server's video, new here: stored as it sent it (updates of it are not announced). */
    public record Received(Video video) {
    }

    /** A local video's transcoding failed for good: it cannot be watched. */
    public record Failed(Video video) {
    }

    /** A video's details or privacy changed. */
    public record Changed(Video video) {
    }

    /** A video is about to be deleted: its rows are still there (delivered at once, before the delete). */
    public record Deleting(Video video) {
    }

    /** A video and its files are gone; {@code video} is its last state. */
    public record Deleted(Video video) {
    }

    /** A logged-in viewer's player said where they are in a video (PeerTube's currentTime on a view). */
    public record Watched(Video video, org.peerlet.account.User user, int currentTime) {
    }
}
