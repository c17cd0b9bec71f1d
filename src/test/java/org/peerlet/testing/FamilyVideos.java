package org.peerlet.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * A server where an owner published one clip twice, as a public video and as a private one, and
 * a cousin who has an account but no grant: the set-up of tests about who gets a video's files.
 */
public record FamilyVideos(TestServer server, Api api, String owner, String cousin, Path dir, long publicId,
                           long privateId) implements AutoCloseable {

    /** @param clip makes the clip in the given temporary folder */
    public static FamilyVideos publish(String ownerName, String publicName, Function<Path, Path> clip) throws IOException {
        TestServer server = TestServer.start();
        Api api = server.api();
        Uploads uploads = new Uploads(api);
        String owner = api.createUser(api.adminToken(), ownerName, ownerName + "-secret");
        String cousin = api.createUser(api.adminToken(), "cousin", "cousin-secret");
        Path dir = Files.createTempDirectory("family-videos");
        Path file = clip.apply(dir);
        long publicId = uploads.upload(owner, publicName, 1, file);
        long privateId = uploads.upload(owner, "Family only", 3, file);
        uploads.awaitPublished(owner, publicId);
        uploads.awaitPublished(owner, privateId);
        return new FamilyVideos(server, api, owner, cousin, dir, publicId, privateId);
    }

    /** A file token of the video, minted for its owner. */
    public String fileToken(long videoId) {
        return api.postJson("/api/v1/videos/" + videoId + "/token", owner, Map.of()).json().get("files").get("token").asText();
    }

    @Override
    public void close() {
        server.close();
        TestFiles.deleteRecursively(dir);
    }
}
