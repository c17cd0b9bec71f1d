package org.peerlet.notification;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.Await;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kinds PeerTube's clients show besides comments: a new video of a channel I subscribed to
 * (public ones, once, taken back if the video turns private), my upload published, a new
 * subscriber to my channel (gone with the subscription); and the live unread count of the bell.
 */
class NotificationKindsTest {
    static TestServer server;
    static Api api;
    static String admin;
    static Uploads uploads;
    static Path clips;
    static Path clip;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        api = server.api();
        admin = api.adminToken();
        uploads = new Uploads(api);
        clips = Files.createTempDirectory("clips");
        clip = TestClips.h264Aac(clips.resolve("c.mp4"), 160, 90, 1.0, 10);
    }

    @AfterAll
    static void stop() {
        server.close();
        TestFiles.deleteRecursively(clips);
    }

    static List<JsonNode> of(String token, int type) {
        return of(api, token, type);
    }

    /** The person's notifications of one type, on the server {@code api} talks to. */
    static List<JsonNode> of(Api api, String token, int type) {
        Api.Res r = api.get("/api/v1/users/me/notifications?count=100", token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.json().get("data").forEach(n -> {
            if (n.get("type").asInt() == type) out.add(n);
        });
        return out;
    }

    static String channelHandle(String token) {
        JsonNode c = api.get("/api/v1/users/me", token).json().get("videoChannels").get(0);
        return c.get("name").asText() + "@" + c.get("host").asText();
    }

    static void subscribe(String token, String handle) {
        Api.Res r = api.postJson("/api/v1/users/me/subscriptions", token, Map.of("uri", handle));
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
    }

    static void privacy(String token, long video, int privacy) {
        Api.Res r = api.putJson("/api/v1/videos/" + video, token, Map.of("privacy", privacy));
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
    }

    @Test
    void subscribersHearOfPublicVideosOnceAndTheUploaderThatItIsPublished() {
        String maman = api.createUser(admin, "maman", "maman-secret-1");
        String theo = api.createUser(admin, "theo", "theo-secret-1");
        String stranger = api.createUser(admin, "stranger", "stranger-secret-1");
        subscribe(theo, channelHandle(maman));

        long pub = uploads.upload(maman, "Beach day", 1, clip);
        JsonNode published = uploads.awaitPublished(maman, pub);
        // Told by the transcoder's thread just after it publishes: awaited, not assumed.
        Await.until("theo told of the new video", () -> of(theo, Notification.NEW_VIDEO_FROM_SUBSCRIPTION).size() == 1);
        List<JsonNode> told = of(theo, Notification.NEW_VIDEO_FROM_SUBSCRIPTION);
        assertThat(told).hasSize(1);
        JsonNode v = told.get(0).get("video");
        assertThat(v.get("uuid").asText()).isEqualTo(published.get("uuid").asText());
        assertThat(v.get("shortUUID").asText()).isEqualTo(published.get("shortUUID").asText());
        assertThat(v.get("name").asText()).isEqualTo("Beach day");
        assertThat(v.get("channel").get("name").asText()).isEqualTo(channelHandle(maman).split("@")[0]);
        assertThat(of(stranger, Notification.NEW_VIDEO_FROM_SUBSCRIPTION)).as("not subscribed").isEmpty();
        assertThat(of(maman, Notification.NEW_VIDEO_FROM_SUBSCRIPTION)).as("not told of her own").isEmpty();
        List<JsonNode> mine = of(maman, Notification.MY_VIDEO_PUBLISHED);
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("video").get("id").asLong()).isEqualTo(pub);

        // An edit is not news; a second upload is.
        assertThat(api.putJson("/api/v1/videos/" + pub, maman, Map.of("name", "Beach day (long)")).status()).isEqualTo(204);
        assertThat(of(theo, Notification.NEW_VIDEO_FROM_SUBSCRIPTION)).hasSize(1);

        // Private: nobody hears of it; made public, subscribers do; private again, it is taken back.
        long priv = uploads.upload(maman, "Family only", 3, clip);
        uploads.awaitPublished(maman, priv);
        // The uploader is told first; for a private video nothing comes after that.
        Await.until("maman told her second video is published", () -> of(maman, Notification.MY_VIDEO_PUBLISHED).size() == 2);
        assertThat(of(theo, Notification.NEW_VIDEO_FROM_SUBSCRIPTION)).hasSize(1);
        privacy(maman, priv, 1);
        assertThat(of(theo, Notification.NEW_VIDEO_FROM_SUBSCRIPTION)).extracting(n -> n.get("video").get("id").asLong())
                .containsExactly(priv, pub);
        privacy(maman, priv, 2);
        assertThat(of(theo, Notification.NEW_VIDEO_FROM_SUBSCRIPTION)).extracting(n -> n.get("video").get("id").asLong())
                .containsExactly(pub);
        assertThat(api.get("/api/v1/users/me", theo).json().get("unreadNotifications").asInt()).isEqualTo(1);

        // Turned off: the next one is not told.
        assertThat(api.putJson("/api/v1/users/me/notification-settings", theo, Map.of("newVideoFromSubscription", 0)).status())
                .isEqualTo(204);
        subscribe(stranger, channelHandle(maman));
        uploads.awaitPublished(maman, uploads.upload(maman, "Another day", 1, clip));
        Await.until("the stranger, now subscribed, told", () -> of(stranger, Notification.NEW_VIDEO_FROM_SUBSCRIPTION).size() == 1);
        assertThat(of(theo, Notification.NEW_VIDEO_FROM_SUBSCRIPTION)).hasSize(1);
    }

    @Test
    void aNewSubscriberIsToldToTheChannelsOwnerUntilTheyLeave() {
        String papi = api.createUser(admin, "papi", "papi-secret-1");
        String lou = api.createUser(admin, "lou", "lou-secret-1");
        String handle = channelHandle(papi);
        subscribe(papi, handle);
        assertThat(of(papi, Notification.NEW_FOLLOW)).as("subscribing to oneself is not news").isEmpty();

        subscribe(lou, handle);
        subscribe(lou, handle);
        List<JsonNode> told = of(papi, Notification.NEW_FOLLOW);
        assertThat(told).as("once, however often asked").hasSize(1);
        JsonNode f = told.get(0).get("actorFollow");
        assertThat(f.get("follower").get("name").asText()).isEqualTo("lou");
        assertThat(f.get("state").asText()).isEqualTo("accepted");
        assertThat(f.get("following").get("type").asText()).isEqualTo("channel");
        assertThat(f.get("following").get("name").asText()).isEqualTo(handle.split("@")[0]);
        assertThat(f.get("following").get("host").asText()).isEqualTo(handle.split("@")[1]);

        assertThat(api.delete("/api/v1/users/me/subscriptions/" + Api.enc(handle), lou).status()).isEqualTo(204);
        assertThat(of(papi, Notification.NEW_FOLLOW)).isEmpty();
    }

    @Test
    void anOpenPageHearsTheUnreadCountAsItChangesUntilTheSessionEnds() throws Exception {
        String nonna = api.createUser(admin, "nonna", "nonna-secret-1");
        String cousin = api.createUser(admin, "cousin", "cousin-secret-1");
        long video = uploads.upload(nonna, "Pasta", 1, clip);
        uploads.awaitPublished(nonna, video);
        assertThat(api.get("/api/v1/users/me/notifications/live", null).status()).isEqualTo(401);

        HttpClient http = HttpClient.newHttpClient();
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        CompletableFuture<HttpResponse<Stream<String>>> stream = http.sendAsync(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/api/v1/users/me/notifications/live"))
                .header("Authorization", "Bearer " + nonna).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> res = stream.get(10, TimeUnit.SECONDS);
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        Thread reader = new Thread(() -> {
            res.body().filter(l -> l.startsWith("data:")).forEach(events::add);
            events.add("closed");
        });
        reader.setDaemon(true);
        reader.start();
        int before = api.get("/api/v1/users/me", nonna).json().get("unreadNotifications").asInt();
        assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("data: {\"unread\":" + before + "}");

        assertThat(api.postJson("/api/v1/videos/" + video + "/comment-threads", cousin, Map.of("text", "Yum")).status()).isEqualTo(200);
        assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("data: {\"unread\":" + (before + 1) + "}");
        assertThat(api.postJson("/api/v1/users/me/notifications/read-all", nonna, Map.of()).status()).isEqualTo(204);
        assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("data: {\"unread\":0}");

        // A new password ends every session: the stream closes.
        assertThat(api.putJson("/api/v1/users/me", nonna, Map.of("currentPassword", "nonna-secret-1",
                "password", "nonna-secret-2")).status()).isEqualTo(204);
        assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("closed");
    }

    @Test
    void theServerStopsPromptlyWithAStreamStillOpen() throws Exception {
        TestServer other = TestServer.start();
        String token = other.api().adminToken();
        HttpResponse<Stream<String>> res = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(
                        URI.create(other.baseUrl() + "/api/v1/users/me/notifications/live"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
        assertThat(res.body().findFirst()).hasValueSatisfying(l -> assertThat(l).startsWith("event:"));
        // Stopping used to complete the stream after its request was gone, and the error handler
        // then failed on that dead request over and over, never returning.
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), other::close);
    }
}
