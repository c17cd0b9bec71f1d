package org.peerlet.federation.signature;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks an incoming request's HTTP Signature, in an order that costs nothing before the cheap
 * checks pass: header present and well formed; required headers signed; Date within the skew
 * window; Digest equal to the body; then the key (fetched by the caller's resolver, re-fetched
 * once if the first key fails, for key rotation); then replay (the same signature twice within
 * the window is refused).
 */
public final class SignatureVerifier {

    /** A request as the verifier sees it: no framework types. */
    public record Request(String method, String pathAndQuery, Function<String, String> header, byte[] body) {
    }

    /** The key behind a keyId and the actor that owns it. */
    public record ActorKey(String keyId, String owner, PublicKey key) {
    }

    /** Finds the key for a keyId; {@code refresh} asks to bypass caches. Empty if unknown. */
    public interface KeyResolver {
        Optional<ActorKey> resolve(String keyId, boolean refresh);
    }

    private final Clock clock;
    private final Duration skew;
    private final Cache<String, Boolean> seen;

    /**
     * @param skew how far Date may be from now, either way (PeerTube accepts 1800 s)
     * @param ticker the same time as {@code clock}, for the replay memory
     */
    public SignatureVerifier(Clock clock, Duration skew, Ticker ticker) {
        if (skew.isNegative() || skew.isZero()) throw new IllegalArgumentException("skew must be positive, was " + skew);
        this.clock = clock;
        this.skew = skew;
        this.seen = Caffeine.newBuilder().expireAfterWrite(skew.multipliedBy(2)).maximumSize(200_000)
                .ticker(ticker).build();
    }

    /** Parses the header and runs the checks that need no key: use before fetching anything. */
    public SignatureHeader precheck(Request r) {
        SignatureHeader sh = SignatureHeader.parse(r.header().apply("signature"));
        boolean withBody = r.body() != null;
        List<String> required = withBody ? HttpSignatures.WITH_BODY : HttpSignatures.WITHOUT_BODY;
        for (String h : required) {
            if (!sh.headers().contains(h)) throw SignatureException.unauthorized("the signature must cover " + h);
        }
        String date = r.header().apply("date");
        if (date == null) throw SignatureException.unauthorized("the Date header is missing");
        Instant when;
        try {
            when = Instant.from(HttpSignatures.HTTP_DATE.parse(date.trim()));
        } catch (DateTimeParseException e) {
            throw SignatureException.unauthorized("the Date header is not an HTTP date");
        }
        Duration off = Duration.between(when, clock.instant()).abs();
        if (off.compareTo(skew) > 0) {
            throw SignatureException.unauthorized("the Date header is " + off.toSeconds() + " s away from our clock");
        }
        if (withBody && !Digests.matches(r.header().apply("digest"), r.body())) {
            throw SignatureException.unauthorized("the Digest header does not match the body");
        }
        return sh;
    }

    /** Every check; returns the verified key and its owner. */
    public ActorKey verify(Request r, KeyResolver keys) {
        SignatureHeader sh = precheck(r);
        String target = r.method().toLowerCase(Locale.ROOT) + " " + r.pathAndQuery();
        String signing = HttpSignatures.signingString(sh.headers(), target, r.header());
        ActorKey key = keys.resolve(sh.keyId(), false)
                .orElseThrow(() -> SignatureException.unauthorized("no key found for " + sh.keyId()));
        if (!HttpSignatures.verify(signing, sh.signature(), key.key())) {
            // The actor may have rotated its key: look once more, bypassing caches.
            key = keys.resolve(sh.keyId(), true).filter(k -> HttpSignatures.verify(signing, sh.signature(), k.key()))
                    .orElseThrow(() -> SignatureException.unauthorized("the signature does not verify"));
        }
        String fingerprint = Base64.getEncoder().encodeToString(Digests.sha256(sh.signature()));
        if (seen.asMap().putIfAbsent(fingerprint, Boolean.TRUE) != null) {
            throw SignatureException.unauthorized("this signed request was already received");
        }
        return key;
    }
}
