package org.peerlet.ops;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * {@code /metrics} on a port of its own bound to 127.0.0.1, without a token: for a scraper on the
 * same machine. Loopback only by construction, so a reverse proxy never exposes it. The JDK's
 * small HTTP server answers, one thread.
 */
public final class MetricsListener implements AutoCloseable {
    private final HttpServer server;

    public MetricsListener(Metrics metrics, int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 4);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for metrics on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        server.createContext("/metrics", exchange -> {
            String accept = exchange.getRequestHeaders().getFirst("Accept");
            byte[] body = "GET".equals(exchange.getRequestMethod()) ? metrics.scrape(accept).getBytes(StandardCharsets.UTF_8) : null;
            if (body == null) {
                exchange.sendResponseHeaders(405, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", OpsRoutes.contentType(accept));
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    public MetricsListener start() {
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
