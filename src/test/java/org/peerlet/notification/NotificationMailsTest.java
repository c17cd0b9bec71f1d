package org.peerlet.notification;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.SmtpServer;
import org.peerlet.testing.TestServer;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications by e-mail, per PeerTube's setting bits (1 web, 2 e-mail), received by a real SMTP
 * server: a comment on my video reaches me in my language with a link to the video; e-mail only
 * leaves the web list alone; web only sends nothing.
 */
class NotificationMailsTest {
    static SmtpServer smtp;
    static VideoOwners owners;
    static TestServer server;
    static Api api;
    static String admin;

    @BeforeAll
    static void start() throws Exception {
        smtp = SmtpServer.start();
        owners = new VideoOwners(smtp.settings());
        server = owners.server;
        api = owners.api;
        admin = owners.admin;
    }

    @AfterAll
    static void stop() {
        owners.close();
        smtp.close();
    }

    static long video(String owner, String name) {
        return owners.video(owner, name);
    }

    static void comment(String token, long video, String text) {
        Api.Res r = api.postJson("/api/v1/videos/" + video + "/comment-threads", token, Map.of("text", text));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    static void settings(String token, Map<String, Object> values) {
        Api.Res r = api.putJson("/api/v1/users/me/notification-settings", token, values);
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
    }

    @Test
    void aCommentOnMyVideoIsMailedInMyLanguageWithALinkToIt() {
        String papy = api.createUser(admin, "papy", "papy-secret-1");
        String lea = api.createUser(admin, "lea", "lea-secret-1");
        assertThat(api.putJson("/api/v1/users/me", papy, Map.of("language", "fr")).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/users/me", papy).json().get("language").asText()).isEqualTo("fr");
        long v = video(papy, "Le bateau neuf");
        settings(papy, Map.of("newCommentOnMyVideo", 3));

        comment(lea, v, "Quel joli bateau !");
        JsonNode mail = smtp.awaitMail("papy@example.org", 1);
        assertThat(mail.get("subject").asText()).isEqualTo("Nouveau commentaire sur votre vidéo Le bateau neuf");
        String shortUuid = api.get("/api/v1/videos/" + v, papy).json().get("shortUUID").asText();
        assertThat(mail.get("text").asText()).contains("Quel joli bateau !").contains("lea")
                .contains(server.app().settings().publicUrl() + "/w/" + shortUuid);
        assertThat(mail.get("contentType").asText()).isEqualTo("text/plain");
        JsonNode list = api.get("/api/v1/users/me/notifications", papy).json();
        assertThat(list.get("total").asInt()).as("on the web too (3 = both)").isEqualTo(1);
    }

    @Test
    void emailOnlyLeavesTheWebListAloneAndWebOnlySendsNothing() {
        String mamie = api.createUser(admin, "mamie", "mamie-secret-1");
        String tom = api.createUser(admin, "tom", "tom-secret-1");
        long v = video(mamie, "Garden in May");
        settings(mamie, Map.of("newCommentOnMyVideo", 1));
        comment(tom, v, "first, web only");
        settings(mamie, Map.of("newCommentOnMyVideo", 2));
        comment(tom, v, "second, by mail only");

        JsonNode mail = smtp.awaitMail("mamie@example.org", 1);
        assertThat(mail.get("subject").asText()).isEqualTo("New comment on your video Garden in May");
        assertThat(mail.get("text").asText()).contains("second, by mail only").doesNotContain("first, web only");
        JsonNode list = api.get("/api/v1/users/me/notifications", mamie).json();
        assertThat(list.get("total").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/users/me", mamie).json().get("unreadNotifications").asInt()).isEqualTo(1);
        assertThat(smtp.mailsTo("mamie@example.org")).hasSize(1);
    }

    @Test
    void aVideoMadePrivateIsNotMailedToThoseWhoMayNotSeeIt() {
        String owner = api.createUser(admin, "olga", "olga-secret-1");
        String fan = api.createUser(admin, "fan", "fan-secret-1");
        long v = video(owner, "Olga's public clip");
        settings(fan, Map.of("commentMention", 2));
        settings(owner, Map.of("newCommentOnMyVideo", 2));
        Api.Res mine = api.postJson("/api/v1/videos/" + v + "/comment-threads", fan, Map.of("text", "a question"));
        long thread = mine.json().get("comment").get("id").asLong();
        smtp.awaitMail("olga@example.org", 1);
        assertThat(api.putJson("/api/v1/videos/" + v, owner, Map.of("privacy", 3)).status()).isEqualTo(204);
        assertThat(api.postJson("/api/v1/videos/" + v + "/comments/" + thread, owner, Map.of("text", "an answer")).status())
                .isEqualTo(200);
        // A barrier: a later mail to the fan, on a video they may see.
        long other = video(owner, "Olga's other clip");
        comment(fan, other, "hello again");
        JsonNode barrier = smtp.awaitMail("olga@example.org", 2);
        assertThat(barrier.get("text").asText()).contains("hello again");
        assertThat(smtp.mailsTo("fan@example.org")).as("the reply on a video now private is not mailed").isEmpty();
    }
}
