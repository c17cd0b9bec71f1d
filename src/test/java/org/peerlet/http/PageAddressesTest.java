package org.peerlet.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestServer;

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
}
