package org.peerlet.http;

import io.javalin.http.Context;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.function.BiConsumer;

/**
 * The headers every answer carries, whatever made it: a page, the API, a media file, a feed, an
 * error of a route or one Jetty writes itself. The policy is one for all of them (a JSON or media
 * answer is never a document that could run anything, so the page's policy costs it nothing), and
 * it allows only the app's own files: the pages have no inline script, style or handler.
 */
public final class SecurityHeaders {
    /** Same as the pages' meta tag: watch and share-link addresses never leave the site. */
    static final String REFERRER_POLICY = "same-origin";

    private final String pagePolicy;
    private final String embedPolicy;

    /**
     * @param publicUrl       the instance's public address: playlist and file URLs in the API name it,
     *                        and a visitor may have opened the site by another name (a LAN address)
     * @param httpFederation  federation over plain http is allowed (development): remote videos and
     *                        trackers may then be on http: and ws:
     */
    public SecurityHeaders(String publicUrl, boolean httpFederation) {
        String publicOrigin = origin(publicUrl);
        // A followed instance's video plays from its origin (hls.js fetches its playlists and
        // segments, Safari's own player loads them as media) with its own tracker: any https host,
        // since who we follow changes at run time.
        String remote = httpFederation ? " https: http:" : " https:";
        String trackers = httpFederation ? " wss: ws:" : " wss:";
        String common = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob:; "
                // hls.js plays through a blob: MediaSource and transmuxes in a blob: worker.
                + "media-src 'self' blob: " + publicOrigin + remote + "; worker-src 'self' blob:; "
                // 'self' covers this host's ws:/wss: tracker (CSP3); the public address may differ.
                + "connect-src 'self' " + publicOrigin + remote + trackers + "; "
                + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors ";
        this.pagePolicy = common + "'self'";
        this.embedPolicy = common + "*";
    }

    /** The embeddable player is made to be framed by any site; nothing else is. */
    static boolean framable(String path) {
        return path.startsWith("/videos/embed/");
    }

    /** Sets the headers before a route runs, so that its answer or its error keeps them. */
    void apply(Context ctx) {
        apply(framable(ctx.path()), ctx::header);
    }

    private void apply(boolean framable, BiConsumer<String, String> header) {
        // PeerTube's clients (the app, Grayjay) recognise an instance by this header, as PeerTube sends it.
        header.accept("X-Powered-By", "PeerTube");
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("Referrer-Policy", REFERRER_POLICY);
        header.accept("Content-Security-Policy", framable ? embedPolicy : pagePolicy);
        if (!framable) header.accept("X-Frame-Options", "SAMEORIGIN");
    }

    /** Jetty's own error answers (a malformed request, headers too large), which no route sees. */
    /** Jetty's own refusals, PeerTube-shaped (JettyErrors), with these headers too. */
    ErrorHandler jettyErrors() {
        return new JettyErrors(fields -> apply(false, fields::put));
    }

    private static String origin(String url) {
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getRawAuthority();
    }
}
