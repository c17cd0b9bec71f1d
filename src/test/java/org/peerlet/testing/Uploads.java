package org.peerlet.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Uploads as PeerTube's clients make them: multipart, or resumable in chunks. */
public final class Uploads {
    private final Api api;

    public Uploads(Api api) {
        this.api = api;
    }

    /** The first channel of the token's user. */
    public long channelId(String token) {
        return api.get("/api/v1/users/me", token).json().get("videoChannels").get(0).get("id").asLong();
    }

    public Api.Res multipart(String token, Map<String, Object> fields, Path file, String filename) {
        return multipartWithFiles(token, fields, file == null ? Map.of() : Map.of("videofile", file), filename);
    }

    /** A multipart upload with several file parts (videofile, thumbnailfile, previewfile). */
    public Api.Res multipartWithFiles(String token, Map<String, Object> fields, Map<String, Path> files) {
        return multipartWithFiles(token, fields, files, null);
    }

    private Api.Res multipartWithFiles(String token, Map<String, Object> fields, Map<String, Path> files, String videoName) {
        Multipart body = new Multipart();
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            List<?> values = f.getValue() instanceof List<?> l ? l : List.of(f.getValue());
            for (Object v : values) body.field(f.getKey(), v);
        }
        try {
            for (Map.Entry<String, Path> f : files.entrySet()) {
                String name = f.getKey().equals("videofile") && videoName != null ? videoName : f.getValue().getFileName().toString();
                body.file(f.getKey(), name, Files.readAllBytes(f.getValue()));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return api.send(api.request("/api/v1/videos/upload", token)
                .header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())));
    }

    /** Uploads a file with multipart and returns the new video's id, failing the test otherwise. */
    public long upload(String token, String name, int privacy, Path file) {
        Api.Res r = multipart(token, Map.of("name", name, "channelId", channelId(token), "privacy", privacy), file,
                file.getFileName().toString());
        if (r.status() != 200) throw new AssertionError("upload failed: " + r);
        return r.json().get("video").get("id").asLong();
    }

    public Api.Res startResumable(String token, long size, Map<String, Object> metadata) {
        return api.send(api.request("/api/v1/videos/upload-resumable", token)
                .header("Content-Type", "application/json")
                .header("X-Upload-Content-Length", String.valueOf(size))
                .header("X-Upload-Content-Type", "video/mp4")
                .POST(HttpRequest.BodyPublishers.ofString(Api.write(metadata))));
    }

    public Api.Res putChunk(String token, String location, byte[] all, long first, long last) {
        byte[] chunk = java.util.Arrays.copyOfRange(all, (int) first, (int) last + 1);
        return api.send(api.request(location, token)
                .header("Content-Type", "application/octet-stream")
                .header("Content-Range", "bytes " + first + "-" + last + "/" + all.length)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(chunk)));
    }

    public Api.Res whereDoesItStand(String token, String location, long total) {
        return api.send(api.request(location, token)
                .header("Content-Range", "bytes */" + total)
                .PUT(HttpRequest.BodyPublishers.noBody()));
    }

    /** Waits until the video's transcoding job is done or failed; returns the video's JSON. */
    public JsonNode awaitTranscoded(String token, long videoId, Duration timeout) {
        Await.until("video " + videoId + "'s transcoding ends", timeout, () -> {
            String state = api.get("/api/v1/videos/" + videoId + "/transcoding", token).json().path("state").asText();
            return state.equals("done") || state.equals("failed");
        });
        return api.get("/api/v1/videos/" + videoId, token).json();
    }

    public JsonNode awaitPublished(String token, long videoId) {
        JsonNode v = awaitTranscoded(token, videoId, Duration.ofSeconds(60));
        if (v.get("state").get("id").asInt() != 1) throw new AssertionError("not published: " + v);
        return v;
    }
}
