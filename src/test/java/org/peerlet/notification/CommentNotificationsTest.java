package org.peerlet.notification;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The uploader hears of a comment on their video, a commenter of a reply to their comment, both
 * through PeerTube's notification API; read, read-all, the unread count and the settings work.
 */
class CommentNotificationsTest {
    static VideoOwners owners;
    static Api api;
    static String admin;

    @BeforeAll
    static void start() throws Exception {
        owners = new VideoOwners(Map.of());
        api = owners.api;
        admin = owners.admin;
    }

    @AfterAll
    static void stop() {
        owners.close();
    }

    static long video(String owner, String name) {
        return owners.video(owner, name);
    }

    static JsonNode comment(String token, String path, String text) {
        Api.Res r = api.postJson(path, token, Map.of("text", text));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("comment");
    }

    static JsonNode notifications(String token) {
        Api.Res r = api.get("/api/v1/users/me/notifications", token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    static int unread(String token) {
        return api.get("/api/v1/users/me", token).json().get("unreadNotifications").asInt();
    }

    @Test
    void aCommentTellsTheUploaderAndAReplyTellsTheCommenter() {
        String grandpa = api.createUser(admin, "grandpa", "grandpa-secret-1");
        String lea = api.createUser(admin, "lea", "lea-secret-1");
        long v = video(grandpa, "The new boat");
        assertThat(unread(grandpa)).isZero();
        JsonNode hers = comment(lea, "/api/v1/videos/" + v + "/comment-threads", "Lovely boat!");

        JsonNode list = notifications(grandpa);
        assertThat(list.get("total").asInt()).isEqualTo(1);
        JsonNode n = list.get("data").get(0);
        assertThat(n.get("type").asInt()).isEqualTo(2);
        assertThat(n.get("read").asBoolean()).isFalse();
        assertThat(n.get("comment").get("id").asLong()).isEqualTo(hers.get("id").asLong());
        assertThat(n.get("comment").get("account").get("name").asText()).isEqualTo("lea");
        assertThat(n.get("comment").get("video").get("id").asLong()).isEqualTo(v);
        assertThat(unread(grandpa)).isEqualTo(1);
        assertThat(notifications(lea).get("total").asInt()).as("her own comment tells her nothing").isZero();

        comment(grandpa, "/api/v1/videos/" + v + "/comments/" + hers.get("id").asLong(), "Thank you!");
        JsonNode reply = notifications(lea).get("data").get(0);
        assertThat(reply.get("type").asInt()).isEqualTo(11);
        assertThat(reply.get("comment").get("account").get("name").asText()).isEqualTo("grandpa");
        assertThat(notifications(grandpa).get("total").asInt()).as("his own reply tells him nothing").isEqualTo(1);

        assertThat(api.postJson("/api/v1/users/me/notifications/read", grandpa, Map.of("ids", List.of(n.get("id").asLong())))
                .status()).isEqualTo(204);
        assertThat(unread(grandpa)).isZero();
        assertThat(notifications(grandpa).get("data").get(0).get("read").asBoolean()).isTrue();
        // Someone else's notification is not theirs to mark.
        assertThat(api.postJson("/api/v1/users/me/notifications/read", grandpa, Map.of("ids", List.of(reply.get("id").asLong())))
                .status()).isEqualTo(204);
        assertThat(unread(lea)).isEqualTo(1);
        assertThat(api.postJson("/api/v1/users/me/notifications/read-all", lea, Map.of()).status()).isEqualTo(204);
        assertThat(unread(lea)).isZero();
    }

    @Test
    void aTypeTurnedOffInTheSettingsIsNotNotified() {
        String owner = api.createUser(admin, "quiet", "quiet-secret-1");
        String friend = api.createUser(admin, "friend", "friend-secret-1");
        long v = video(owner, "Please no pings");
        assertThat(api.putJson("/api/v1/users/me/notification-settings", owner, Map.of("newCommentOnMyVideo", 0)).status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/users/me", owner).json().get("notificationSettings").get("newCommentOnMyVideo").asInt())
                .isZero();
        comment(friend, "/api/v1/videos/" + v + "/comment-threads", "ping");
        assertThat(notifications(owner).get("total").asInt()).isZero();
        assertThat(api.putJson("/api/v1/users/me/notification-settings", owner, Map.of("noSuchThing", 1)).status()).isEqualTo(400);
        assertThat(api.putJson("/api/v1/users/me/notification-settings", owner, Map.of("commentMention", 7)).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/users/me/notifications", null).status()).isEqualTo(401);
        assertThat(api.postJson("/api/v1/users/me/notifications/read", owner, Map.of("ids", List.of())).status()).isEqualTo(400);
    }
}
