package org.peerlet.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.FamilyVideos;
import org.peerlet.testing.TestClips;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A video's files are allowed from a briefly kept decision; whatever takes access away (privacy
 * changed, share revoked) shows on the very next request, not when the kept decision runs out.
 */
class FilesAreRefusedOnTheNextRequestAfterAccessChanges {
    static FamilyVideos family;
    static Api api;

    @BeforeAll
    static void start() throws Exception {
        family = FamilyVideos.publish("nana", "Birthday", d -> TestClips.h264Aac(d.resolve("birthday.mp4"), 192, 108, 1.0, 15));
        api = family.api();
    }

    @AfterAll
    static void stop() {
        family.close();
    }

    @Test
    void aVideoMadePrivateRefusesItsFilesOnTheNextRequest() {
        long id = family.publicId();
        List<String> files = files(id);
        for (int i = 0; i < 3; i++) files.forEach(f -> assertThat(api.get(f).status()).as(f).isEqualTo(200));
        assertThat(api.putJson("/api/v1/videos/" + id, family.owner(), Map.of("privacy", 3)).status()).isEqualTo(204);
        files.forEach(f -> assertThat(api.get(f).status()).as(f).isEqualTo(404));
        String token = family.fileToken(id);
        files.forEach(f -> assertThat(api.get(f + "?videoFileToken=" + token).status()).as(f).isEqualTo(200));
        assertThat(api.putJson("/api/v1/videos/" + id, family.owner(), Map.of("privacy", 1)).status()).isEqualTo(204);
        files.forEach(f -> assertThat(api.get(f).status()).as(f).isEqualTo(200));
    }

    @Test
    void aRevokedShareRefusesTheFilesOnTheNextRequestWithTheTokenOrTheLogin() {
        long id = family.privateId();
        String cousin = family.cousin();
        Api.Res shared = api.postJson("/api/v1/videos/" + id + "/shares", family.owner(), Map.of("handle", "cousin"));
        assertThat(shared.status()).isEqualTo(200);
        long shareId = shared.json().get("share").get("id").asLong();
        String token = api.postJson("/api/v1/videos/" + id + "/token", cousin, Map.of()).json().get("files").get("token").asText();
        String segment = files(id).get(0);
        for (int i = 0; i < 3; i++) {
            assertThat(api.get(segment + "?videoFileToken=" + token).status()).isEqualTo(200);
            assertThat(api.get(segment, cousin).status()).isEqualTo(200);
        }
        assertThat(api.delete("/api/v1/videos/" + id + "/shares/" + shareId, family.owner()).status()).isEqualTo(204);
        assertThat(api.get(segment + "?videoFileToken=" + token).status()).isEqualTo(403);
        assertThat(api.get(segment, cousin).status()).isEqualTo(404);
    }

    /** A segment, the variant playlist and the thumbnail of the video. */
    private static List<String> files(long id) {
        JsonNode v = api.get("/api/v1/videos/" + id, family.owner()).json();
        String master = URI.create(v.get("streamingPlaylists").get(0).get("playlistUrl").asText()).getRawPath();
        String dir = master.substring(0, master.lastIndexOf('/') + 1);
        return List.of(dir + "108-0.m4s", dir + "108.m3u8", v.get("thumbnailPath").asText());
    }
}
