package org.peerlet.upload;

import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UploadSizeLimitTest {

    @Test
    void filesOverTheInstanceLimitAreRefusedWith413BeforeTheyAreStored() throws Exception {
        try (TestServer server = TestServer.start(Map.of("PEERLET_MAX_UPLOAD_SIZE", "100K"))) {
            Api api = server.api();
            Uploads uploads = new Uploads(api);
            String admin = api.adminToken();
            Path big = Files.createTempFile("big", ".mp4");
            Files.write(big, new byte[300 * 1024]);
            Api.Res multipart = uploads.multipart(admin, Map.of("name", "Big one", "channelId", uploads.channelId(admin)),
                    big, "big.mp4");
            assertThat(multipart.status()).isEqualTo(413);
            Api.Res resumable = uploads.startResumable(admin, 300 * 1024,
                    Map.of("name", "Big one", "channelId", uploads.channelId(admin), "filename", "big.mp4"));
            assertThat(resumable.status()).isEqualTo(413);
            assertThat(resumable.json().get("detail").asText()).contains("larger than this instance accepts");
            assertThat(TestFiles.listFiles(server.dataDir().resolve("uploads"))).isEmpty();
            assertThat(TestFiles.listFiles(server.dataDir().resolve("originals"))).isEmpty();
            Files.delete(big);
        }
    }
}
