package org.peerlet.tracker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A tracker client over a real WebSocket, speaking JSON as bittorrent-tracker's client does. */
final class WsPeer implements WebSocket.Listener, AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Random RANDOM = new Random(42);

    final String peerId = randomBinary();
    private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile String closeReason;
    private WebSocket ws;

    static WsPeer connect(String baseUrl) {
        return connect(baseUrl, "");
    }

    static WsPeer connect(String baseUrl, String query) {
        return connect(baseUrl, query, null);
    }

    /** As a viewer behind a reverse proxy on this machine, which names it in X-Forwarded-For. */
    static WsPeer connectVia(String baseUrl, String forwardedFor) {
        return connect(baseUrl, "", forwardedFor);
    }

    private static WsPeer connect(String baseUrl, String query, String forwardedFor) {
        WsPeer p = new WsPeer();
        java.net.http.WebSocket.Builder b = HTTP.newWebSocketBuilder();
        if (forwardedFor != null) b.header("X-Forwarded-For", forwardedFor);
        p.ws = b
                .buildAsync(URI.create(baseUrl.replace("http://", "ws://") + "/tracker/socket" + query), p)
                .join();
        return p;
    }

    /** 20 random chars in 0..255, including quotes, backslashes and control chars. */
    static String randomBinary() {
        char[] c = new char[20];
        for (int i = 0; i < 20; i++) c[i] = (char) RANDOM.nextInt(256);
        c[0] = '"';
        c[1] = '\\';
        c[2] = 0;
        return new String(c);
    }

    static Map<String, Object> announcement(String infoHash, String peerId, Object... more) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", "announce");
        m.put("info_hash", infoHash);
        m.put("peer_id", peerId);
        for (int i = 0; i < more.length; i += 2) m.put((String) more[i], more[i + 1]);
        return m;
    }

    static List<Map<String, Object>> offers(int n, String prefix) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Map.of("offer", Map.of("type", "offer", "sdp", "v=0 " + prefix + i),
                    "offer_id", String.format("%-20s", prefix + i)));
        }
        return out;
    }

    /** Announces with this peer's id. */
    JsonNode announce(String infoHash, Object... more) {
        send(announcement(infoHash, peerId, more));
        return next();
    }

    void send(Object message) {
        try {
            String text = message instanceof String s ? s : JSON.writeValueAsString(message);
            ws.sendText(text, true).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("send failed", e);
        }
    }

    JsonNode next() {
        try {
            JsonNode n = inbox.poll(5, TimeUnit.SECONDS);
            if (n == null) throw new AssertionError("no message from the tracker within 5 s");
            return n;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Null when nothing comes within {@code millis}. */
    JsonNode poll(long millis) {
        try {
            return inbox.poll(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Sends a message the server may refuse while it is still arriving: its close, not the send, is the answer. */
    void sendUntilClosed(String text) {
        try {
            ws.sendText(text, true).get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException cutShort) {
            // the server closed the socket mid-message; awaitClose() tells why
        } catch (Exception e) {
            throw new AssertionError("send failed", e);
        }
    }

    int awaitClose() {
        try {
            return closed.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the tracker did not close the socket within 5 s", e);
        }
    }

    String closeReason() {
        return closeReason;
    }

    boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                inbox.add(JSON.readTree(partial.toString()));
            } catch (Exception e) {
                throw new AssertionError("the tracker sent non-JSON: " + partial, e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeReason = reason;
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    @Override
    public void close() {
        if (!ws.isOutputClosed()) {
            try {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // already gone
            }
        }
        ws.abort();
    }
}
