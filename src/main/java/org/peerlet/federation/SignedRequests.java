package org.peerlet.federation;

import io.javalin.http.Context;
import org.peerlet.federation.model.As;
import org.peerlet.federation.signature.SignatureException;
import org.peerlet.federation.signature.SignatureVerifier;

import java.util.Optional;

/**
 * Who signed an HTTP request from another server, for the few non-inbox paths that accept
 * signed requests on behalf of a remote person: the file-token endpoint and the {@code Video}
 * object of a video shared with that person. Blocked hosts and bad signatures give nothing.
 */
public final class SignedRequests {
    private final SignatureVerifier verifier;
    private final RemoteActors remote;
    private final Blocklist blocklist;

    public SignedRequests(SignatureVerifier verifier, RemoteActors remote, Blocklist blocklist) {
        this.verifier = verifier;
        this.remote = remote;
        this.blocklist = blocklist;
    }

    /** The local account row of the remote actor whose key signed this request, or null. */
    public Long accountOf(Context ctx) {
        return actorOf(ctx).flatMap(this::accountOf).orElse(null);
    }

    /** The local account row of a known remote actor. */
    public Optional<Long> accountOf(String actorUrl) {
        return remote.known(actorUrl).map(a -> a.accountId());
    }

    /** The URL of the actor whose key signed this request, if the signature is good. */
    public Optional<String> actorOf(Context ctx) {
        if (ctx.header("Signature") == null) return Optional.empty();
        String query = ctx.queryString();
        String target = ctx.req().getRequestURI() + (query == null ? "" : "?" + query);
        boolean withBody = !ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD");
        SignatureVerifier.Request req = new SignatureVerifier.Request(ctx.method().name(), target, ctx::header,
                withBody ? ctx.bodyAsBytes() : null);
        try {
            String keyHost = As.host(verifier.precheck(req).keyId());
            if (keyHost == null || blocklist.isBlocked(keyHost)) return Optional.empty();
            return Optional.of(verifier.verify(req, remote::key).owner());
        } catch (SignatureException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
