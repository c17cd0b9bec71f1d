package org.peerlet.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests Java's client refuses to make (any header, any
 * framing, any bytes) and answers it would not wait out: each exchange must end within a deadline.
 */
public final class RawHttp {
    private final String host;
    private final int port;
    private final Duration deadline;

    public RawHttp(String baseUrl, Duration deadline) {
        URI u = URI.create(baseUrl);
        this.host = u.getHost();
        this.port = u.getPort();
        this.deadline = deadline;
    }

    /** An answer; status 0 when the server closed the connection without one. */
    public record Res(int status, Map<String, String> headers, byte[] body, long millis) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Thrown when the server did not finish its answer within the deadline. */
    public static final class Hang extends AssertionError {
        Hang(String what) {
            super(what);
        }
    }

    /**
     * Sends a request with {@code Connection: close} and reads the whole answer.
     * @param headers header lines as sent, e.g. {@code "Range: bytes=0-"}
     */
    public Res send(String method, String target, List<String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n");
        for (String h : headers) head.append(h).append("\r\n");
        head.append("Connection: close\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[start.length + body.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(body, 0, all, start.length, body.length);
        return exchange(all, method + " " + target + " " + headers);
    }

    /** Sends these exact bytes and reads the answer until the server closes the connection. */
    public Res exchange(byte[] request, String what) {
        long t0 = System.nanoTime();
        long end = t0 + deadline.toNanos();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), (int) deadline.toMillis());
            s.setSoTimeout((int) deadline.toMillis());
            try {
                s.getOutputStream().write(request);
                s.getOutputStream().flush();
            } catch (IOException e) {
                // The server may answer and close before reading all of a body it refuses.
            }
            byte[] raw = readUntilClosed(s, end);
            return parse(raw, (System.nanoTime() - t0) / 1_000_000);
        } catch (SocketTimeoutException e) {
            throw new Hang("no complete answer within " + deadline.toMillis() + " ms: " + abbreviate(what));
        } catch (IOException e) {
            throw new IllegalStateException(abbreviate(what), e);
        }
    }

    private static byte[] readUntilClosed(Socket s, long end) throws IOException {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        while (true) {
            long left = (end - System.nanoTime()) / 1_000_000;
            if (left <= 0) throw new SocketTimeoutException();
            s.setSoTimeout((int) left);
            int n;
            try {
                n = in.read(buf);
            } catch (java.net.SocketException e) {
                return out.toByteArray(); // reset after the answer: what came is what there is
            }
            if (n < 0) return out.toByteArray();
            out.write(buf, 0, n);
        }
    }

    private static Res parse(byte[] raw, long millis) {
        int headEnd = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (headEnd < 0) return new Res(0, Map.of(), raw, millis);
        String[] lines = new String(raw, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ");
        int status = statusLine.length > 1 && statusLine[1].matches("\\d{3}") ? Integer.parseInt(statusLine[1]) : 0;
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, headEnd + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) body = unchunk(body);
        return new Res(status, headers, body, millis);
    }

    private static byte[] unchunk(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < in.length) {
            int lineEnd = indexOf(java.util.Arrays.copyOfRange(in, i, in.length), new byte[] {'\r', '\n'});
            if (lineEnd < 0) break;
            String sizeText = new String(in, i, lineEnd, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = Integer.parseInt(sizeText, 16);
            i += lineEnd + 2;
            if (size == 0) break;
            out.write(in, i, Math.min(size, in.length - i));
            i += size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "... (" + s.length() + " chars)" : s;
    }
}
