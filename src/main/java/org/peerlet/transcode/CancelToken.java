package org.peerlet.transcode;

/** Lets another thread stop a transcode; the engine looks at it between packets. */
public final class CancelToken {

    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** A token nobody will cancel, for callers that don't need one. */
    public static CancelToken none() {
        return new CancelToken();
    }
}
