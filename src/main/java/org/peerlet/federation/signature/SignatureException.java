package org.peerlet.federation.signature;

/** A request whose signature is missing, malformed, stale, replayed or false; carries 401 or 403. */
public final class SignatureException extends RuntimeException {
    private final int status;

    public SignatureException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public static SignatureException unauthorized(String message) {
        return new SignatureException(401, message);
    }

    public static SignatureException forbidden(String message) {
        return new SignatureException(403, message);
    }

    public int status() {
        return status;
    }
}
