package org.peerlet.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestServer;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PageAddressesTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyPageAddressGetsTheAppShellAndApiAddressesGetJson() {
        Api api = server.api();
        for (String page : new String[]{"/", "/login", "/w/abc", "/some/unknown/page", "/accounts/admin",
                "/video-channels/root_channel", "/accounts/nobody"}) {
            Api.Res r = api.send(api.request(page, null).header("Accept", "text/html").GET());
            assertThat(r.status()).as(page).isEqualTo(200);
            assertThat(r.header("Content-Type")).as(page).startsWith("text/html");
            assertThat(r.text()).as(page).contains("<html");
        }
        Api.Res json = api.get("/api/v1/nothing-here");
        assertThat(json.status()).isEqualTo(404);
        assertThat(json.json().get("status").asInt()).isEqualTo(404);
        Api.Res ap = api.send(api.request("/accounts/admin", null).header("Accept", "application/activity+json").GET());
        assertThat(ap.json().get("type").asText()).isEqualTo("Person");
        Api.Res missing = api.send(api.request("/accounts/nobody", null).header("Accept", "application/activity+json").GET());
        assertThat(missing.status()).isEqualTo(404);
    }

    /**
     * The app's list of pages (web/pages.json, which the browser routes by) is the server's list
     * too: each page without a parameter answers the shell even to a client asking for JSON, as
     * a page the app knows must; and each "server" prefix never gets the shell.
     */
    @Test
    void everyPageOfTheAppsListIsAPageForTheServerToo() {
        Api api = server.api();
        JsonNode list = api.get("/pages.json").json();
        List<String> pages = new ArrayList<>();
        list.get("pages").fieldNames().forEachRemaining(pages::add);
        assertThat(pages).contains("/", "/upload", "/shared", "/w/{id}");
        for (String page : pages) {
            if (page.contains("{")) continue;
            Api.Res r = api.send(api.request(page, null).header("Accept", "application/json").GET());
            assertThat(r.status()).as(page).isEqualTo(200);
            assertThat(r.header("Content-Type")).as(page).startsWith("text/html");
        }
        for (JsonNode prefix : list.get("server")) {
            Api.Res r = api.send(api.request(prefix.asText() + "no-such-thing", null).header("Accept", "text/html").GET());
            assertThat(r.status()).as(prefix.asText()).isEqualTo(404);
            assertThat(r.text()).as(prefix.asText()).doesNotContain("/js/app.js");
        }
    }
}
