package org.peerlet.playlist;

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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Playlists' privacy as a matrix: each level x each read path x each viewer, against a small
 * spec of its own ({@link #maySee}), never the code under test. Every playlist holds a public
 * video and a private one of its owner: the private video shows to its owner alone, whoever
 * may see the playlist. Any answer that may not see a playlist must not carry its name.
 */
class PlaylistPrivacyMatrixTest {
    enum Level { PUBLIC, UNLISTED, PRIVATE, SHARED, LINK }

    enum Who { ANONYMOUS, OWNER, NAMED, OTHER_USER, LINK_HOLDER }

    static final Map<Level, String> WORD = Map.of(Level.PUBLIC, "apricot", Level.UNLISTED, "bilberry",
            Level.PRIVATE, "cherry", Level.SHARED, "damson", Level.LINK, "elderberry");

    static TestServer server;
    static Api api;
    static Path work;
    static final Map<Who, String> token = new EnumMap<>(Who.class);
    static final Map<Level, JsonNode> playlist = new EnumMap<>(Level.class);
    static String linkToken;
    static long publicVideo;
    static long privateVideo;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Map.of("PEERLET_TRANSCODING_RESOLUTIONS", "240"));
        api = server.api();
        String admin = api.adminToken();
        token.put(Who.OWNER, api.createUser(admin, "alice", "alice-secret-1"));
        token.put(Who.NAMED, api.createUser(admin, "xena", "xena-secret-1"));
        token.put(Who.OTHER_USER, api.createUser(admin, "olga", "olga-secret-1"));
        String alice = token.get(Who.OWNER);
        work = Files.createTempDirectory("playlist-matrix");
        Path clip = TestClips.h264Aac(work.resolve("c.mp4"), 160, 90, 0.5, 10);
        Uploads up = new Uploads(api);
        long channel = up.channelId(alice);
        publicVideo = up.upload(alice, "Open clip", 1, clip);
        privateVideo = up.upload(alice, "Secret clip grapefruit", 3, clip);
        up.awaitPublished(alice, publicVideo);
        up.awaitPublished(alice, privateVideo);
        for (Level l : Level.values()) {
            int privacy = l == Level.PUBLIC ? 1 : l == Level.UNLISTED ? 2 : 3;
            Api.Res r = api.postJson("/api/v1/video-playlists", alice,
                    Map.of("displayName", "Album " + WORD.get(l), "privacy", privacy, "videoChannelId", channel));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            JsonNode p = r.json().get("videoPlaylist");
            playlist.put(l, p);
            for (long v : List.of(publicVideo, privateVideo)) {
                assertThat(api.postJson("/api/v1/video-playlists/" + p.get("id").asLong() + "/videos", alice,
                        Map.of("videoId", v)).status()).isEqualTo(200);
            }
        }
        Api.Res s = api.postJson("/api/v1/video-playlists/" + playlist.get(Level.SHARED).get("id").asLong() + "/shares",
                alice, Map.of("handle", "xena"));
        assertThat(s.status()).as(s.toString()).isEqualTo(200);
        Api.Res r = api.postJson("/api/v1/video-playlists/" + playlist.get(Level.LINK).get("id").asLong() + "/share-links", alice, Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        linkToken = r.json().get("shareLink").get("token").asText();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (work != null) TestFiles.deleteRecursively(work);
    }

    /** The spec: who may see a playlist of each level. */
    static boolean maySee(Level l, Who w) {
        return switch (l) {
            case PUBLIC, UNLISTED -> true;
            case PRIVATE -> w == Who.OWNER;
            case SHARED -> w == Who.OWNER || w == Who.NAMED;
            case LINK -> w == Who.OWNER || w == Who.LINK_HOLDER;
        };
    }

    /** Listed in the public lists (all, account's, channel's): public ones, and all of the owner's in his own. */
    static boolean listed(Level l, Who w, boolean ownLists) {
        return l == Level.PUBLIC || (ownLists && w == Who.OWNER);
    }

    /** A link holder carries the LINK playlist's share link, whatever they ask for. */
    static String path(Level l, Who w, String path) {
        return w == Who.LINK_HOLDER ? path + (path.contains("?") ? "&" : "?") + "share=" + linkToken : path;
    }

    static String tokenOf(Who w) {
        return token.get(w);
    }

    @Test
    void noPlaylistOrVideoLeaksToAnyoneItIsNotFor() {
        List<String> leaks = new ArrayList<>();
        for (Level l : Level.values()) {
            for (Who w : Who.values()) {
                String id = playlist.get(l).get("uuid").asText();
                String name = "Album " + WORD.get(l);
                Api.Res one = api.get(path(l, w, "/api/v1/video-playlists/" + id), tokenOf(w));
                Api.Res elements = api.get(path(l, w, "/api/v1/video-playlists/" + id + "/videos"), tokenOf(w));
                Api.Res page = api.get(path(l, w, "/w/p/" + playlist.get(l).get("shortUUID").asText()), tokenOf(w));
                String cell = l + " x " + w;
                if (maySee(l, w)) {
                    if (one.status() != 200 || !one.text().contains(name)) leaks.add(cell + ": GET refused " + one);
                    if (elements.status() != 200) leaks.add(cell + ": elements refused " + elements);
                    else checkElements(cell, w, elements.json().get("data"), leaks);
                } else {
                    int expected = w == Who.ANONYMOUS || w == Who.LINK_HOLDER ? 401 : 403;
                    if (one.status() != expected) leaks.add(cell + ": GET answered " + one);
                    if (elements.status() != expected) leaks.add(cell + ": elements answered " + elements);
                    for (Api.Res r : List.of(one, elements)) {
                        if (r.text().contains(WORD.get(l)) || r.text().contains("Open clip")) leaks.add(cell + ": refusal carries " + r);
                    }
                }
                if (page.status() != 200 || page.text().contains(WORD.get(l)) || page.text().contains("grapefruit")) {
                    leaks.add(cell + ": web page " + page.status() + " carries the playlist");
                }
                checkLists(l, w, leaks);
            }
        }
        assertThat(leaks).isEmpty();
    }

    /** The public video shows to all who see the playlist; the private one only to its owner. */
    private static void checkElements(String cell, Who w, JsonNode data, List<String> leaks) {
        if (data.size() != 2) {
            leaks.add(cell + ": " + data.size() + " elements");
            return;
        }
        if (data.get(0).get("type").asInt() != 0 || data.get(0).get("video").get("id").asLong() != publicVideo) {
            leaks.add(cell + ": public video not shown " + data.get(0));
        }
        JsonNode secret = data.get(1);
        if (w == Who.OWNER) {
            if (secret.get("type").asInt() != 0) leaks.add(cell + ": owner does not see his private video");
        } else if (secret.get("type").asInt() != 2 || !secret.get("video").isNull() || secret.toString().contains("grapefruit")) {
            leaks.add(cell + ": private video shown " + secret);
        }
    }

    private static void checkLists(Level l, Who w, List<String> leaks) {
        String name = "Album " + WORD.get(l);
        Map<String, Boolean> lists = Map.of("/api/v1/video-playlists?count=100", false,
                "/api/v1/accounts/alice/video-playlists?count=100", true,
                "/api/v1/video-channels/alice_channel/video-playlists?count=100", true);
        lists.forEach((path, own) -> {
            Api.Res r = api.get(path(l, w, path), tokenOf(w));
            boolean shown = Api.names(r.json().get("data"), "displayName").contains(name);
            if (shown != listed(l, w, own)) leaks.add(l + " x " + w + ": " + path + (shown ? " lists it" : " misses it"));
        });
        if (w == Who.ANONYMOUS || w == Who.LINK_HOLDER) return;
        Api.Res exist = api.get("/api/v1/users/me/video-playlists/videos-exist?videoIds=" + publicVideo + "&videoIds=" + privateVideo, tokenOf(w));
        boolean mentions = exist.text().contains(playlist.get(l).get("shortUUID").asText());
        if (mentions != (w == Who.OWNER)) leaks.add(l + " x " + w + ": videos-exist " + exist.text());
        Api.Res shared = api.get("/api/v1/users/me/shared-video-playlists", tokenOf(w));
        boolean sharedHas = Api.names(shared.json().get("data"), "displayName").contains(name);
        if (sharedHas != (l == Level.SHARED && w == Who.NAMED)) leaks.add(l + " x " + w + ": shared-with-me " + shared.text());
    }

    @Test
    void aLinkGrantsItsOwnPlaylistOnlyAndEndsWhenDeleted() {
        String other = playlist.get(Level.PRIVATE).get("uuid").asText();
        assertThat(api.get("/api/v1/video-playlists/" + other + "?share=" + linkToken).status()).isEqualTo(401);
        // A playlist's link is no grant for a video in it.
        assertThat(api.get("/api/v1/videos/" + privateVideo + "?share=" + linkToken).status()).isEqualTo(401);
        String alice = token.get(Who.OWNER);
        long id = playlist.get(Level.PRIVATE).get("id").asLong();
        Api.Res made = api.postJson("/api/v1/video-playlists/" + id + "/share-links", alice, Map.of("maxViews", 5));
        String t = made.json().get("shareLink").get("token").asText();
        assertThat(made.json().get("shareLink").get("watchUrl").asText()).contains("/w/p/" + playlist.get(Level.PRIVATE).get("shortUUID").asText());
        assertThat(api.get("/api/v1/video-playlists/" + other + "?share=" + t).status()).isEqualTo(200);
        Api.Res followed = api.get("/s/" + t);
        assertThat(followed.status()).isEqualTo(302);
        assertThat(followed.header("Location")).contains("/w/p/" + playlist.get(Level.PRIVATE).get("shortUUID").asText());
        long linkId = made.json().get("shareLink").get("id").asLong();
        assertThat(api.delete("/api/v1/video-playlists/" + id + "/share-links/" + linkId, token.get(Who.OTHER_USER)).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/video-playlists/" + id + "/share-links/" + linkId, alice).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/video-playlists/" + other + "?share=" + t).status()).isEqualTo(401);
    }

    @Test
    void aShareTakenBackEndsAtOnce() {
        String alice = token.get(Who.OWNER);
        long id = playlist.get(Level.PRIVATE).get("id").asLong();
        String uuid = playlist.get(Level.PRIVATE).get("uuid").asText();
        String olga = token.get(Who.OTHER_USER);
        long share = api.postJson("/api/v1/video-playlists/" + id + "/shares", alice, Map.of("handle", "olga")).json()
                .get("share").get("id").asLong();
        assertThat(api.get("/api/v1/video-playlists/" + uuid, olga).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/video-playlists/" + id + "/shares", alice).json().get("total").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/video-playlists/" + id + "/shares", olga).status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/video-playlists/" + id + "/shares/" + share, alice).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/video-playlists/" + uuid, olga).status()).isEqualTo(403);
    }
}
