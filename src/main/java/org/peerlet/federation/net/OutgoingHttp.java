package org.peerlet.federation.net;

import org.peerlet.federation.signature.HttpSignatures;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Every request federation sends to another server goes through here. It refuses blocked hosts,
 * plain http (unless allowed), and any host that resolves to a private, loopback, link-local or
 * otherwise internal address (unless loopback is allowed for development); it follows at most
 * three redirects, checking each; it caps answers and times out. Requests are signed.
 *
 * <p>Known gap: the address is checked before the JDK client resolves the name again, so a DNS
 * server that answers differently the second time (rebinding) could slip past; the window is small.
 */
public final class OutgoingHttp {
    public static final int MAX_JSON_BYTES = 1024 * 1024;
    public static final String ACCEPT = "application/activity+json, application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";
    private static final int MAX_REDIRECTS = 3;

    /** Who signs a request: key id and private key. */
    public record Signer(String keyId, PrivateKey key) {
    }

    public record Response(int status, byte[] body, String contentType) {
    }

    // Made on first use: building it loads the TLS stack (~500 classes, some MB of a Pi's RAM),
    // which an instance that never federates should not pay for.
    private volatile HttpClient client;
    private final boolean allowHttp;
    private final boolean allowLoopback;
    private final Predicate<String> blockedHost;
    private final Clock clock;
    private final String userAgent;

    public OutgoingHttp(boolean allowHttp, boolean allowLoopback, Predicate<String> blockedHost, Clock clock,
                        String userAgent) {
        this.allowHttp = allowHttp;
        this.allowLoopback = allowLoopback;
        this.blockedHost = blockedHost;
        this.clock = clock;
        this.userAgent = userAgent;
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                            .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
                }
                c = client;
            }
        }
        return c;
    }

    /** Fetches an ActivityPub document with a signed GET (servers in secure mode require it). */
    public Response get(String url, Signer signer) throws IOException {
        URI uri = URI.create(url);
        for (int hop = 0; ; hop++) {
            check(uri);
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET()
                    .header("Accept", ACCEPT).header("User-Agent", userAgent);
            if (signer != null) {
                HttpSignatures.sign("GET", uri, null, signer.keyId(), signer.key(), clock.instant()).forEach(b::header);
            }
            HttpResponse<InputStream> r = send(b.build());
            int s = r.statusCode();
            if (s >= 300 && s < 400 && r.headers().firstValue("location").isPresent()) {
                r.body().close();
                if (hop >= MAX_REDIRECTS) throw new IOException("more than " + MAX_REDIRECTS + " redirects from " + url);
                uri = uri.resolve(r.headers().firstValue("location").get());
                continue;
            }
            return new Response(s, readCapped(r.body(), MAX_JSON_BYTES), r.headers().firstValue("content-type").orElse(""));
        }
    }

    /** Posts an activity, signed; redirects are not followed (an inbox does not move). */
    public int post(String url, byte[] body, Signer signer) throws IOException {
        URI uri = URI.create(url);
        check(uri);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/activity+json")
                .header("Accept", ACCEPT).header("User-Agent", userAgent);
        HttpSignatures.sign("POST", uri, body, signer.keyId(), signer.key(), clock.instant()).forEach(b::header);
        HttpResponse<InputStream> r = send(b.build());
        try (InputStream in = r.body()) {
            in.readNBytes(64 * 1024);
        }
        return r.statusCode();
    }

    /** Posts JSON signed, and reads the JSON answer (a file token from a video's origin, say). */
    public Response postForAnswer(String url, byte[] body, Signer signer) throws IOException {
        URI uri = URI.create(url);
        check(uri);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json").header("User-Agent", userAgent);
        HttpSignatures.sign("POST", uri, body, signer.keyId(), signer.key(), clock.instant()).forEach(b::header);
        HttpResponse<InputStream> r = send(b.build());
        return new Response(r.statusCode(), readCapped(r.body(), 64 * 1024), r.headers().firstValue("content-type").orElse(""));
    }

    private HttpResponse<InputStream> send(HttpRequest req) throws IOException {
        try {
            return client().send(req, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new RefusedException("cannot resolve " + host);
        }
        for (InetAddress a : all) {
            if (isInternal(a) && !(allowLoopback && (a.isLoopbackAddress() || a.isAnyLocalAddress()))) {
                throw new RefusedException(host + " resolves to an internal address (" + a.getHostAddress() + ")");
            }
        }
    }

    /** Loopback, private, link-local, unique-local, carrier NAT, multicast, unspecified. */
    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int b0 = b[0] & 0xff, b1 = b[1] & 0xff;
            return b0 == 0 || (b0 == 100 && b1 >= 64 && b1 < 128) || (b0 == 192 && b1 == 0 && (b[2] & 0xff) == 0)
                    || (b0 == 198 && (b1 == 18 || b1 == 19)) || b0 >= 240;
        }
        // IPv6: fc00::/7 unique local; ::ffff:a.b.c.d is judged by the embedded address.
        if ((b[0] & 0xfe) == 0xfc) return true;
        boolean mapped = true;
        for (int i = 0; i < 10; i++) mapped &= b[i] == 0;
        if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            try {
                return isInternal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
            } catch (UnknownHostException e) {
                return true;
            }
        }
        return false;
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

    public static Map<String, String> none() {
        return Map.of();
    }
}
