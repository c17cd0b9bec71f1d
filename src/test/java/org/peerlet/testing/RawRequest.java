package org.peerlet.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request written by hand on its own connection, so that a test decides when each
 * byte of the body leaves: a chunk half sent stays "in flight" on the server until the test
 * sends the rest.
 */
public final class RawRequest implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private Answer answer;

    /** An answer as read off the wire; header names in lower case. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public com.fasterxml.jackson.databind.JsonNode json() {
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    private RawRequest(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        socket.setSoTimeout(30_000);
    }

    /** Opens the connection and sends the request line and headers (Host and Connection are added). */
    public static RawRequest start(String url, String method, Map<String, String> headers) {
        URI u = URI.create(url);
        try {
            RawRequest r = new RawRequest(new Socket(u.getHost(), u.getPort()));
            StringBuilder head = new StringBuilder(method).append(' ').append(u.getRawPath())
                    .append(u.getRawQuery() == null ? "" : "?" + u.getRawQuery()).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(u.getHost()).append(':').append(u.getPort()).append("\r\n")
                    .append("Connection: close\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            r.out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            r.out.flush();
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends part of the body; false if the server has already closed its side (it answered early). */
    public boolean send(byte[] bytes, int from, int to) {
        try {
            out.write(bytes, from, to - from);
            out.flush();
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    /** Whether the server has begun to answer, without waiting for it. */
    public boolean answered() {
        try {
            return answer != null || socket.getInputStream().available() > 0;
        } catch (IOException e) {
            return true; // a reset connection is an answer too; answer() tells which
        }
    }

    /** Reads the whole answer (waiting for it); the server closes the connection after it. */
    public Answer answer() {
        if (answer != null) return answer;
        try {
            byte[] all = socket.getInputStream().readAllBytes();
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
            String body = text.substring(end + 4);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) body = unchunk(body);
            answer = new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers,
                    new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unchunk(String body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int eol = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, eol).split(";")[0].strip(), 16);
            if (size == 0) return out.toString(StandardCharsets.ISO_8859_1);
            out.write(body.getBytes(StandardCharsets.ISO_8859_1), eol + 2, size);
            at = eol + 2 + size + 2;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a socket the server already closed
        }
    }
}
