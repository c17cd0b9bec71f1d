import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** The smallest Java HTTP server answering /api/v1/config: the floor Peerlet is compared with. */
public class Baseline {
    public static void main(String[] args) throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 0);
        byte[] body = "{\"instance\":{\"name\":\"baseline\"}}".getBytes(StandardCharsets.UTF_8);
        s.createContext("/api/v1/config", ex -> {
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        s.start();
    }
}
