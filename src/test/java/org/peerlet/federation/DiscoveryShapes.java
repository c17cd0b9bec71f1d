package org.peerlet.federation;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.federation.signature.Keys;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestServer;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WebFinger, NodeInfo, host-meta and actor documents have the fields PeerTube and Mastodon read;
 * actor URLs are web pages unless ActivityPub JSON is asked for; the instance name is reserved.
 */
class DiscoveryShapes {
    static TestServer a;
    static Api api;
    static String host;

    @BeforeAll
    static void start() {
        a = TestServer.start(TwoInstancesFederate.DEV);
        api = a.api();
        host = "localhost:" + a.app().port();
        api.createUser(api.adminToken(), "carol", "carol-secret-1");
    }

    @AfterAll
    static void stop() {
        a.close();
    }

    static Api.Res ap(String path, String accept) {
        return api.send(api.request(path, null).header("Accept", accept).GET());
    }

    @Test
    void webFingerFindsAccountsAndChannelsByAcctAndByUrl() {
        Api.Res r = api.get("/.well-known/webfinger?resource=acct:carol@" + host);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/jrd+json");
        JsonNode wf = r.json();
        assertThat(wf.get("subject").asText()).isEqualTo("acct:carol@" + host);
        JsonNode self = wf.get("links").get(0);
        assertThat(self.get("rel").asText()).isEqualTo("self");
        assertThat(self.get("type").asText()).isEqualTo("application/activity+json");
        assertThat(self.get("href").asText()).isEqualTo("http://" + host + "/accounts/carol");
        JsonNode channel = api.get("/.well-known/webfinger?resource=acct:carol_channel@" + host).json();
        assertThat(channel.get("links").get(0).get("href").asText()).endsWith("/video-channels/carol_channel");
        JsonNode byUrl = api.get("/.well-known/webfinger?resource=http://" + host + "/accounts/carol").json();
        assertThat(byUrl.get("subject").asText()).isEqualTo("acct:carol@" + host);
        assertThat(api.get("/.well-known/webfinger?resource=acct:nobody@" + host).status()).isEqualTo(404);
        assertThat(api.get("/.well-known/webfinger?resource=acct:carol@elsewhere.example").status()).isEqualTo(404);
    }

    @Test
    void nodeInfoAndHostMetaDescribeTheInstance() {
        String link = api.get("/.well-known/nodeinfo").json().get("links").get(0).get("href").asText();
        assertThat(link).endsWith("/nodeinfo/2.0.json");
        JsonNode ni = api.get(link).json();
        assertThat(ni.get("version").asText()).isEqualTo("2.0");
        assertThat(ni.get("software").get("name").asText()).isEqualTo("peerlet");
        assertThat(ni.get("software").get("version").asText()).isEqualTo(org.peerlet.Version.VERSION);
        assertThat(ni.get("protocols").get(0).asText()).isEqualTo("activitypub");
        assertThat(ni.get("openRegistrations").asBoolean()).isFalse();
        assertThat(ni.get("usage").get("users").get("total").asInt()).isEqualTo(2);
        Api.Res hm = api.get("/.well-known/host-meta");
        assertThat(hm.header("Content-Type")).startsWith("application/xrd+xml");
        assertThat(hm.text()).contains("/.well-known/webfinger?resource={uri}");
    }

    @Test
    void actorsAreJsonLdForFederationAndPagesForBrowsers() {
        for (String accept : new String[]{"application/activity+json",
                "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\""}) {
            Api.Res r = ap("/accounts/carol", accept);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("application/activity+json");
            JsonNode p = r.json();
            assertThat(p.get("type").asText()).isEqualTo("Person");
            assertThat(p.get("id").asText()).isEqualTo("http://" + host + "/accounts/carol");
            assertThat(p.get("preferredUsername").asText()).isEqualTo("carol");
            for (String f : new String[]{"inbox", "outbox", "followers", "following", "url"}) assertThat(p.has(f)).as(f).isTrue();
            assertThat(p.get("endpoints").get("sharedInbox").asText()).isEqualTo("http://" + host + "/inbox");
            JsonNode key = p.get("publicKey");
            assertThat(key.get("id").asText()).isEqualTo(p.get("id").asText() + "#main-key");
            assertThat(key.get("owner").asText()).isEqualTo(p.get("id").asText());
            assertThat(Keys.readPublic(key.get("publicKeyPem").asText()).getAlgorithm()).isEqualTo("RSA");
            assertThat(p.toString()).doesNotContain("PRIVATE");
        }
        JsonNode group = ap("/video-channels/carol_channel", "application/activity+json").json();
        assertThat(group.get("type").asText()).isEqualTo("Group");
        assertThat(group.get("attributedTo").get(0).get("id").asText()).endsWith("/accounts/carol");
        JsonNode app = ap("/accounts/peerlet", "application/activity+json").json();
        assertThat(app.get("type").asText()).isEqualTo("Application");
        JsonNode followers = ap("/accounts/carol/followers", "application/activity+json").json();
        assertThat(followers.get("type").asText()).isEqualTo("OrderedCollection");
        assertThat(followers.get("totalItems").asInt()).isZero();
        assertThat(ap("/accounts/carol/followers?page=1", "application/activity+json").json().get("type").asText())
                .isEqualTo("OrderedCollectionPage");

        Api.Res page = ap("/accounts/carol", "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(ap("/accounts/nobody", "application/activity+json").status()).isEqualTo(404);
    }

    @Test
    void theInstanceActorNameCannotBeRegistered() {
        Api.Res r = api.postJson("/api/v1/users", api.adminToken(), Map.of("username", "peerlet",
                "password", "peerlet-secret-1", "email", "p@example.org", "role", 2));
        assertThat(r.status()).isEqualTo(409);
    }
}
