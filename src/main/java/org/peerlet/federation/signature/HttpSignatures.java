package org.peerlet.federation.signature;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Signing and checking requests with draft-cavage HTTP Signatures, rsa-sha256, as PeerTube and
 * Mastodon do: {@code (request-target) host date digest} with a body, {@code (request-target) host
 * date} without. Knows nothing of any web framework: headers come as a lookup function.
 */
public final class HttpSignatures {
    public static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    public static final List<String> WITH_BODY = List.of("(request-target)", "host", "date", "digest");
    public static final List<String> WITHOUT_BODY = List.of("(request-target)", "host", "date");

    private HttpSignatures() {
    }

    /** The value of the Host header for a URI as HTTP clients send it (port only when not default). */
    public static String hostHeader(URI uri) {
        int port = uri.getPort();
        boolean standard = port == -1 || (port == 443 && "https".equals(uri.getScheme()))
                || (port == 80 && "http".equals(uri.getScheme()));
        return standard ? uri.getHost() : uri.getHost() + ":" + port;
    }

    /**
     * The headers to add to an outgoing request: Date, Digest (when there is a body) and Signature.
     * Host is not returned: the HTTP client sets it, to the value {@link #hostHeader} computes.
     */
    public static Map<String, String> sign(String method, URI uri, byte[] body, String keyId, PrivateKey key,
                                           Instant now) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("host", hostHeader(uri));
        h.put("date", HTTP_DATE.format(now));
        List<String> names = body == null ? WITHOUT_BODY : WITH_BODY;
        if (body != null) h.put("digest", Digests.header(body));
        String target = method.toLowerCase(Locale.ROOT) + " " + pathAndQuery(uri);
        String signingString = signingString(names, target, h::get);
        byte[] sig;
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(signingString.getBytes(StandardCharsets.UTF_8));
            sig = s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign: " + e.getMessage(), e);
        }
        h.remove("host");
        h.put("signature", new SignatureHeader(keyId, "rsa-sha256", names, sig).format());
        return h;
    }

    /** The string that is signed: one {@code name: value} line per listed header. */
    public static String signingString(List<String> names, String requestTarget, Function<String, String> headers) {
        StringBuilder sb = new StringBuilder();
        for (String name : names) {
            if (sb.length() > 0) sb.append('\n');
            String value = name.equals("(request-target)") ? requestTarget : headers.apply(name);
            if (value == null) throw SignatureException.unauthorized("the signed header " + name + " is missing");
            sb.append(name).append(": ").append(value.trim());
        }
        return sb.toString();
    }

    /** Checks the signature bytes against a signing string with the given key. */
    public static boolean verify(String signingString, byte[] signature, PublicKey key) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(key);
            s.update(signingString.getBytes(StandardCharsets.UTF_8));
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public static String pathAndQuery(URI uri) {
        String p = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? p : p + "?" + uri.getRawQuery();
    }
}
