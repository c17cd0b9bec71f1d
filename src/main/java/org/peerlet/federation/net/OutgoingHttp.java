package org.peerlet.federation.net;

import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.peerlet.federation.signature.HttpSignatures;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Every request federation sends to another server goes through here. It refuses blocked hosts,
 * plain http (unless allowed), and any host that resolves to a private, loopback, link-local or
 * otherwise internal address, in whatever form ({@link AddressRules}; loopback is allowed for
 * development only); it follows at most
 * three redirects, checking each; it caps answers and times out. Requests are signed.
 *
 * <p>The addresses are checked where the connection gets them: the client asks {@link #resolve}
 * for a host's addresses and connects only to what that returned, so a name server that answers
 * "public" to a first lookup and "192.168.1.1" to a second (DNS rebinding) gains nothing.
 */
public final class OutgoingHttp implements AutoCloseable {
    public static final int MAX_JSON_BYTES = 1024 * 1024;
    public static final String ACCEPT = "application/activity+json, application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";
    private static final int MAX_REDIRECTS = 3;

    /** Who signs a request: key id and private key. */
    public record Signer(String keyId, PrivateKey key) {
    }

    public record Response(int status, byte[] body, String contentType) {
    }

    /** The name service: the system's, or in tests one that changes its answers. */
    @FunctionalInterface
    public interface NameService {
        InetAddress[] lookup(String host) throws UnknownHostException;
    }

    // Made on first use: its threads and the TLS stack (~500 classes, some MB of a Pi's RAM) are
    // not paid for by an instance that never federates.
    private volatile HttpClient client;
    private final boolean allowHttp;
    private final boolean allowLoopback;
    private final Predicate<String> blockedHost;
    private final Clock clock;
    private final String userAgent;
    private final NameService names;

    public OutgoingHttp(boolean allowHttp, boolean allowLoopback, Predicate<String> blockedHost, Clock clock,
                        String userAgent) {
        this(allowHttp, allowLoopback, blockedHost, clock, userAgent, InetAddress::getAllByName);
    }

    public OutgoingHttp(boolean allowHttp, boolean allowLoopback, Predicate<String> blockedHost, Clock clock,
                        String userAgent, NameService names) {
        this.allowHttp = allowHttp;
        this.allowLoopback = allowLoopback;
        this.blockedHost = blockedHost;
        this.clock = clock;
        this.userAgent = userAgent;
        this.names = names;
    }

    private HttpClient client() throws IOException {
        HttpClient c = client;
        if (c != null) return c;
        synchronized (this) {
            if (client == null) {
                HttpClient made = new HttpClient();
                // A few daemon threads: deliveries are paced by the outbox's own workers.
                QueuedThreadPool threads = new QueuedThreadPool(8, 1);
                threads.setName("peerlet-outgoing");
                threads.setDaemon(true);
                made.setExecutor(threads);
                made.setScheduler(new ScheduledExecutorScheduler("peerlet-outgoing-timer", true));
                made.setConnectTimeout(5_000);
                made.setIdleTimeout(30_000);
                made.setFollowRedirects(false); // followed by hand, each hop checked
                made.getProtocolHandlers().clear(); // no automatic auth or redirect handling
                made.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, userAgent));
                made.setSocketAddressResolver((host, port, context, promise) -> {
                    try {
                        List<InetSocketAddress> to = new ArrayList<>();
                        for (InetAddress a : resolve(host)) to.add(new InetSocketAddress(a, port));
                        promise.succeeded(to);
                    } catch (RuntimeException e) {
                        promise.failed(e);
                    }
                });
                try {
                    made.start();
                } catch (Exception e) {
                    throw new IOException("cannot start the HTTP client: " + e.getMessage(), e);
                }
                client = made;
            }
            return client;
        }
    }

    /** Fetches an ActivityPub document with a signed GET (servers in secure mode require it). */
    public Response get(String url, Signer signer) throws IOException {
        return get(url, signer, ACCEPT, MAX_JSON_BYTES);
    }

    /** Fetches an image (a remote actor's avatar), unsigned, refused past {@code maxBytes}. */
    public Response getImage(String url, int maxBytes) throws IOException {
        return get(url, null, "image/png, image/jpeg, image/gif, image/*;q=0.5", maxBytes);
    }

    private Response get(String url, Signer signer, String accept, int maxBytes) throws IOException {
        URI uri = URI.create(url);
        for (int hop = 0; ; hop++) {
            check(uri);
            Request req = client().newRequest(uri).method(HttpMethod.GET).headers(h -> h.put(HttpHeader.ACCEPT, accept));
            if (signer != null) sign(req, "GET", uri, null, signer);
            Answer a = send(req, 10);
            int s = a.response.getStatus();
            String location = a.response.getHeaders().get(HttpHeader.LOCATION);
            if (s >= 300 && s < 400 && location != null) {
                a.body.close();
                if (hop >= MAX_REDIRECTS) throw new IOException("more than " + MAX_REDIRECTS + " redirects from " + url);
                uri = uri.resolve(location);
                continue;
            }
            return new Response(s, readCapped(a.body, maxBytes), a.contentType());
        }
    }

    /** Posts an activity, signed; redirects are not followed (an inbox does not move). */
    public int post(String url, byte[] body, Signer signer) throws IOException {
        Answer a = postSigned(url, body, "application/activity+json", ACCEPT, signer);
        try (InputStream in = a.body) {
            in.readNBytes(64 * 1024);
        }
        return a.response.getStatus();
    }

    /** Posts JSON signed, and reads the JSON answer (a file token from a video's origin, say). */
    public Response postForAnswer(String url, byte[] body, Signer signer) throws IOException {
        Answer a = postSigned(url, body, "application/json", "application/json", signer);
        return new Response(a.response.getStatus(), readCapped(a.body, 64 * 1024), a.contentType());
    }

    private Answer postSigned(String url, byte[] body, String contentType, String accept, Signer signer) throws IOException {
        URI uri = URI.create(url);
        check(uri);
        Request req = client().newRequest(uri).method(HttpMethod.POST)
                .body(new BytesRequestContent(contentType, body)).headers(h -> h.put(HttpHeader.ACCEPT, accept));
        sign(req, "POST", uri, body, signer);
        return send(req, 15);
    }

    private void sign(Request req, String method, URI uri, byte[] body, Signer signer) {
        Map<String, String> headers = HttpSignatures.sign(method, uri, body, signer.keyId(), signer.key(), clock.instant());
        req.headers(h -> headers.forEach(h::put));
    }

    /** A response whose headers have arrived, and its body as it streams in. */
    private record Answer(org.eclipse.jetty.client.Response response, InputStream body) {
        String contentType() {
            String t = response.getHeaders().get(HttpHeader.CONTENT_TYPE);
            return t == null ? "" : t;
        }
    }

    private static Answer send(Request req, int seconds) throws IOException {
        InputStreamResponseListener listener = new InputStreamResponseListener();
        req.timeout(seconds, TimeUnit.SECONDS).send(listener);
        try {
            return new Answer(listener.get(seconds, TimeUnit.SECONDS), listener.getInputStream());
        } catch (ExecutionException e) {
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof RefusedException refused) throw new RefusedException(refused.getMessage());
            }
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw cause instanceof IOException io ? io : new IOException(String.valueOf(cause.getMessage()), cause);
        } catch (TimeoutException e) {
            req.abort(e);
            throw new IOException("no answer from " + req.getHost() + " within " + seconds + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            req.abort(e);
            throw new IOException("interrupted", e);
        }
    }

    /** Refuses a URI we must not contact; throws {@link RefusedException}. */
    public void check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new RefusedException("only https URLs are fetched: " + uri);
        }
        String host = uri.getHost();
        if (host == null || uri.getUserInfo() != null) throw new RefusedException("not a fetchable URL: " + uri);
        if (blockedHost.test(HttpSignatures.hostHeader(uri).toLowerCase(Locale.ROOT))
                || blockedHost.test(host.toLowerCase(Locale.ROOT))) {
            throw new RefusedException("the instance " + host + " is blocked");
        }
        resolve(host); // early, for a clear error; the connection checks again with what it gets
    }

    /** The host's addresses, if none of them is internal; throws {@link RefusedException}. */
    List<InetAddress> resolve(String host) {
        InetAddress[] all;
        try {
            all = names.lookup(host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new RefusedException("cannot resolve " + host);
        }
        for (InetAddress a : all) {
            AddressRules.Kind kind = AddressRules.of(a);
            if (kind == AddressRules.Kind.INTERNAL || (kind == AddressRules.Kind.LOOPBACK && !allowLoopback)) {
                throw new RefusedException(host + " resolves to an internal address (" + a.getHostAddress() + ")");
            }
        }
        return List.of(all);
    }

    static byte[] readCapped(InputStream in, int max) throws IOException {
        try (in) {
            byte[] data = in.readNBytes(max + 1);
            if (data.length > max) throw new IOException("the answer is larger than " + max + " bytes");
            return data;
        }
    }

    /** A URL we refuse to contact; never retried. */
    public static final class RefusedException extends RuntimeException {
        public RefusedException(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public void close() {
        HttpClient c = client;
        if (c == null) return;
        try {
            c.stop();
        } catch (Exception e) {
            // Stopping at shutdown: nothing is left to do about it.
        }
    }
}
