package org.peerlet.federation.inbox;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.federation.signature.SignatureVerifier;
import org.peerlet.http.Access;
import org.peerlet.http.ErrorBody;
import org.peerlet.http.RouteGroup;

/** The shared inbox and the per-actor inboxes; all go through {@link InboxService}. */
public final class InboxRoutes implements RouteGroup {
    private final InboxService inbox;

    public InboxRoutes(InboxService inbox) {
        this.inbox = inbox;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.post("/inbox", this::receive, Access.ANYONE);
        r.post("/accounts/{name}/inbox", this::receive, Access.ANYONE);
        r.post("/video-channels/{name}/inbox", this::receive, Access.ANYONE);
    }

    private void receive(Context ctx) {
        long declared = ctx.contentLength();
        if (declared > InboxService.MAX_BODY) {
            ctx.status(413).contentType(ErrorBody.CONTENT_TYPE).result(org.peerlet.http.Json.write(ErrorBody.of(413, null, "the activity is too large")));
            return;
        }
        String query = ctx.queryString();
        String target = ctx.req().getRequestURI() + (query == null ? "" : "?" + query);
        SignatureVerifier.Request req = new SignatureVerifier.Request("POST", target, ctx::header, ctx.bodyAsBytes());
        InboxService.Outcome o = inbox.receive(req);
        if (o.status() >= 400) {
            ctx.attribute("peerlet.error", true);
            ctx.status(o.status()).contentType(ErrorBody.CONTENT_TYPE).result(org.peerlet.http.Json.write(ErrorBody.of(o.status(), null, o.detail())));
        } else {
            ctx.status(o.status());
        }
    }
}
