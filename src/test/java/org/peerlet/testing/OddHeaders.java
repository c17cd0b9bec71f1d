package org.peerlet.testing;

import java.util.ArrayList;
import java.util.List;

/** Every odd request header we know of, as raw lines: ranges of every kind, framing, credentials, negotiation. */
public final class OddHeaders {
    private OddHeaders() {
    }

    public static List<String> all() {
        List<String> h = new ArrayList<>(ranges());
        h.addAll(framing());
        h.addAll(others());
        return h;
    }

    /** Those that leave the framing of the request's body alone. */
    public static List<String> withoutFraming() {
        List<String> h = new ArrayList<>(ranges());
        h.addAll(others());
        return h;
    }

    public static List<String> ranges() {
        List<String> h = new ArrayList<>();
        for (String r : List.of("bytes=999999999-", "bytes=5-1", "bytes=abc", "bytes=", "bytes=-", "bytes=-0",
                "bytes=-999999999999", "bytes=0-0", "bytes=0-", "bytes=9223372036854775807-",
                "bytes=9223372036854775806-9223372036854775807", "bytes=-9223372036854775808",
                "bytes=99999999999999999999999999-", "bytes=0-99999999999999999999999999", "bytes=1-2,3-4",
                "bytes=" + "0-0,".repeat(500) + "1-1", "bytes=--1", "bytes=1--2", "bytes=0x10-", "bytes=+5-",
                "bytes=\u0663-", "bytes = 0-1", "BYTES=0-1", "items=0-1", "bytes=0-1;x", "bytes=\t0-1")) {
            h.add("Range: " + r);
        }
        h.add("Range:");
        h.add("If-Range: \"nonsense\"");
        h.add("If-Range: Thu, 01 Jan 1970 00:00:00 GMT");
        return h;
    }

    private static List<String> framing() {
        return List.of("Content-Length: 99999999999999999999", "Content-Length: 9223372036854775807", "Content-Length: -1",
                "Content-Length: abc", "Transfer-Encoding: chunked", "Transfer-Encoding: gzip, chunked",
                "Transfer-Encoding: nonsense", "Expect: 100-continue", "Expect: nonsense");
    }

    private static List<String> others() {
        return List.of("Authorization: Bearer", "Authorization: Bearer " + "x".repeat(4000), "Authorization: Basic !!!",
                "Authorization: Bearer \u00ff\u00fe", "Authorization: nonsense",
                "Cookie: " + "a=" + "b".repeat(6000), "Cookie: ;;;==;", "Accept: */*;q=abc", "Accept: application/json;q=0",
                "Accept: text/html;q=2, application/*;q=-1", "Accept-Encoding: gzip;q=abc, br, zstd, *;q=0",
                "Accept-Language: \u00ff;q=", "If-None-Match: *", "If-None-Match: \"" + "e".repeat(3000) + "\"",
                "If-Modified-Since: yesterday", "If-Modified-Since: Thu, 01 Jan 2999 00:00:00 GMT",
                "X-Forwarded-For: not-an-address, ::::, 999.1.1.1", "X-Forwarded-For: " + "10.0.0.1, ".repeat(300) + "1.1.1.1",
                "Content-Type: multipart/form-data; boundary=", "Content-Type: \u00ff/\u00ff", "Content-Encoding: gzip",
                "Upgrade: websocket", "Origin: null", "Host: other.example", "Max-Forwards: -1",
                "X-HTTP-Method-Override: DELETE", "X-Upload-Content-Length: 99999999999999999999",
                "Content-Range: bytes 5-1/3", "Content-Range: bytes */-1");
    }
}
