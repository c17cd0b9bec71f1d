package org.peerlet.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON body of an error, as PeerTube answers it (RFC 7807 fields plus a legacy {@code error}). */
public final class ErrorBody {
    private ErrorBody() {
    }

    public static Map<String, Object> of(int status, String code, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://docs.joinpeertube.org/api-rest-reference.html#section/Errors/"
                + (code == null ? statusSlug(status) : code));
        body.put("title", title(status));
        body.put("detail", detail);
        body.put("status", status);
        if (code != null) body.put("code", code);
        body.put("error", detail);
        return body;
    }

    private static String statusSlug(int status) {
        return title(status).toLowerCase().replace(' ', '_');
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
