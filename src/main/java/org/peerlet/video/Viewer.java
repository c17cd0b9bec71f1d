package org.peerlet.video;

import io.javalin.http.Context;
import org.peerlet.account.User;
import org.peerlet.account.Auth;

import java.util.Optional;

/**
 * Who asks to see a video, with every credential a request can carry: a logged-in user, a video
 * password ({@code x-peertube-video-password}, as PeerTube's clients send it), a share-link
 * token ({@code ?share=} or {@code x-peerlet-share-token}), a short-lived file token
 * ({@code ?videoFileToken=}, accepted on media and tracker paths only) and a remote account
 * proven by an HTTP signature; and where the request came from, so wrong passwords can be
 * counted per address.
 */
public record Viewer(Optional<User> user, String password, String shareLink, String fileToken, Long remoteAccountId,
                     From from) {
    /** The peer address of the connection and the X-Forwarded-For it carried (trusted proxies decide which counts). */
    public record From(String remoteAddress, String forwardedFor) {
    }

    public static final String PASSWORD_HEADER = "x-peertube-video-password";
    public static final String SHARE_HEADER = "x-peerlet-share-token";
    public static final String SHARE_PARAM = "share";
    public static final String FILE_TOKEN_PARAM = "videoFileToken";

    public static Viewer anonymous() {
        return new Viewer(Optional.empty(), null, null, null, null, null);
    }

    public static Viewer of(Optional<User> user) {
        return new Viewer(user, null, null, null, null, null);
    }

    /** The user, password and share link of an API request (file tokens are not read here). */
    public static Viewer of(Context ctx) {
        String share = ctx.queryParam(SHARE_PARAM);
        if (share == null) share = ctx.header(SHARE_HEADER);
        return new Viewer(Auth.user(ctx), blankToNull(ctx.header(PASSWORD_HEADER)), blankToNull(share), null, null,
                new From(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For")));
    }

    public Viewer withFileToken(String token) {
        return new Viewer(user, password, shareLink, blankToNull(token), remoteAccountId, from);
    }

    public Viewer withoutLink() {
        return new Viewer(user, password, null, fileToken, remoteAccountId, from);
    }

    public Viewer withRemoteAccount(Long accountId) {
        return new Viewer(user, password, shareLink, fileToken, accountId, from);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
