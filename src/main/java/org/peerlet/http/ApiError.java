package org.peerlet.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error to answer to a client, PeerTube-shaped: an HTTP status, a short machine code and a
 * sentence for people. Thrown from services (it knows nothing of Javalin) and turned into JSON
 * in one place, {@link HttpServer}.
 */
public class ApiError extends RuntimeException {

    private final int status;
    private final String code;
    private final Integer retryAfterSeconds;
    private final Map<String, Object> invalidParams;

    public ApiError(int status, String code, String detail) {
        this(status, code, detail, null);
    }

    public ApiError(int status, String code, String detail, Integer retryAfterSeconds) {
        this(status, code, detail, retryAfterSeconds, null);
    }

    private ApiError(int status, String code, String detail, Integer retryAfterSeconds, Map<String, Object> invalidParams) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
        this.invalidParams = invalidParams;
    }

    /**
     * A parameter that failed validation, as PeerTube answers it: 400 with an {@code invalid-params}
     * entry saying which one, where it was and why; {@code detail} is the same sentence.
     *
     * @param location {@code params} (the path), {@code query} or {@code body}
     * @param value    what came, or null not to send it back (a body field may be a password)
     */
    public static ApiError invalidParam(String location, String name, Object value, String detail) {
        Map<String, Object> param = new LinkedHashMap<>();
        if (value != null) param.put("value", value);
        param.put("msg", detail);
        param.put("path", name);
        param.put("location", location);
        return new ApiError(400, null, detail, null, Map.of(name, param));
    }

    /** A path parameter that is not what the route takes (a malformed id, say), in PeerTube's words. */
    public static ApiError invalidParam(String name, Object value) {
        ApiError e = invalidParam("params", name, value, "Invalid value");
        return new ApiError(400, null, "Incorrect request parameters: " + name, null, e.invalidParams);
    }

    /** A body field that is missing or wrong. */
    public static ApiError badField(String name, String detail) {
        return invalidParam("body", name, null, detail);
    }

    /** PeerTube's {@code invalid-params}, or null when the error is not about one parameter. */
    public Map<String, Object> invalidParams() {
        return invalidParams;
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

    /** The one answer for an address no route serves, whatever the method (as PeerTube's API answers). */
    public static ApiError unknownEndpoint(String method, String path) {
        return notFound("no such endpoint: " + method + " " + path);
    }

    public static ApiError conflict(String detail) {
        return new ApiError(409, null, detail);
    }

    public static ApiError tooLarge(String detail) {
        return new ApiError(413, null, detail);
    }

    public static ApiError tooManyRequests(String detail, int retryAfterSeconds) {
        return new ApiError(429, null, detail, retryAfterSeconds);
    }
}
