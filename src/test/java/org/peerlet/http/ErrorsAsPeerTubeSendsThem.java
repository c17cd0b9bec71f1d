package org.peerlet.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestServer;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors in PeerTube's shape, which its clients parse: {@code application/problem+json}, a
 * malformed id as 400 "Incorrect request parameters: id", {@code invalid-params} naming the field,
 * {@code type} URIs only for PeerTube's own codes, one answer for any unknown endpoint, no
 * parser internals, and the OAuth client pair in PeerTube's format.
 */
class ErrorsAsPeerTubeSendsThem {
    static TestServer server;
    static Api api;
    static String admin;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        api = server.api();
        admin = api.adminToken();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void aMalformedIdIsAnIncorrectParameterNotAMissingThing() {
        for (String path : List.of("/api/v1/videos/not-an-id", "/api/v1/videos/12ab/description", "/api/v1/users/abc")) {
            Api.Res r = api.get(path, admin);
            assertThat(r.status()).as(path + " " + r).isEqualTo(400);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            JsonNode e = r.json();
            assertThat(e.get("detail").asText()).isEqualTo("Incorrect request parameters: id");
            assertThat(e.get("type").asText()).isEqualTo("about:blank");
            JsonNode id = e.get("invalid-params").get("id");
            assertThat(id.get("location").asText()).isEqualTo("params");
            assertThat(id.get("msg").asText()).isEqualTo("Invalid value");
            assertThat(id.get("value").asText()).isEqualTo(path.replaceAll("^/api/v1/[a-z]+/([^/]+).*$", "$1"));
        }
        assertThat(api.get("/api/v1/videos/" + 987654).status()).isEqualTo(404);
    }

    @Test
    void validationErrorsNameTheirField() {
        Api.Res missing = api.postJson("/api/v1/users", admin, Map.of("password", "secret12"));
        assertThat(missing.status()).isEqualTo(400);
        JsonNode username = missing.json().get("invalid-params").get("username");
        assertThat(username.get("location").asText()).isEqualTo("body");
        assertThat(username.get("msg").asText()).isEqualTo("username is required");
        Api.Res count = api.get("/api/v1/videos?count=lots");
        assertThat(count.status()).isEqualTo(400);
        assertThat(count.json().get("invalid-params").get("count").get("location").asText()).isEqualTo("query");
        assertThat(count.json().get("invalid-params").get("count").get("value").asText()).isEqualTo("lots");
        Api.Res role = api.postJson("/api/v1/users", admin, Map.of("username", "h", "password", "secret1", "role", "x"));
        assertThat(role.json().get("invalid-params").has("role")).as(role.toString()).isTrue();
        // A password that failed a check is not sent back.
        Api.Res shortPassword = api.putJson("/api/v1/users/me", admin, Map.of("password", Map.of("secret", "x")));
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.text()).doesNotContain("\"secret\"");
    }

    @Test
    void malformedJsonSaysWhereNotHowJacksonFeels() {
        Api.Res r = api.postRaw("/api/v1/users", admin, "application/json", "{\"username\": tru");
        assertThat(r.status()).isEqualTo(400);
        String detail = r.json().get("detail").asText();
        assertThat(detail).startsWith("the body is not valid JSON").contains("line 1");
        assertThat(detail).doesNotContainIgnoringCase("token").doesNotContain("Source").doesNotContain("jackson")
                .doesNotContain("tru");
    }

    @Test
    void anUnknownEndpointGetsOneAnswerWhateverTheMethod() {
        for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH")) {
            Api.Res r = api.send(api.request("/api/v1/nothing-here", admin).method(method, HttpRequest.BodyPublishers.noBody()));
            assertThat(r.status()).as(method).isEqualTo(404);
            assertThat(r.json().get("detail").asText()).isEqualTo("no such endpoint: " + method + " /api/v1/nothing-here");
            assertThat(r.json().get("type").asText()).isEqualTo("about:blank");
        }
        // A known address asked with a method it does not take is just as unknown.
        Api.Res put = api.send(api.request("/api/v1/config", admin).method("DELETE", HttpRequest.BodyPublishers.noBody()));
        assertThat(put.status()).isEqualTo(404);
        assertThat(put.json().get("detail").asText()).isEqualTo("no such endpoint: DELETE /api/v1/config");
    }

    @Test
    void onlyPeerTubesOwnCodesGetATypeOfTheirOwn() {
        Api.Res wrong = api.login("admin", "not the password");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("code").asText()).isEqualTo("invalid_grant");
        assertThat(wrong.json().get("type").asText()).endsWith("#section/Errors/invalid_grant");
        JsonNode client = api.get("/api/v1/oauth-clients/local").json();
        Api.Res unsupported = api.postForm("/api/v1/users/token", null, Map.of("grant_type", "magic",
                "client_id", client.get("client_id").asText(), "client_secret", client.get("client_secret").asText()));
        assertThat(unsupported.status()).isEqualTo(400);
        assertThat(unsupported.json().has("code")).as(unsupported.toString()).isFalse();
        for (Api.Res r : List.of(api.get("/api/v1/users/me"), api.get("/api/v1/users", api.createUser(admin, "plain", "plain-pass-1")),
                api.get("/api/v1/videos/" + 987654))) {
            assertThat(r.json().get("type").asText()).as(r.toString()).isEqualTo("about:blank");
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @Test
    void theOAuthClientIsInPeerTubesFormat() {
        JsonNode client = api.get("/api/v1/oauth-clients/local").json();
        assertThat(client.get("client_id").asText()).matches("[a-z0-9]{32}");
        assertThat(client.get("client_secret").asText()).matches("[a-zA-Z0-9]{32}");
        server.restart();
        assertThat(api.get("/api/v1/oauth-clients/local").json()).isEqualTo(client);
    }
}
