package org.peerlet.federation;

import org.junit.jupiter.api.Test;
import org.peerlet.common.Times;
import org.peerlet.federation.delivery.Backoff;
import org.peerlet.federation.signature.Digests;
import org.peerlet.federation.signature.HttpSignatures;
import org.peerlet.federation.signature.Keys;
import org.peerlet.federation.signature.SignatureException;
import org.peerlet.federation.signature.SignatureVerifier;
import org.peerlet.testing.MutableClock;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signing and verifying without a server, with a clock the test moves. */
class SignaturesRoundTrip {
    static final KeyPair KEY = Keys.generate();
    final MutableClock clock = MutableClock.startingNow();
    final SignatureVerifier verifier = new SignatureVerifier(clock, Duration.ofSeconds(1800), Times.ticker(clock));

    SignatureVerifier.Request request(URI uri, byte[] body, Map<String, String> signed) {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(signed);
        h.put("host", HttpSignatures.hostHeader(uri));
        return new SignatureVerifier.Request("POST", HttpSignatures.pathAndQuery(uri), h::get, body);
    }

    SignatureVerifier.KeyResolver keys() {
        return (id, refresh) -> Optional.of(new SignatureVerifier.ActorKey(id, "https://x.example/a", KEY.getPublic()));
    }

    @Test
    void aSignedRequestVerifiesOnceAndNotAfterTheSkewWindow() {
        URI uri = URI.create("https://x.example:8443/inbox");
        byte[] body = "{\"type\":\"Follow\"}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> h = HttpSignatures.sign("POST", uri, body, "https://x.example/a#main-key", KEY.getPrivate(), clock.instant());
        assertThat(h.get("signature")).contains("headers=\"(request-target) host date digest\"").contains("rsa-sha256");
        assertThat(h.get("digest")).isEqualTo(Digests.header(body));
        assertThat(verifier.verify(request(uri, body, h), keys()).owner()).isEqualTo("https://x.example/a");
        assertThatThrownBy(() -> verifier.verify(request(uri, body, h), keys())).isInstanceOf(SignatureException.class)
                .hasMessageContaining("already");

        Map<String, String> later = HttpSignatures.sign("POST", uri, body, "https://x.example/a#main-key", KEY.getPrivate(), clock.instant());
        clock.advance(Duration.ofSeconds(1801));
        assertThatThrownBy(() -> verifier.verify(request(uri, body, later), keys())).isInstanceOf(SignatureException.class)
                .hasMessageContaining("away from our clock");
    }

    @Test
    void aSignatureWithoutDigestOnAPostIsRefused() {
        URI uri = URI.create("https://x.example/inbox");
        Map<String, String> h = HttpSignatures.sign("POST", uri, null, "k", KEY.getPrivate(), clock.instant());
        assertThatThrownBy(() -> verifier.verify(request(uri, new byte[0], h), keys()))
                .isInstanceOf(SignatureException.class).hasMessageContaining("digest");
    }

    @Test
    void theRetryTableGoesFromThirtySecondsToADayThenGivesUp() {
        assertThat(Backoff.after(1)).contains(Duration.ofSeconds(30));
        assertThat(Backoff.after(9)).contains(Duration.ofHours(24));
        assertThat(Backoff.after(10)).isEmpty();
    }
}
