package org.peerlet.video;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VideoListTest {
    static TestServer server;
    static Api api;
    static Uploads uploads;
    static String admin;
    static String owner;
    static String other;
    static String editor;
    static Path clips;
    static Path clip;
    static final Map<String, JsonNode> videos = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        api = server.api();
        uploads = new Uploads(api);
        admin = api.adminToken();
        owner = api.createUser(admin, "mia", "mia-secret-1");
        other = api.createUser(admin, "noah", "noah-secret-1");
        // Tests that add videos of their own use this account, so the lists above stay as they are.
        editor = api.createUser(admin, "eli", "eli-secret-1");
        clips = Files.createTempDirectory("clips");
        clip = TestClips.h264Aac(clips.resolve("c.mp4"), 160, 90, 1.0, 10);
        add(owner, "Alpine lake", 1, Map.of("tags[]", List.of("mountains", "water"), "category", 6, "language", "en"));
        add(owner, "Birthday cake", 1, Map.of("tags[]", List.of("family"), "category", 18, "language", "fr"));
        add(owner, "Cousins at the beach", 4, Map.of("tags[]", List.of("family", "water")));
        add(owner, "Diaper day", 3, Map.of());
        add(owner, "Everest trip", 2, Map.of());
        add(other, "Fireworks", 1, Map.of("nsfw", true));
        for (var e : videos.entrySet()) {
            String token = e.getKey().equals("Fireworks") ? other : owner;
            if (e.getKey().equals("Old title") || e.getKey().equals("To be removed")) continue;
            uploads.awaitPublished(token, e.getValue().get("id").asLong());
        }
    }

    static void add(String token, String name, int privacy, Map<String, Object> extra) {
        Map<String, Object> fields = new HashMap<>(extra);
        fields.put("name", name);
        fields.put("privacy", privacy);
        fields.put("channelId", uploads.channelId(token));
        Api.Res r = uploads.multipart(token, fields, clip, "c.mp4");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        videos.put(name, r.json().get("video"));
    }

    @AfterAll
    static void stop() {
        server.close();
        TestFiles.deleteRecursively(clips);
    }

    static List<String> names(String path, String token) {
        Api.Res r = api.get(path, token);
        assertThat(r.status()).as(path + ": " + r).isEqualTo(200);
        return Api.names(r.json().get("data"), "name");
    }

    static String id(String name) {
        return videos.get(name).get("uuid").asText();
    }

    @Test
    void eachAskerSeesOnlyWhatTheyMay() {
        assertThat(names("/api/v1/videos?sort=name", null)).containsExactly("Alpine lake", "Birthday cake", "Fireworks");
        assertThat(names("/api/v1/videos?sort=name", other))
                .containsExactly("Alpine lake", "Birthday cake", "Cousins at the beach", "Fireworks");
        assertThat(names("/api/v1/users/me/videos?sort=name", owner))
                .containsExactly("Alpine lake", "Birthday cake", "Cousins at the beach", "Diaper day", "Everest trip");
        assertThat(names("/api/v1/videos?privacyOneOf=3", admin)).containsExactly("Diaper day");
        assertThat(api.get("/api/v1/videos?privacyOneOf=3", other).status()).isEqualTo(401);
        assertThat(names("/api/v1/video-channels/mia_channel/videos?sort=name", null)).containsExactly("Alpine lake", "Birthday cake");
        assertThat(names("/api/v1/video-channels/mia_channel/videos", owner)).hasSize(5);
        assertThat(names("/api/v1/accounts/mia/videos?sort=name", other))
                .containsExactly("Alpine lake", "Birthday cake", "Cousins at the beach");
    }

    @Test
    void detailsAndFilesFollowThePrivacyOfTheVideo() {
        assertThat(api.get("/api/v1/videos/" + id("Everest trip")).status()).as("unlisted: by link").isEqualTo(200);
        assertThat(api.get("/api/v1/videos/" + id("Diaper day")).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/videos/" + id("Diaper day"), other).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/videos/" + id("Diaper day"), owner).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/videos/" + id("Diaper day"), admin).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/videos/" + id("Cousins at the beach")).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/videos/" + id("Cousins at the beach"), other).status()).isEqualTo(200);

        JsonNode priv = api.get("/api/v1/videos/" + id("Diaper day"), owner).json();
        String playlist = priv.get("streamingPlaylists").get(0).get("playlistUrl").asText();
        assertThat(api.get(playlist).status()).isEqualTo(404);
        assertThat(api.get(playlist, other).status()).isEqualTo(404);
        assertThat(api.get(playlist, owner).status()).isEqualTo(200);
        assertThat(api.get(priv.get("thumbnailPath").asText()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/videos/999999").status()).isEqualTo(404);
    }

    @Test
    void listsSortFilterAndPage() {
        assertThat(names("/api/v1/videos?sort=-name", null)).containsExactly("Fireworks", "Birthday cake", "Alpine lake");
        assertThat(names("/api/v1/videos?categoryOneOf=6", null)).containsExactly("Alpine lake");
        assertThat(names("/api/v1/videos?tagsOneOf=family", null)).containsExactly("Birthday cake");
        assertThat(names("/api/v1/videos?tagsOneOf=family&sort=name", other)).containsExactly("Birthday cake", "Cousins at the beach");
        assertThat(names("/api/v1/videos?tagsAllOf=family&tagsAllOf=water", other)).containsExactly("Cousins at the beach");
        assertThat(names("/api/v1/videos?languageOneOf=fr", null)).containsExactly("Birthday cake");
        assertThat(names("/api/v1/videos?nsfw=false&sort=name", null)).containsExactly("Alpine lake", "Birthday cake");
        assertThat(names("/api/v1/videos?isLocal=false", null)).isEmpty();
        JsonNode page = api.get("/api/v1/videos?sort=name&start=1&count=1", null).json();
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(Api.names(page.get("data"), "name")).containsExactly("Birthday cake");
        assertThat(api.get("/api/v1/videos?sort=-bogus").status()).isEqualTo(400);
        JsonNode first = api.get("/api/v1/videos?sort=name").json().get("data").get(0);
        assertThat(first.get("privacy").get("label").asText()).isEqualTo("Public");
        assertThat(first.get("channel").get("name").asText()).isEqualTo("mia_channel");
        assertThat(first.get("account").get("name").asText()).isEqualTo("mia");
    }

    @Test
    void viewsAreCountedOncePerViewerAndSortTheList() {
        String cake = id("Birthday cake");
        assertThat(api.postJson("/api/v1/videos/" + cake + "/views", null, Map.of()).status()).isEqualTo(204);
        assertThat(api.postJson("/api/v1/videos/" + cake + "/views", null, Map.of()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/videos/" + cake).json().get("views").asInt()).isEqualTo(1);
        assertThat(names("/api/v1/videos?sort=-views", null).get(0)).isEqualTo("Birthday cake");
        assertThat(api.postJson("/api/v1/videos/" + id("Diaper day") + "/views", null, Map.of()).status()).isEqualTo(401);
    }

    @Test
    void searchFindsWordsInTitlesAndTagsAndRespectsPrivacy() {
        assertThat(names("/api/v1/search/videos?search=alpine", null)).containsExactly("Alpine lake");
        assertThat(names("/api/v1/search/videos?search=mount", null)).as("tag, by prefix").containsExactly("Alpine lake");
        assertThat(names("/api/v1/search/videos?search=Family", null)).containsExactly("Birthday cake");
        assertThat(names("/api/v1/search/videos?search=water", other)).containsExactlyInAnyOrder("Alpine lake", "Cousins at the beach");
        assertThat(names("/api/v1/search/videos?search=diaper", null)).isEmpty();
        assertThat(names("/api/v1/search/videos?search=%22)(*", null)).isEmpty();
    }

    @Test
    void theOwnerEditsAndOthersCannot() {
        add(editor, "Old title", 2, Map.of());
        uploads.awaitPublished(editor, videos.get("Old title").get("id").asLong());
        String lake = id("Old title");
        assertThat(api.putJson("/api/v1/videos/" + lake, other, Map.of("name", "Mine now")).status()).isEqualTo(403);
        assertThat(api.putJson("/api/v1/videos/" + lake, editor, Map.of("name", "New title at dawn",
                "tags", List.of("sunrise", "hills"), "privacy", 1)).status()).isEqualTo(204);
        JsonNode v = api.get("/api/v1/videos/" + lake).json();
        assertThat(v.get("name").asText()).isEqualTo("New title at dawn");
        assertThat(v.get("tags").toString()).isEqualTo("[\"hills\",\"sunrise\"]");
        assertThat(names("/api/v1/search/videos?search=sunrise", null)).containsExactly("New title at dawn");
        assertThat(api.putJson("/api/v1/videos/" + lake, editor, Map.of("name", "x")).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/videos/" + lake).json().get("name").asText()).isEqualTo("New title at dawn");
        api.putJson("/api/v1/videos/" + lake, editor, Map.of("privacy", 2));
    }

    @Test
    void deletingAVideoRemovesItsRowsAndFiles() {
        add(editor, "To be removed", 2, Map.of());
        JsonNode v = videos.get("To be removed");
        uploads.awaitPublished(editor, v.get("id").asLong());
        String uuid = v.get("uuid").asText();
        assertThat(TestFiles.listFiles(server.dataDir()).stream().filter(f -> f.contains(uuid))).isNotEmpty();
        assertThat(api.delete("/api/v1/videos/" + uuid, other).status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/videos/" + uuid, editor).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/videos/" + uuid, editor).status()).isEqualTo(404);
        assertThat(TestFiles.listFiles(server.dataDir()).stream().filter(f -> f.contains(uuid))).isEmpty();
        videos.remove("To be removed");
    }

    @Test
    void theConstantListsArePeerTubes() {
        assertThat(api.get("/api/v1/videos/categories").json().get("1").asText()).isEqualTo("Music");
        assertThat(api.get("/api/v1/videos/licences").json().get("7").asText()).isEqualTo("Public Domain Dedication");
        assertThat(api.get("/api/v1/videos/languages").json().get("fr").asText()).isEqualTo("French");
        assertThat(api.get("/api/v1/videos/privacies").json().get("4").asText()).isEqualTo("Internal");
    }
}
