package org.peerlet.federation;

import com.sun.net.httpserver.HttpServer;
import org.peerlet.federation.signature.Keys;
import org.peerlet.http.Json;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pretend remote server on loopback: serves actor documents with keys the test holds, and an
 * inbox that counts what it receives. Public for the browser tests that need a remote voice.
 */
public final class FakeRemote implements AutoCloseable {
    final HttpServer server;
    final Map<String, KeyPair> keys = new ConcurrentHashMap<>();
    final AtomicInteger inboxPosts = new AtomicInteger();

    public FakeRemote() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/users/", ex -> {
            String name = ex.getRequestURI().getPath().substring("/users/".length());
            if (name.endsWith("/inbox")) {
                ex.getRequestBody().readAllBytes();
                inboxPosts.incrementAndGet();
                ex.sendResponseHeaders(202, -1);
                ex.close();
                return;
            }
            KeyPair k = keys.get(name);
            byte[] body = k == null ? new byte[0] : Json.write(actor(name, k)).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/activity+json");
            ex.sendResponseHeaders(k == null ? 404 : 200, k == null ? -1 : body.length);
            if (k != null) ex.getResponseBody().write(body);
            ex.close();
        });
        server.createContext("/inbox", ex -> {
            ex.getRequestBody().readAllBytes();
            inboxPosts.incrementAndGet();
            ex.sendResponseHeaders(202, -1);
            ex.close();
        });
        server.start();
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public String actorUrl(String name) {
        return base() + "/users/" + name;
    }

    public KeyPair person(String name) {
        return keys.computeIfAbsent(name, n -> Keys.generate());
    }

    /** A POST of an activity to {@code inbox}, signed with {@code name}'s key as its server would sign it. */
    public java.net.http.HttpRequest.Builder signedPost(java.net.URI inbox, String name, String body) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(inbox)
                .header("Content-Type", "application/activity+json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
        org.peerlet.federation.signature.HttpSignatures.sign("POST", inbox, body.getBytes(StandardCharsets.UTF_8),
                actorUrl(name) + "#main-key", person(name).getPrivate(), java.time.Instant.now()).forEach(b::header);
        return b;
    }

    private Map<String, Object> actor(String name, KeyPair k) {
        String id = actorUrl(name);
        return Map.of("@context", "https://www.w3.org/ns/activitystreams", "type", "Person", "id", id,
                "preferredUsername", name, "inbox", id + "/inbox", "outbox", id + "/outbox",
                "followers", id + "/followers", "endpoints", Map.of("sharedInbox", base() + "/inbox"),
                "publicKey", Map.of("id", id + "#main-key", "owner", id, "publicKeyPem", Keys.publicPem(k.getPublic())));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
