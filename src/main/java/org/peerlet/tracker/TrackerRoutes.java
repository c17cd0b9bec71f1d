package org.peerlet.tracker;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsErrorContext;
import io.javalin.websocket.WsMessageContext;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.peerlet.http.TrustedProxies;
import org.peerlet.http.Access;
import org.peerlet.http.RouteGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /tracker/socket} (WebSocket, anyone; optional {@code ?token=} for the {@link SwarmPolicy})
 * and {@code GET /api/v1/admin/tracker/stats} (admins; see {@link TrackerStats}).
 */
public final class TrackerRoutes implements RouteGroup {
    private static final Logger LOG = LoggerFactory.getLogger("tracker");

    private final Tracker tracker;
    private final TrustedProxies proxies;
    private final ConcurrentHashMap<String, Client> bySession = new ConcurrentHashMap<>();

    public TrackerRoutes(Tracker tracker, TrustedProxies proxies) {
        this.tracker = tracker;
        this.proxies = proxies;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.ws("/tracker/socket", ws -> {
            ws.onConnect(this::connect);
            ws.onMessage(this::message);
            ws.onClose(this::close);
            ws.onError(this::error);
        }, Access.ANYONE);
        r.get("/api/v1/admin/tracker/stats", this::stats, Access.ADMIN);
    }

    private void connect(WsConnectContext ctx) {
        Session session = ctx.session;
        TrackerLimits limits = tracker.limits();
        session.setMaxTextMessageSize(limits.hardMessageBytes());
        session.setMaxBinaryMessageSize(1024);
        // Clients re-announce every interval and we ping quiet sockets, so this only catches dead peers.
        session.setIdleTimeout(limits.peerTimeout().plus(Duration.ofMinutes(1)));
        Client c = tracker.open(new JettyLink(session,
                proxies.clientOf(address(session.getRemoteSocketAddress()), ctx.header(TrustedProxies.HEADER))), ctx.queryParam("token"));
        if (c != null) bySession.put(ctx.sessionId(), c);
    }

    private void message(WsMessageContext ctx) {
        Client c = bySession.get(ctx.sessionId());
        if (c != null) tracker.message(c, ctx.message());
    }

    private void close(WsCloseContext ctx) {
        Client c = bySession.remove(ctx.sessionId());
        if (c != null) tracker.closed(c);
    }

    private void error(WsErrorContext ctx) {
        LOG.debug("tracker socket error: {}", String.valueOf(ctx.error()));
    }

    private void stats(Context ctx) {
        ctx.json(tracker.stats());
    }

    private static String address(SocketAddress a) {
        if (a instanceof InetSocketAddress in && in.getAddress() != null) return in.getAddress().getHostAddress();
        return String.valueOf(a);
    }

    /** A Jetty session as a {@link Link}. */
    private record JettyLink(Session session, String ip) implements Link {
        @Override
        public void send(String text, Runnable done) {
            try {
                session.sendText(text, Callback.from(done, failure -> done.run()));
            } catch (RuntimeException e) {
                done.run();
            }
        }

        @Override
        public void close(int code, String reason) {
            session.close(code, reason, Callback.NOOP);
        }

        @Override
        public void ping() {
            if (session.isOpen()) session.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
        }
    }
}
