package org.peerlet.federation;

import org.peerlet.testing.Api;
import org.peerlet.testing.Multipart;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.TestServer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances, A and B, federating over loopback as in {@link TwoInstancesFederate}, and a folder for clips. */
final class TwoServers implements AutoCloseable {
    TestServer a;
    final TestServer b;
    final Path clips;

    TwoServers(String name) throws IOException {
        a = TestServer.start(TwoInstancesFederate.DEV);
        b = TestServer.start(TwoInstancesFederate.DEV);
        clips = Files.createTempDirectory(name);
    }

    /** A's host as B names it. */
    String hostA() {
        return "localhost:" + a.app().port();
    }

    String hostB() {
        return "localhost:" + b.app().port();
    }

    /** A stops, as a server that went away. */
    void stopA() {
        a.close();
        a = null;
    }

    /** Picks a face (avatar or banner) of the given size through the API. */
    static void pick(Api api, String path, String token, String field, int w, int h) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "png", png);
        Multipart body = new Multipart().file(field, "f.png", "image/png", png.toByteArray());
        Api.Res r = api.send(api.request(path, token).header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    @Override
    public void close() {
        b.close();
        if (a != null) a.close();
        TestFiles.deleteRecursively(clips);
    }
}
