package org.peerlet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A small client for Peerlet's real HTTP API, as PeerTube's tools would call it. */
public final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public Api(String base) {
        this.base = base;
    }

    public String base() {
        return base;
    }

    /** An answer: status, headers and body (parsed as JSON when it is JSON). */
    public record Res(int status, java.net.http.HttpHeaders headers, byte[] bytes) {
        public JsonNode json() {
            try {
                return JSON.readTree(bytes);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text(), e);
            }
        }

        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }

    public Res send(HttpRequest.Builder b) {
        try {
            HttpResponse<byte[]> r = http.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Res(r.statusCode(), r.headers(), r.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b;
    }

    public Res get(String path) {
        return get(path, null);
    }

    public Res get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Res delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    public Res postJson(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    public Res putJson(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    public Res postRaw(String path, String token, String contentType, String body) {
        return send(request(path, token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Res postForm(String path, String token, Map<String, String> form) {
        return postRaw(path, token, "application/x-www-form-urlencoded", formBody(form));
    }

    private static String formBody(Map<String, String> form) {
        return form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    }

    /** Logs in with the OAuth password grant, as PeerTube's client does; returns the whole answer. */
    public Res login(String username, String password) {
        return login(username, password, Map.of());
    }

    /** The same, with extra request headers (say, what a reverse proxy adds). */
    public Res login(String username, String password, Map<String, String> headers) {
        JsonNode client = get("/api/v1/oauth-clients/local").json();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", client.get("client_id").asText());
        form.put("client_secret", client.get("client_secret").asText());
        form.put("grant_type", "password");
        form.put("username", username);
        form.put("password", password);
        HttpRequest.Builder b = request("/api/v1/users/token", null).header("Content-Type", "application/x-www-form-urlencoded");
        headers.forEach(b::header);
        return send(b.POST(HttpRequest.BodyPublishers.ofString(formBody(form))));
    }

    /** Trades a refresh token for new tokens, as PeerTube's client does when its access token expires. */
    public Res refresh(String refreshToken) {
        JsonNode client = get("/api/v1/oauth-clients/local").json();
        return postForm("/api/v1/users/token", null, Map.of("client_id", client.get("client_id").asText(),
                "client_secret", client.get("client_secret").asText(), "grant_type", "refresh_token",
                "refresh_token", refreshToken));
    }

    /** Logs in and returns the access token, failing the test if login fails. */
    public String token(String username, String password) {
        Res r = login(username, password);
        if (r.status() != 200) throw new AssertionError("login failed: " + r);
        return r.json().get("access_token").asText();
    }

    public String adminToken() {
        return token("admin", TestServer.ADMIN_PASSWORD);
    }

    /** Creates a user through the admin API and returns its access token. */
    public String createUser(String adminToken, String username, String password) {
        Res r = postJson("/api/v1/users", adminToken, Map.of("username", username, "password", password,
                "email", username + "@example.org", "role", 2));
        if (r.status() != 200) throw new AssertionError("user creation failed: " + r);
        return token(username, password);
    }

    public static String write(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public static List<String> names(JsonNode arr, String field) {
        return java.util.stream.StreamSupport.stream(arr.spliterator(), false).map(n -> n.get(field).asText()).toList();
    }
}
