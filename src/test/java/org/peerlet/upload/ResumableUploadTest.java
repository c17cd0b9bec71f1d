package org.peerlet.upload;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.Await;
import org.peerlet.testing.MutableClock;
import org.peerlet.testing.RawRequest;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ResumableUploadTest {
    static final int CHUNK = 16 * 1024;
    static MutableClock clock = MutableClock.startingNow();
    static TestServer server;
    static Uploads uploads;
    static String user;
    static Path clips;
    static byte[] bytes;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Map.of(), clock);
        uploads = new Uploads(server.api());
        user = server.api().createUser(server.api().adminToken(), "resumer", "resumer-secret");
        clips = Files.createTempDirectory("clips");
        bytes = Files.readAllBytes(TestClips.h264Aac(clips.resolve("clip.mp4"), 320, 180, 2.0, 15));
        assertThat(bytes.length).as("the clip needs several chunks").isGreaterThan(3 * CHUNK);
    }

    @AfterAll
    static void stop() {
        server.close();
        TestFiles.deleteRecursively(clips);
    }

    static Api api() {
        return server.api();
    }

    static Map<String, Object> meta(String name) {
        return Map.of("name", name, "channelId", uploads.channelId(user), "filename", name + ".mp4", "privacy", 1);
    }

    static String start(String name) {
        Api.Res r = uploads.startResumable(user, bytes.length, meta(name));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.header("Location");
    }

    /** Sends chunks from {@code from} to the end; returns the final answer. */
    static Api.Res sendFrom(String location, long from) {
        Api.Res last = null;
        for (long first = from; first < bytes.length; first += CHUNK) {
            long lastByte = Math.min(bytes.length, first + CHUNK) - 1;
            last = uploads.putChunk(user, location, bytes, first, lastByte);
            if (lastByte < bytes.length - 1) {
                assertThat(last.status()).isEqualTo(308);
                assertThat(last.header("Range")).isEqualTo("bytes=0-" + lastByte);
            }
        }
        return last;
    }

    /** Sends the rest from {@code from}: the answer is the video, its original the file byte for byte. */
    static JsonNode finishFrom(String location, long from) throws Exception {
        Api.Res done = sendFrom(location, from);
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertStoredIdentical(done.json());
        return done.json();
    }

    static void assertStoredIdentical(JsonNode answer) throws Exception {
        String uuid = answer.get("video").get("uuid").asText();
        assertThat(Files.readAllBytes(server.dataDir().resolve("originals/" + uuid + ".mp4"))).isEqualTo(bytes);
        assertThat(TestFiles.listFiles(server.dataDir().resolve("uploads"))).isEmpty();
    }

    @Test
    void aFileSentInChunksEndsByteIdenticalAndBecomesAVideo() throws Exception {
        String location = start("chunks");
        assertThat(location).contains("upload_id=");
        JsonNode done = finishFrom(location, 0);
        uploads.awaitPublished(user, done.get("video").get("id").asLong());
    }

    @Test
    void askingWhereAnUploadStandsTellsTheRange() {
        String location = start("status");
        Api.Res empty = uploads.whereDoesItStand(user, location, bytes.length);
        assertThat(empty.status()).isEqualTo(308);
        assertThat(empty.header("Range")).isNull();
        uploads.putChunk(user, location, bytes, 0, CHUNK - 1);
        Api.Res after = uploads.whereDoesItStand(user, location, bytes.length);
        assertThat(after.status()).isEqualTo(308);
        assertThat(after.header("Range")).isEqualTo("bytes=0-" + (CHUNK - 1));
        assertThat(api().delete(location, user).status()).isEqualTo(204);
    }

    @Test
    void aCutConnectionKeepsWhatArrivedAndTheClientResumesFromThere() throws Exception {
        String location = start("cut");
        uploads.putChunk(user, location, bytes, 0, CHUNK - 1);
        // A chunk announced whole, but the connection dies half way through it.
        URI u = URI.create(api().base() + location);
        try (Socket s = new Socket(u.getHost(), u.getPort())) {
            OutputStream out = s.getOutputStream();
            String head = "PUT " + u.getRawPath() + "?" + u.getRawQuery() + " HTTP/1.1\r\nHost: " + u.getHost() + "\r\n"
                    + "Authorization: Bearer " + user + "\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Range: bytes " + CHUNK + "-" + (2 * CHUNK - 1) + "/" + bytes.length + "\r\n"
                    + "Content-Length: " + CHUNK + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, CHUNK, CHUNK / 2);
            out.flush();
        }
        // A status query waits for the cut request's lock on the upload: past CHUNK, that request is done.
        long[] received = {0};
        Await.until("the server keeps the cut chunk's bytes", () -> {
            Api.Res stand = uploads.whereDoesItStand(user, location, bytes.length);
            assertThat(stand.status()).isEqualTo(308);
            received[0] = Long.parseLong(stand.header("Range").replace("bytes=0-", "")) + 1;
            return received[0] > CHUNK;
        });
        assertThat(received[0]).isEqualTo((long) CHUNK + CHUNK / 2);
        finishFrom(location, received[0]);
    }

    @Test
    void aResentChunkIsNotWrittenTwice() throws Exception {
        String location = start("resent");
        uploads.putChunk(user, location, bytes, 0, CHUNK - 1);
        uploads.putChunk(user, location, bytes, 0, CHUNK - 1);
        Api.Res overlap = uploads.putChunk(user, location, bytes, CHUNK / 2, 2 * CHUNK - 1);
        assertThat(overlap.header("Range")).isEqualTo("bytes=0-" + (2 * CHUNK - 1));
        assertStoredIdentical(sendFrom(location, 2 * CHUNK).json());
    }

    @Test
    void theSameUploadStartedAgainGetsTheSameSession() {
        String location = start("again");
        Api.Res again = uploads.startResumable(user, bytes.length, meta("again"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Location")).isEqualTo(location);
        api().delete(location, user);
    }

    @Test
    void anUploadSurvivesARestartOfPeerlet() throws Exception {
        String location = start("restart");
        uploads.putChunk(user, location, bytes, 0, CHUNK - 1);
        uploads.putChunk(user, location, bytes, CHUNK, 2 * CHUNK - 1);
        server.restart();
        Api.Res stand = uploads.whereDoesItStand(user, location, bytes.length);
        assertThat(stand.header("Range")).isEqualTo("bytes=0-" + (2 * CHUNK - 1));
        finishFrom(location, 2 * CHUNK);
    }

    @Test
    void anUploadIdleForAnHourIsDropped() throws Exception {
        String location = start("idle");
        uploads.putChunk(user, location, bytes, 0, CHUNK - 1);
        clock.advance(Duration.ofMinutes(61));
        Api.Res r = uploads.putChunk(user, location, bytes, CHUNK, 2 * CHUNK - 1);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("detail").asText()).contains("expired");
        assertThat(TestFiles.listFiles(server.dataDir().resolve("uploads"))).isEmpty();
    }

    @Test
    void cancellingRemovesTheSessionAndItsBytes() {
        String location = start("cancel");
        uploads.putChunk(user, location, bytes, 0, CHUNK - 1);
        assertThat(api().delete(location, user).status()).isEqualTo(204);
        assertThat(uploads.whereDoesItStand(user, location, bytes.length).status()).isEqualTo(404);
        assertThat(TestFiles.listFiles(server.dataDir().resolve("uploads"))).isEmpty();
    }

    @Test
    void aBrokenFileIsRefusedAtTheLastChunkAndLeavesNothing() {
        byte[] text = "this is not a video at all, only some words ".repeat(100).getBytes(StandardCharsets.UTF_8);
        Api.Res started = uploads.startResumable(user, text.length, meta("broken"));
        Api.Res r = uploads.putChunk(user, started.header("Location"), text, 0, text.length - 1);
        assertThat(r.status()).isEqualTo(422);
        assertThat(TestFiles.listFiles(server.dataDir().resolve("uploads"))).isEmpty();
        assertThat(uploads.whereDoesItStand(user, started.header("Location"), text.length).status()).isEqualTo(404);
    }

    @Test
    void anotherUserCannotTouchMyUpload() {
        String location = start("mine");
        String other = api().createUser(api().adminToken(), "intruder", "intruder-secret");
        assertThat(uploads.putChunk(other, location, bytes, 0, CHUNK - 1).status()).isEqualTo(404);
        assertThat(api().delete(location, other).status()).isEqualTo(404);
        api().delete(location, user);
    }

    static Path part(String location) {
        return server.dataDir().resolve("uploads/" + location.replaceFirst(".*upload_id=", "") + ".part");
    }

    /**
     * Server threads (Peerlet runs in this JVM) in ResumableUploads.put that are not running:
     * reading a body that has not come yet, or waiting for the upload.
     */
    static long requestsWaitingInPut() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(t -> t.getKey().getState() != Thread.State.RUNNABLE)
                .filter(t -> java.util.Arrays.stream(t.getValue()).anyMatch(f -> f.getMethodName().equals("put")
                        && f.getClassName().equals(ResumableUploads.class.getName()))).count();
    }

    /** A chunk PUT whose body is not sent yet: the test sends it piece by piece. */
    static RawRequest chunkInFlight(String location, long first, long last, java.util.List<RawRequest> open) {
        RawRequest r = RawRequest.start(api().base() + location, "PUT", Map.of("Authorization", "Bearer " + user,
                "Content-Type", "application/octet-stream", "Content-Length", String.valueOf(last - first + 1),
                "Content-Range", "bytes " + first + "-" + last + "/" + bytes.length));
        open.add(r);
        return r;
    }

    @Test
    void chunksOfOneUploadArrivingTogetherAreWrittenOneAfterTheOther() throws Exception {
        String location = start("racing");
        Path part = part(location);
        int half = CHUNK / 2;
        // Three requests for one upload, as from a client that retries a chunk it thinks lost
        // while the server still reads the first try. Each is opened when it is its turn.
        java.util.List<RawRequest> open = new java.util.ArrayList<>();
        try {
            RawRequest first = chunkInFlight(location, 0, CHUNK - 1, open);
            first.send(bytes, 0, half);
            Await.until("the first is half written", () -> Await.sizeOf(part) == half);
            RawRequest second = chunkInFlight(location, CHUNK, 2 * CHUNK - 1, open);
            second.send(bytes, CHUNK, CHUNK + half);
            Await.until("the second waits for the first", () -> requestsWaitingInPut() == 2);
            first.send(bytes, half, CHUNK);
            assertThat(first.answer().status()).isEqualTo(308);
            assertThat(first.answer().header("Range")).isEqualTo("bytes=0-" + (CHUNK - 1));
            // The second is in, half written, when the third comes with the same chunk whole.
            Await.until("the second is half written", () -> Await.sizeOf(part) == CHUNK + half);
            RawRequest third = chunkInFlight(location, CHUNK, 2 * CHUNK - 1, open);
            third.send(bytes, CHUNK, 2 * CHUNK);
            Await.until("the third waits for the second, or has answered",
                    () -> third.answered() || requestsWaitingInPut() == 2);
            second.send(bytes, CHUNK + half, 2 * CHUNK);
            for (RawRequest r : java.util.List.of(second, third)) {
                assertThat(r.answer().status()).as(r.answer().toString()).isEqualTo(308);
                assertThat(r.answer().header("Range")).isEqualTo("bytes=0-" + (2 * CHUNK - 1));
            }
        } finally {
            open.forEach(RawRequest::close);
        }
        // What is stored is the start of the file, byte for byte, each byte once.
        byte[] stored = Files.readAllBytes(part);
        assertThat(stored.length).as("bytes stored").isEqualTo(2 * CHUNK);
        assertThat(java.util.Arrays.equals(stored, java.util.Arrays.copyOf(bytes, 2 * CHUNK))).as("the same bytes").isTrue();
        finishFrom(location, 2 * CHUNK);
    }

    @Test
    void askingWhereAnUploadStandsWhenEveryByteIsThereFinishesIt() throws Exception {
        String location = start("all-there");
        long lastChunk = (bytes.length - 1) / CHUNK * CHUNK;
        for (long first = 0; first < lastChunk; first += CHUNK) uploads.putChunk(user, location, bytes, first, first + CHUNK - 1);
        // As after a stop right after the last byte: every byte is in the part file, no video was made.
        Files.write(part(location), java.util.Arrays.copyOfRange(bytes, (int) lastChunk, bytes.length),
                java.nio.file.StandardOpenOption.APPEND);
        Api.Res stand = uploads.whereDoesItStand(user, location, bytes.length);
        assertThat(stand.status()).as(stand.toString()).isEqualTo(200);
        assertStoredIdentical(stand.json());
        Api.Res again = uploads.whereDoesItStand(user, location, bytes.length);
        assertThat(again.json().get("video").get("id")).isEqualTo(stand.json().get("video").get("id"));
        uploads.awaitPublished(user, stand.json().get("video").get("id").asLong());
    }
}
