package org.peerlet.transcode;

/** A media problem with a message fit for the uploader, and whether retrying could help. */
public class MediaException extends Exception {

    private final boolean permanent;

    public MediaException(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    public MediaException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    /** The file itself is the problem (broken, unsupported): retrying won't help. */
    static MediaException permanent(String message) {
        return new MediaException(message, true);
    }

    /** Something about this run (I/O, resources, cancellation): a retry may succeed. */
    static MediaException transientFailure(String message) {
        return new MediaException(message, false);
    }

    /** True when retrying the same file won't help. */
    public boolean permanent() {
        return permanent;
    }
}
