package org.peerlet.channel;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.Multipart;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Avatars and banners as PeerTube's API has them: picked with a multipart upload, cut to shape
 * at PeerTube's sizes, served under /lazy-static, shown wherever the account or channel is
 * (users/me, channels, videos, comments, the ActivityPub actor), removed; bad images refused
 * with nothing written.
 */
class FacesAreChosenCutAndServed {
    static TestServer server;
    static Api api;
    static String alice;
    static String bob;
    static String channel;
    static Path clips;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.start();
        api = server.api();
        alice = api.createUser(api.adminToken(), "alice", "alice-secret-1");
        bob = api.createUser(api.adminToken(), "bob", "bob-secret-1");
        channel = api.get("/api/v1/users/me", alice).json().get("videoChannels").get(0).get("name").asText();
        clips = Files.createTempDirectory("faces-clips");
    }

    @AfterAll
    static void stop() {
        server.close();
        TestFiles.deleteRecursively(clips);
    }

    /** A picture, wider than tall, its left half red and its right half blue. */
    static byte[] picture(int w, int h, String format) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, w / 2, h);
        g.setColor(Color.BLUE);
        g.fillRect(w / 2, 0, w - w / 2, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    static Api.Res pick(String path, String token, String field, byte[] bytes) {
        Multipart body = new Multipart().file(field, "face.png", "image/png", bytes);
        return api.send(api.request(path, token).header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())));
    }

    static BufferedImage image(String path) throws IOException {
        Api.Res r = api.get(path);
        assertThat(r.status()).as(path + " " + r).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("image/jpeg");
        return ImageIO.read(new ByteArrayInputStream(r.bytes()));
    }

    /** The files on disk of each size of a face, from its JSON ({@code avatars} or {@code banners}). */
    static List<Path> onDisk(JsonNode faces) {
        List<Path> out = new java.util.ArrayList<>();
        for (JsonNode f : faces) {
            String path = f.get("path").asText().substring("/lazy-static/".length());
            out.add(server.dataDir().resolve(path));
        }
        return out;
    }

    @Test
    void theFacesOfARemovedChannelOrUserLeaveTheDisk() throws Exception {
        String carl = api.createUser(api.adminToken(), "carl", "carl-secret-1");
        JsonNode avatar = pick("/api/v1/users/me/avatar/pick", carl, "avatarfile", picture(300, 300, "png")).json().get("avatars");
        assertThat(api.postJson("/api/v1/video-channels", carl, Map.of("name", "carl_garden", "displayName", "Garden"))
                .status()).isEqualTo(200);
        JsonNode channelAvatar = pick("/api/v1/video-channels/carl_garden/avatar/pick", carl, "avatarfile",
                picture(300, 300, "png")).json().get("avatars");
        Api.Res b = pick("/api/v1/video-channels/carl_garden/banner/pick", carl, "bannerfile", picture(1000, 200, "png"));
        assertThat(b.status()).as(b.toString()).isEqualTo(200);
        JsonNode banner = b.json().get("banners");
        List<Path> channelFiles = new java.util.ArrayList<>(onDisk(channelAvatar));
        channelFiles.addAll(onDisk(banner));
        assertThat(channelFiles).hasSize(6).allMatch(Files::isRegularFile);
        assertThat(onDisk(avatar)).hasSize(4).allMatch(Files::isRegularFile);

        assertThat(api.delete("/api/v1/video-channels/carl_garden", carl).status()).isEqualTo(204);
        assertThat(channelFiles).noneMatch(Files::exists);
        assertThat(onDisk(avatar)).as("the account's own avatar stays").allMatch(Files::isRegularFile);

        JsonNode first = pick("/api/v1/video-channels/carl_channel/avatar/pick", carl, "avatarfile", picture(300, 300, "png"))
                .json().get("avatars");
        long carlId = api.get("/api/v1/accounts/carl").json().get("userId").asLong();
        assertThat(api.delete("/api/v1/users/" + carlId, api.adminToken()).status()).isEqualTo(204);
        assertThat(onDisk(avatar)).noneMatch(Files::exists);
        assertThat(onDisk(first)).noneMatch(Files::exists);
    }

    static long files(String dir) throws IOException {
        try (Stream<Path> s = Files.list(server.dataDir().resolve(dir))) {
            return s.count();
        }
    }

    @Test
    void anAvatarIsCutSquareAtEachSizeAndShownOnTheAccountItsVideosAndComments() throws Exception {
        Api.Res r = pick("/api/v1/users/me/avatar/pick", alice, "avatarfile", picture(800, 400, "png"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode avatars = r.json().get("avatars");
        assertThat(Api.names(avatars, "width")).containsExactly("1500", "600", "120", "48");
        for (JsonNode a : avatars) {
            assertThat(a.get("fileUrl").asText()).endsWith(":" + server.app().port() + a.get("path").asText());
            assertThat(a.get("path").asText()).startsWith("/lazy-static/avatars/");
            BufferedImage img = image(a.get("path").asText());
            assertThat(img.getWidth()).isEqualTo(a.get("width").asInt());
            assertThat(img.getHeight()).isEqualTo(a.get("width").asInt());
        }
        // Cut from the middle of a 2:1 picture: both halves' colours are in the square.
        BufferedImage small = image(avatars.get(2).get("path").asText());
        assertThat(new Color(small.getRGB(5, 60)).getRed()).isGreaterThan(200);
        assertThat(new Color(small.getRGB(114, 60)).getBlue()).isGreaterThan(200);

        JsonNode me = api.get("/api/v1/users/me", alice).json();
        assertThat(me.get("account").get("avatars")).isEqualTo(avatars);
        assertThat(api.get("/api/v1/accounts/alice").json().get("avatars")).isEqualTo(avatars);

        long video = new Uploads(api).upload(alice, "Faces", 1, TestClips.h264Aac(clips.resolve("f.mp4"), 160, 90, 1.0, 10));
        new Uploads(api).awaitPublished(alice, video);
        assertThat(api.get("/api/v1/videos/" + video, alice).json().get("account").get("avatars")).isEqualTo(avatars);
        Api.Res c = api.postJson("/api/v1/videos/" + video + "/comment-threads", alice, Map.of("text", "my face"));
        assertThat(c.status()).as(c.toString()).isEqualTo(200);
        JsonNode threads = api.get("/api/v1/videos/" + video + "/comment-threads", alice).json();
        assertThat(threads.get("data").get(0).get("account").get("avatars")).isEqualTo(avatars);

        JsonNode actor = api.send(api.request("/accounts/alice", null).header("Accept", "application/activity+json")).json();
        assertThat(actor.get("icon").get(0).get("url").asText()).isEqualTo(avatars.get(0).get("fileUrl").asText());
        assertThat(actor.get("icon").get(0).get("type").asText()).isEqualTo("Image");

        String old = avatars.get(3).get("path").asText();
        JsonNode again = pick("/api/v1/users/me/avatar/pick", alice, "avatarfile", picture(300, 300, "jpeg")).json().get("avatars");
        assertThat(again.get(3).get("path").asText()).isNotEqualTo(old);
        assertThat(api.get(old).status()).as("a replaced avatar's files go").isEqualTo(404);

        assertThat(api.delete("/api/v1/users/me/avatar", alice).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/users/me", alice).json().get("account").get("avatars")).isEmpty();
        assertThat(api.get(again.get(0).get("path").asText()).status()).isEqualTo(404);
    }

    @Test
    void aChannelHasAnAvatarAndABannerOnlyItsOwnerPicks() throws Exception {
        String base = "/api/v1/video-channels/" + channel;
        Api.Res r = pick(base + "/banner/pick", alice, "bannerfile", picture(1000, 600, "png"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode banners = r.json().get("banners");
        assertThat(Api.names(banners, "width")).containsExactly("1920", "600");
        BufferedImage big = image(banners.get(0).get("path").asText());
        assertThat(big.getWidth()).isEqualTo(1920);
        assertThat(big.getHeight()).isEqualTo(317);
        JsonNode avatars = pick(base + "/avatar/pick", alice, "avatarfile", picture(200, 200, "gif")).json().get("avatars");
        assertThat(avatars).hasSize(4);

        JsonNode c = api.get(base).json();
        assertThat(c.get("banners")).isEqualTo(banners);
        assertThat(c.get("avatars")).isEqualTo(avatars);
        JsonNode actor = api.send(api.request("/video-channels/" + channel, null).header("Accept", "application/activity+json")).json();
        assertThat(actor.get("image").get(0).get("url").asText()).isEqualTo(banners.get(0).get("fileUrl").asText());

        assertThat(pick(base + "/avatar/pick", bob, "avatarfile", picture(200, 200, "png")).status()).isEqualTo(403);
        assertThat(api.delete(base + "/banner", bob).status()).isEqualTo(403);
        assertThat(api.delete(base + "/banner", alice).status()).isEqualTo(204);
        assertThat(api.get(base).json().get("banners")).isEmpty();
        assertThat(api.get(base).json().get("avatars")).isEqualTo(avatars);
        assertThat(api.get(banners.get(1).get("path").asText()).status()).isEqualTo(404);
    }

    @Test
    void badImagesAreRefusedAndNothingIsWritten() throws Exception {
        long before = files("avatars");
        String path = "/api/v1/users/me/avatar/pick";
        Map<String, byte[]> bad = Map.of(
                "text", "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8),
                "bomb", pngBomb(12_000, 12_000),
                "giant", pngBomb(30_000, 10),
                "oversize", new byte[5 * 1024 * 1024]);
        for (var e : bad.entrySet()) {
            Api.Res r = pick(path, bob, "avatarfile", e.getValue());
            assertThat(r.status()).as(e.getKey() + " " + r).isEqualTo(e.getKey().equals("oversize") ? 413 : 400);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(pick(path, bob, "avatarfile", pngBomb(12_000, 12_000)).json().get("detail").asText()).contains("12000x12000");
        assertThat(pick(path, bob, "wrongfield", picture(100, 100, "png")).status()).isEqualTo(400);
        assertThat(pick(path, null, "avatarfile", picture(100, 100, "png")).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/users/me", bob).json().get("account").get("avatars")).isEmpty();
        assertThat(files("avatars")).isEqualTo(before);
        for (String name : List.of("../peerlet.db", "x.jpg", "00000000-0000-0000-0000-000000000000-48.jpg")) {
            assertThat(api.get("/lazy-static/avatars/" + name).status()).as(name).isEqualTo(404);
        }
    }

    /** A long thin picture within the limits is cut to a square first, never blown up to 1500 px tall on the way. */
    @Test
    void aLongThinPictureIsCutNotBlownUp() throws Exception {
        String admin = api.adminToken();
        Api.Res r = pick("/api/v1/users/me/avatar/pick", admin, "avatarfile", pngBomb(16_000, 4));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        BufferedImage big = image(r.json().get("avatars").get(0).get("path").asText());
        assertThat(big.getWidth()).isEqualTo(1500);
        assertThat(big.getHeight()).isEqualTo(1500);
    }

    /**
     * A real PNG of the given size, all black in one bit per pixel: a few dozen kB that would be
     * gigabytes decoded. Its header says so; the server must believe it and not decode.
     */
    static byte[] pngBomb(int w, int h) throws IOException {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(9))) {
            byte[] row = new byte[1 + (w + 7) / 8];
            for (int y = 0; y < h; y++) z.write(row);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(png);
        out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream hd = new DataOutputStream(ihdr);
        hd.writeInt(w);
        hd.writeInt(h);
        hd.write(new byte[]{1, 0, 0, 0, 0}); // 1 bit, greyscale, deflate, no filter, no interlace
        chunk(out, "IHDR", ihdr.toByteArray());
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        out.writeInt(data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
