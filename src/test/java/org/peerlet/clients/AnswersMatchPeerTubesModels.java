package org.peerlet.clients;

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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract with PeerTube's clients: the real server is driven through every operation it
 * implements, and each real answer is checked by {@code tsc} against PeerTube's published model
 * types ({@code @peertube/peertube-types}, pinned in src/test/peertube-types and installed there by
 * the Maven build). A missing field, a wrong type, a null where PeerTube promises a value, or a
 * field PeerTube does not have fails with tsc's message naming it.
 *
 * <p>Excess properties are refused (TypeScript's check of fresh object literals), so a misspelt
 * optional field cannot pass unseen. What Peerlet deliberately answers differently is declared in
 * {@link #DELIBERATE} and nowhere else:
 * <ul>
 *   <li>a video's owner also sees its {@code visibility} (who it is shared with, Peerlet's sharing);</li>
 *   <li>videos: {@code descriptionHtml} (the Markdown description rendered safely on the server,
 *   so no client has to) and {@code descriptionPath}, {@code commentsEnabled} (PeerTube 6's name
 *   of the comments policy, still read by older apps);</li>
 *   <li>HLS files: {@code bandwidth} (the rung's peak bit rate, which our player reads instead of
 *   fetching each playlist);</li>
 *   <li>{@code config/custom} answers the settings Peerlet has, not PeerTube's hundreds: it is
 *   checked as a {@code RecursivePartial<CustomConfig>}, so what is there is typed as PeerTube's;</li>
 *   <li>the token ({@code users/token}) has {@code expires_in} and {@code refresh_token_expires_in},
 *   which PeerTube's OAuth server sends too though its type leaves them out;</li>
 *   <li>comments carry {@code textHtml} (the text rendered safely, as descriptions) and
 *   {@code contentWarning} (a remote comment's content warning, Mastodon's {@code summary}, null
 *   for ours; PeerTube drops it), and
 *   {@code users/me} {@code unreadNotifications} (the bell's count without a second call);</li>
 *   <li>notifications of Peerlet's own kind 1001, a private video shared with me by name (PeerTube
 *   has no named shares; its kinds run from 1 to 31), with its setting {@code videoSharedWithMe};</li>
 *   <li>two-factor's {@code otpRequest} also carries {@code qrCodeSvg}, the QR code of its
 *   {@code uri} drawn by the server, since our page draws none itself;</li>
 *   <li>errors keep {@code error} (the same text as {@code detail}), which PeerTube's API
 *   description says it still sends for older clients.</li>
 * </ul>
 */
class AnswersMatchPeerTubesModels {
    /** Peerlet's additions, as TypeScript: each is a reason given in the class comment. */
    static final String DELIBERATE = """
            type PeerletVideoDetails = VideoDetails & { descriptionHtml: string, descriptionPath: string, commentsEnabled: boolean,
              streamingPlaylists: (VideoStreamingPlaylist & { files: (VideoFile & { playlistUrl: string, bandwidth: number })[] })[] }
            type PeerletUserLogin = UserLogin & { expires_in: number, refresh_token_expires_in: number }
            type PeerletProblem = PeerTubeProblemDocument & { error: string }
            type PeerletMyUser = MyUser & { unreadNotifications: number,
              notificationSettings: UserNotificationSetting & { videoSharedWithMe: UserNotificationSettingValueType } }
            type PeerletNotification = Omit<UserNotification, 'type'> & { type: UserNotification['type'] | 1001 }
            type PeerletComment = VideoComment & { textHtml: string, contentWarning: string }
            type PeerletCommentThreads = ResultList<PeerletComment> & { totalNotDeletedComments: number }
            type PeerletTwoFactorRequest = { otpRequest: TwoFactorEnableResult['otpRequest'] & { qrCodeSvg: string } }
            """;

    static TestServer server;
    static Api api;
    static Path work;
    static String admin;
    static String alice;
    static long videoId;
    static String videoUuid;

    @BeforeAll
    static void start() throws Exception {
        Path modules = modules();
        assertThat(Files.isRegularFile(modules.resolve("@peertube/peertube-types/index.d.ts")))
                .as("PeerTube's types in " + modules + ": `mvn verify` installs them with npm (src/test/peertube-types)").isTrue();
        server = TestServer.start();
        api = server.api();
        work = Files.createTempDirectory("contract");
        admin = api.adminToken();
        alice = api.createUser(admin, "alice", "alice-password-1");
        Uploads uploads = new Uploads(api);
        // Three seconds: long enough for a storyboard.
        Path clip = TestClips.h264Aac(work.resolve("clip.mp4"), 320, 180, 3.0, 25);
        videoId = uploads.upload(alice, "A public video", 1, clip);
        videoUuid = uploads.awaitPublished(alice, videoId).get("uuid").asText();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (work != null) TestFiles.deleteRecursively(work);
    }

    static Path modules() {
        return Path.of(System.getProperty("peerlet.peertubeTypes", "src/test/peertube-types/node_modules"));
    }

    @Test
    void everyImplementedOperationAnswersInPeerTubesModels() throws Exception {
        ModelContract c = new ModelContract(modules(), DELIBERATE);
        instance(c);
        usersAndAccounts(c);
        videos(c);
        library(c);
        playlists(c);
        atStart(c);
        notifications(c);
        moderation(c);
        twoFactor(c);
        blocklistsAndWatchedWords(c);
        assertThat(c.problems()).as("answers that do not match PeerTube's models").isEmpty();
    }

    private static void instance(ModelContract c) {
        c.expect("GET /api/v1/config", "ServerConfig", api.get("/api/v1/config"));
        c.expect("GET /api/v1/config/about", "About", api.get("/api/v1/config/about"));
        c.expect("GET /api/v1/config/custom", "RecursivePartial<CustomConfig>", api.get("/api/v1/config/custom", admin));
        c.expect("GET /api/v1/oauth-clients/local", "OAuthClientLocal", api.get("/api/v1/oauth-clients/local"));
        c.expect("POST /api/v1/users/token", "PeerletUserLogin", api.login("alice", "alice-password-1"));
        c.expect("GET /api/v1/jobs", "ResultList<Job>", api.get("/api/v1/jobs", admin));
        c.expect("GET /api/v1/plugins", "ResultList<PeerTubePlugin>", api.get("/api/v1/plugins", admin));
        c.expect("GET /api/v1/server/following", "ResultList<ActorFollow>", api.get("/api/v1/server/following"));
        c.expect("GET /api/v1/server/followers", "ResultList<ActorFollow>", api.get("/api/v1/server/followers"));
        c.expect("GET /api/v1/server/blocklist/servers", "ResultList<ServerBlock>", api.get("/api/v1/server/blocklist/servers", admin));
    }

    private static void usersAndAccounts(ModelContract c) {
        c.expect("GET /api/v1/users/me", "PeerletMyUser", api.get("/api/v1/users/me", alice));
        c.expect("GET /api/v1/users", "ResultList<User>", api.get("/api/v1/users", admin));
        long bobId = c.expect("POST /api/v1/users (its user)", "UserCreateResult", api.postJson("/api/v1/users", admin,
                Map.of("username", "bob", "password", "bob-password-1", "email", "bob@example.org", "role", 2)).json().get("user"))
                .get("id").asLong();
        c.expect("GET /api/v1/users/{id}", "User", api.get("/api/v1/users/" + bobId, admin));
        c.expect("GET /api/v1/accounts/{name}", "Account", api.get("/api/v1/accounts/alice"));
        c.expect("GET /api/v1/accounts/{name}/video-channels", "ResultList<VideoChannel>", api.get("/api/v1/accounts/alice/video-channels"));
        c.expect("GET /api/v1/accounts/{name}/videos", "ResultList<Video>", api.get("/api/v1/accounts/alice/videos"));
        c.expect("GET /api/v1/video-channels", "ResultList<VideoChannel>", api.get("/api/v1/video-channels"));
        c.expect("GET /api/v1/video-channels/{handle}", "VideoChannel", api.get("/api/v1/video-channels/alice_channel"));
        c.expect("GET /api/v1/video-channels/{handle}/videos", "ResultList<Video>", api.get("/api/v1/video-channels/alice_channel/videos"));
        c.expect("POST /api/v1/video-channels (its channel)", "VideoChannelCreateResult", api.postJson("/api/v1/video-channels", alice,
                Map.of("name", "alice_second", "displayName", "Second")).json().get("videoChannel"));
        c.expect("GET /api/v1/users/me/subscriptions", "ResultList<VideoChannel>", api.get("/api/v1/users/me/subscriptions", alice));
        c.expect("GET /api/v1/users/me/subscriptions/videos", "ResultList<Video>", api.get("/api/v1/users/me/subscriptions/videos", alice));
    }

    private static void videos(ModelContract c) {
        c.expect("GET /api/v1/videos", "ResultList<Video>", api.get("/api/v1/videos"));
        c.expect("GET /api/v1/videos/{id}", "PeerletVideoDetails", api.get("/api/v1/videos/" + videoUuid));
        c.expect("GET /api/v1/videos/{id}/description", "{ description: string }", api.get("/api/v1/videos/" + videoId + "/description"));
        JsonNode file = api.get("/api/v1/videos/" + videoUuid).json().get("files").get(0);
        assertThat(file.path("metadataUrl").isTextual()).as("a published file's metadataUrl: " + file).isTrue();
        JsonNode metadata = c.expect("GET /api/v1/videos/{id}/metadata/{videoFileId}", "VideoFileMetadata",
                api.get(file.get("metadataUrl").asText()));
        assertThat(metadata.get("streams").get(0).get("width").asInt()).isEqualTo(file.get("width").asInt());
        c.expect("GET /api/v1/users/me/videos", "ResultList<Video>", api.get("/api/v1/users/me/videos", alice));
        c.expect("GET /api/v1/search/videos", "ResultList<Video>", api.get("/api/v1/search/videos?search=public"));
        c.expect("GET /api/v1/videos/categories", "{ [id: number]: string }", api.get("/api/v1/videos/categories"));
        c.expect("GET /api/v1/videos/licences", "{ [id: number]: string }", api.get("/api/v1/videos/licences"));
        c.expect("GET /api/v1/videos/languages", "{ [id: string]: string }", api.get("/api/v1/videos/languages"));
        c.expect("GET /api/v1/videos/privacies", "{ [id: number]: string }", api.get("/api/v1/videos/privacies"));
        c.expect("POST /api/v1/videos/{id}/comment-threads (its comment)", "PeerletComment", api.postJson(
                "/api/v1/videos/" + videoId + "/comment-threads", alice, Map.of("text", "First!")).json().get("comment"));
        c.expect("GET /api/v1/videos/{id}/comment-threads", "PeerletCommentThreads", api.get("/api/v1/videos/" + videoId + "/comment-threads"));
        c.expect("POST /api/v1/videos/{id}/token", "VideoToken", api.postJson("/api/v1/videos/" + videoId + "/token", alice, Map.of()));
    }

    /** Resume and history, captions, chapters, storyboards. */
    private static void library(ModelContract c) {
        assertThat(api.postJson("/api/v1/videos/" + videoId + "/views", alice, Map.of("currentTime", 1)).status()).isEqualTo(204);
        c.expect("GET /api/v1/videos/{id} (with userHistory)", "PeerletVideoDetails & { visibility: object }", api.get("/api/v1/videos/" + videoUuid, alice));
        c.expect("GET /api/v1/users/me/history/videos", "ResultList<Video>", api.get("/api/v1/users/me/history/videos", alice));
        org.peerlet.testing.Multipart caption = new org.peerlet.testing.Multipart().file("captionfile", "en.vtt",
                "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nHello\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Api.Res put = api.send(api.request("/api/v1/videos/" + videoId + "/captions/en", alice)
                .header("Content-Type", caption.contentType())
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(caption.bytes())));
        assertThat(put.status()).as(put.toString()).isEqualTo(204);
        c.expect("GET /api/v1/videos/{id}/captions", "ResultList<VideoCaption>", api.get("/api/v1/videos/" + videoId + "/captions"));
        assertThat(api.putJson("/api/v1/videos/" + videoId + "/chapters", alice, Map.of("chapters",
                List.of(Map.of("timecode", 0, "title", "Start")))).status()).isEqualTo(204);
        c.expect("GET /api/v1/videos/{id}/chapters", "{ chapters: VideoChapter[] }", api.get("/api/v1/videos/" + videoId + "/chapters"));
        Api.Res boards = api.get("/api/v1/videos/" + videoId + "/storyboards");
        assertThat(boards.json().get("storyboards")).as(boards.toString()).hasSize(1);
        c.expect("GET /api/v1/videos/{id}/storyboards", "{ storyboards: Storyboard[] }", boards);
    }

    private static void playlists(ModelContract c) {
        long channel = api.get("/api/v1/users/me", alice).json().get("videoChannels").get(0).get("id").asLong();
        JsonNode made = c.expect("POST /api/v1/video-playlists (its playlist)", "VideoPlaylistCreateResult", api.postJson(
                "/api/v1/video-playlists", alice, Map.of("displayName", "Holidays", "privacy", 1, "videoChannelId", channel))
                .json().get("videoPlaylist"));
        String id = made.get("uuid").asText();
        c.expect("POST /api/v1/video-playlists/{id}/videos (its element)", "VideoPlaylistElementCreateResult", api.postJson(
                "/api/v1/video-playlists/" + id + "/videos", alice, Map.of("videoId", videoId)).json().get("videoPlaylistElement"));
        c.expect("GET /api/v1/video-playlists/{id}", "VideoPlaylist", api.get("/api/v1/video-playlists/" + id));
        c.expect("GET /api/v1/video-playlists", "ResultList<VideoPlaylist>", api.get("/api/v1/video-playlists"));
        c.expect("GET /api/v1/video-playlists/{id}/videos", "ResultList<VideoPlaylistElement>",
                api.get("/api/v1/video-playlists/" + id + "/videos"));
        c.expect("GET /api/v1/video-playlists/privacies", "{ [id: number]: string }", api.get("/api/v1/video-playlists/privacies"));
        c.expect("GET /api/v1/accounts/{name}/video-playlists", "ResultList<VideoPlaylist>",
                api.get("/api/v1/accounts/alice/video-playlists", alice));
        c.expect("GET /api/v1/video-channels/{handle}/video-playlists", "ResultList<VideoPlaylist>",
                api.get("/api/v1/video-channels/alice_channel/video-playlists"));
        c.expect("GET /api/v1/users/me/video-playlists/videos-exist", "VideosExistInPlaylists",
                api.get("/api/v1/users/me/video-playlists/videos-exist?videoIds=" + videoId, alice));
    }

    /** What PeerTube's clients call when they start or open a page. */
    private static void atStart(ModelContract c) {
        c.expect("GET /api/v1/users/me/video-quota-used", "UserVideoQuota", api.get("/api/v1/users/me/video-quota-used", alice));
        c.expect("GET /api/v1/player-settings/videos/{id}", "PlayerVideoSettings", api.get("/api/v1/player-settings/videos/" + videoUuid));
        c.expect("PUT /api/v1/player-settings/videos/{id}", "PlayerVideoSettings",
                api.putJson("/api/v1/player-settings/videos/" + videoId, alice, Map.of("theme", "channel-default")));
        c.expect("GET /api/v1/player-settings/video-channels/{handle}", "PlayerChannelSettings",
                api.get("/api/v1/player-settings/video-channels/alice_channel?raw=true"));
        c.expect("GET /api/v1/search/video-channels", "ResultList<VideoChannel>", api.get("/api/v1/search/video-channels?search=alice"));
        c.expect("GET /api/v1/search/video-playlists", "ResultList<VideoPlaylist>", api.get("/api/v1/search/video-playlists?search=x"));
        c.expect("GET /api/v1/overviews/videos", "VideosOverview", api.get("/api/v1/overviews/videos"));
        c.expect("GET /api/v1/server/stats", "ServerStats", api.get("/api/v1/server/stats"));
        c.expect("GET /api/v1/jobs/{state}", "ResultList<Job>", api.get("/api/v1/jobs/completed", admin));
        c.expect("GET /api/v1/videos/blacklist", "ResultList<VideoBlacklist>", api.get("/api/v1/videos/blacklist", admin));
        c.expect("GET /api/v1/users/registrations", "ResultList<UserRegistration>", api.get("/api/v1/users/registrations", admin));
        c.expect("GET /api/v1/videos/{id} (its owner)", "PeerletVideoDetails & { visibility: object }",
                api.get("/api/v1/videos/" + videoId, alice));
    }

    /** Alice's: her video published, Bob subscribing to her channel and commenting on her video. */
    private static void notifications(ModelContract c) {
        String bob = api.token("bob", "bob-password-1");
        String channel = "alice_channel@" + api.get("/api/v1/video-channels/alice_channel").json().get("host").asText();
        assertThat(api.postJson("/api/v1/users/me/subscriptions", bob, Map.of("uri", channel)).status())
                .isEqualTo(204);
        assertThat(api.postJson("/api/v1/videos/" + videoId + "/comment-threads", bob, Map.of("text", "Nice")).status()).isEqualTo(200);
        long shared = new Uploads(api).upload(bob, "For Alice only", 3, work.resolve("clip.mp4"));
        new Uploads(api).awaitPublished(bob, shared);
        assertThat(api.postJson("/api/v1/videos/" + shared + "/shares", bob, Map.of("handle", "alice")).status()).isEqualTo(200);
        JsonNode list = c.expect("GET /api/v1/users/me/notifications", "ResultList<PeerletNotification>",
                api.get("/api/v1/users/me/notifications", alice));
        List<Integer> types = new java.util.ArrayList<>();
        list.get("data").forEach(n -> types.add(n.get("type").asInt()));
        assertThat(types).as("a new comment, a new follower, a video published, a video shared").contains(2, 10, 6, 1001);
    }

    /** Running a community: sign-ups on approval, reports and their messages, a ban with its reason. */
    private static void moderation(ModelContract c) {
        assertThat(api.putJson("/api/v1/config/custom", admin, Map.of("signup", Map.of("enabled", true, "requiresApproval", true)))
                .status()).isEqualTo(200);
        long reg = c.expect("POST /api/v1/users/registrations/request", "UserRegistration", api.postJson(
                "/api/v1/users/registrations/request", null, Map.of("username", "rita", "password", "rita-password-1",
                        "email", "rita@example.org", "registrationReason", "My cousin is here"))).get("id").asLong();
        c.expect("GET /api/v1/users/registrations (one waits)", "ResultList<UserRegistration>", api.get("/api/v1/users/registrations", admin));
        c.expect("POST /api/v1/users/registrations/{id}/accept", "UserRegistration", api.postJson(
                "/api/v1/users/registrations/" + reg + "/accept", admin, Map.of("moderationResponse", "Welcome")));
        String rita = api.token("rita", "rita-password-1");
        long commentId = api.postJson("/api/v1/videos/" + videoId + "/comment-threads", rita, Map.of("text", "Rude words"))
                .json().get("comment").get("id").asLong();
        long abuse = c.expect("POST /api/v1/abuses", "{ abuse: { id: number } }", api.postJson("/api/v1/abuses", admin,
                Map.of("reason", "Rude", "predefinedReasons", List.of("hatefulOrAbusive"), "comment", Map.of("id", commentId))))
                .get("abuse").get("id").asLong();
        api.postJson("/api/v1/abuses", rita, Map.of("reason", "Misleading title", "video", Map.of("id", videoId, "startAt", 1)));
        c.expect("POST /api/v1/abuses/{id}/messages", "{ abuseMessage: { id: number } }", api.postJson(
                "/api/v1/abuses/" + abuse + "/messages", admin, Map.of("message", "We look into it")));
        c.expect("GET /api/v1/abuses", "ResultList<AdminAbuse>", api.get("/api/v1/abuses", admin));
        c.expect("GET /api/v1/users/me/abuses", "ResultList<UserAbuse>", api.get("/api/v1/users/me/abuses", rita));
        c.expect("GET /api/v1/abuses/{id}/messages", "ResultList<AbuseMessage>", api.get("/api/v1/abuses/" + abuse + "/messages", admin));
        long ritaId = api.get("/api/v1/users/me", rita).json().get("id").asLong();
        assertThat(api.postJson("/api/v1/users/" + ritaId + "/block", admin, Map.of("reason", "Rude")).status()).isEqualTo(204);
        c.expect("GET /api/v1/users/{id} (banned)", "User", api.get("/api/v1/users/" + ritaId, admin));
        assertThat(api.postJson("/api/v1/videos/" + videoId + "/blacklist", admin, Map.of("reason", "Spam")).status()).isEqualTo(204);
        c.expect("GET /api/v1/videos/blacklist (one blocked)", "ResultList<VideoBlacklist>", api.get("/api/v1/videos/blacklist", admin));
        assertThat(api.delete("/api/v1/videos/" + videoId + "/blacklist", admin).status()).isEqualTo(204);
        JsonNode told = c.expect("GET /api/v1/users/me/notifications (a moderator's)", "ResultList<UserNotification>",
                api.get("/api/v1/users/me/notifications?count=100", admin));
        List<Integer> types = new java.util.ArrayList<>();
        told.get("data").forEach(n -> types.add(n.get("type").asInt()));
        assertThat(types).as("reports and a sign-up request").contains(3, 20);
    }

    /** Turning two-factor on, and the token endpoint asking for the code as PeerTube's does. */
    private static void twoFactor(ModelContract c) {
        String tess = api.createUser(admin, "tess", "tess-password-1");
        long id = api.get("/api/v1/users/me", tess).json().get("id").asLong();
        JsonNode otp = c.expect("POST /api/v1/users/{id}/two-factor/request", "PeerletTwoFactorRequest", api.postJson(
                "/api/v1/users/" + id + "/two-factor/request", tess, Map.of("currentPassword", "tess-password-1"))).get("otpRequest");
        String code = org.peerlet.testing.Totp.code(otp.get("secret").asText(), java.time.Instant.now());
        assertThat(api.postJson("/api/v1/users/" + id + "/two-factor/confirm-request", tess,
                Map.of("requestToken", otp.get("requestToken").asText(), "otpToken", code)).status()).isEqualTo(204);
        c.expect("GET /api/v1/users/me (two-factor on)", "PeerletMyUser", api.get("/api/v1/users/me", tess));
        Api.Res missing = api.login("tess", "tess-password-1");
        assertThat(missing.status()).isEqualTo(401);
        c.expect("POST /api/v1/users/token (two-factor code missing)", "PeerletProblem", missing.json());
    }

    /** Mutes (a person's and the instance's), their status, watched words; last, as bob's mute of alice hides her. */
    private static void blocklistsAndWatchedWords(ModelContract c) {
        String bob = api.token("bob", "bob-password-1");
        assertThat(api.postJson("/api/v1/users/me/blocklist/accounts", bob, Map.of("accountName", "alice")).status()).isEqualTo(204);
        assertThat(api.postJson("/api/v1/users/me/blocklist/servers", bob, Map.of("host", "spam.example")).status()).isEqualTo(204);
        c.expect("GET /api/v1/users/me/blocklist/accounts", "ResultList<AccountBlock>", api.get("/api/v1/users/me/blocklist/accounts", bob));
        c.expect("GET /api/v1/users/me/blocklist/servers", "ResultList<ServerBlock>", api.get("/api/v1/users/me/blocklist/servers", bob));
        assertThat(api.postJson("/api/v1/server/blocklist/accounts", admin, Map.of("accountName", "bob")).status()).isEqualTo(204);
        assertThat(api.postJson("/api/v1/server/blocklist/servers", admin, Map.of("host", "spam.example")).status()).isEqualTo(204);
        c.expect("GET /api/v1/server/blocklist/accounts", "ResultList<AccountBlock>", api.get("/api/v1/server/blocklist/accounts", admin));
        c.expect("GET /api/v1/server/blocklist/servers (one blocked)", "ResultList<ServerBlock>",
                api.get("/api/v1/server/blocklist/servers", admin));
        c.expect("GET /api/v1/blocklist/status", "BlockStatus", api.get("/api/v1/blocklist/status?accounts=alice&hosts=spam.example", bob));
        c.expect("POST /api/v1/watched-words/accounts/{accountName}/lists", "{ watchedWordsList: { id: number } }", api.postJson(
                "/api/v1/watched-words/accounts/alice/lists", alice, Map.of("listName", "Spam", "words", List.of("pills"))));
        c.expect("GET /api/v1/watched-words/accounts/{accountName}/lists", "ResultList<WatchedWordsList>",
                api.get("/api/v1/watched-words/accounts/alice/lists", alice));
        c.expect("POST /api/v1/watched-words/server/lists", "{ watchedWordsList: { id: number } }", api.postJson(
                "/api/v1/watched-words/server/lists", admin, Map.of("listName", "Insults", "words", List.of("idiot"))));
        c.expect("GET /api/v1/watched-words/server/lists", "ResultList<WatchedWordsList>", api.get("/api/v1/watched-words/server/lists", admin));
    }

    @Test
    void errorsArePeerTubeProblemDocuments() throws Exception {
        ModelContract c = new ModelContract(modules(), DELIBERATE);
        for (Api.Res r : List.of(api.get("/api/v1/videos/" + Long.MAX_VALUE), api.get("/api/v1/users/me"),
                api.get("/api/v1/no-such-thing"), api.postJson("/api/v1/users", admin, Map.of("username", "")),
                api.get("/api/v1/videos/not-an-id"), api.login("alice", "wrong password"))) {
            assertThat(r.status() / 100).as(r.toString()).isEqualTo(4);
            c.expect("an error " + r.status() + " " + r.text(), "PeerletProblem", r.json());
        }
        assertThat(c.problems()).as("errors that do not match PeerTube's model").isEmpty();
    }
}
