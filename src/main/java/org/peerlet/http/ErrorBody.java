package org.peerlet.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON body of an error, as PeerTube answers it (RFC 7807 fields plus a legacy {@code error}). */
public final class ErrorBody {
    private ErrorBody() {
    }

    /** As PeerTube sends them: {@code application/problem+json}, not plain JSON. */
    public static final String CONTENT_TYPE = "application/problem+json; charset=utf-8";

    public static Map<String, Object> of(int status, String code, String detail) {
        return of(status, code, detail, null);
    }

    /**
     * @param code PeerTube's own code (its {@code ServerErrorCode} or OAuth's), or null: only a
     *             code gets a {@code type} URI of its own, else RFC 9457's {@code about:blank}
     */
    public static Map<String, Object> of(int status, String code, String detail, Map<String, Object> invalidParams) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", code == null ? "about:blank" : "https://docs.joinpeertube.org/api-rest-reference.html#section/Errors/" + code);
        body.put("title", title(status));
        body.put("detail", detail);
        body.put("status", status);
        if (code != null) body.put("code", code);
        if (invalidParams != null) body.put("invalid-params", invalidParams);
        body.put("error", detail); // superseded by detail; PeerTube still sends it for older clients
        return body;
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 413 -> "Payload Too Large";
            case 415 -> "Unsupported Media Type";
            case 416 -> "Range Not Satisfiable";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }
}
