package org.peerlet.notification;

import org.peerlet.testing.Api;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A test server and a tiny clip, for notification tests that need people owning published videos. */
final class VideoOwners implements AutoCloseable {
    final TestServer server;
    final Api api;
    final String admin;
    private final Uploads uploads;
    private final Path clips;
    private final Path clip;

    VideoOwners(Map<String, String> env) throws IOException {
        server = TestServer.start(env);
        api = server.api();
        admin = api.adminToken();
        uploads = new Uploads(api);
        clips = Files.createTempDirectory("clips");
        clip = TestClips.h264Aac(clips.resolve("c.mp4"), 160, 90, 1.0, 10);
    }

    /** A public video of the owner's, published; their "published" notification is off: tests count others. */
    long video(String owner, String name) {
        assertThat(api.putJson("/api/v1/users/me/notification-settings", owner, Map.of("myVideoPublished", 0)).status())
                .isEqualTo(204);
        long id = uploads.upload(owner, name, 1, clip);
        uploads.awaitPublished(owner, id);
        return id;
    }

    @Override
    public void close() {
        server.close();
        TestFiles.deleteRecursively(clips);
    }
}
