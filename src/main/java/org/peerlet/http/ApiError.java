package org.peerlet.http;

/**
 * An error to answer to a client, PeerTube-shaped: an HTTP status, a short machine code and a
 * sentence for people. Thrown from services (it knows nothing of Javalin) and turned into JSON
 * in one place, {@link HttpServer}.
 */
public class ApiError extends RuntimeException {

    private final int status;
    private final String code;
    private final Integer retryAfterSeconds;

    public ApiError(int status, String code, String detail) {
        this(status, code, detail, null);
    }

    public ApiError(int status, String code, String detail, Integer retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ApiError badRequest(String detail) {
        return new ApiError(400, null, detail);
    }

    public static ApiError unauthorized(String detail) {
        return new ApiError(401, null, detail);
    }

    public static ApiError forbidden(String detail) {
        return new ApiError(403, null, detail);
    }

    public static ApiError notFound(String detail) {
        return new ApiError(404, null, detail);
    }

    public static ApiError conflict(String detail) {
        return new ApiError(409, null, detail);
    }

    public static ApiError tooLarge(String detail) {
        return new ApiError(413, null, detail);
    }

    public static ApiError tooManyRequests(String detail, int retryAfterSeconds) {
        return new ApiError(429, "too_many_requests", detail, retryAfterSeconds);
    }
}
