package org.peerlet.federation;

import com.fasterxml.jackson.databind.JsonNode;
import org.peerlet.account.Account;
import org.peerlet.account.AccountDirectory;
import org.peerlet.account.User;
import org.peerlet.common.Secrets;
import org.peerlet.db.Database;
import org.peerlet.federation.model.As;
import org.peerlet.federation.net.OutgoingHttp;
import org.peerlet.http.ApiError;
import org.peerlet.http.Json;
import org.peerlet.video.Video;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * Playing a restricted video of another instance. The video's origin keeps its files behind
 * file tokens; it mints one for a remote person only when asked by a request HTTP-signed with
 * that person's key, and only if the video is shared with them. So here, a local user's request
 * for a file token becomes {@code POST {origin}/api/v1/videos/{uuid}/token?nonce=...} signed as
 * the user's own actor; the answer ({@code {files: {token, expires}}}) goes back to the player,
 * which then loads the origin's playlist with {@code ?videoFileToken=}. (The nonce keeps two
 * requests within the same second from carrying the same signature, which replay protection
 * would refuse.)
 */
public final class RemoteFileTokens {
    private final Database db;
    private final FederationRepository repo = new FederationRepository();
    private final LocalActors local;
    private final AccountDirectory accounts;
    private final OutgoingHttp http;

    public RemoteFileTokens(Database db, LocalActors local, AccountDirectory accounts,
                            OutgoingHttp http) {
        this.db = db;
        this.local = local;
        this.accounts = accounts;
        this.http = http;
    }

    public Map<String, Object> mint(Video v, User user) {
        String url = repo.videoUrl(db.dsl(), v.id()).orElseThrow(() -> ApiError.notFound("Video not found"));
        URI origin = URI.create(url);
        String endpoint = origin.getScheme() + "://" + As.host(url) + "/api/v1/videos/" + v.uuid() + "/token?nonce="
                + Secrets.token(9);
        Account me = accounts.byUserId(user.id()).orElseThrow();
        try {
            OutgoingHttp.Response r = http.postForAnswer(endpoint, "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    local.signer(local.of(me)));
            if (r.status() != 200) {
                throw new ApiError(r.status() == 404 ? 404 : 403, null, "the video's instance refused a file token ("
                        + r.status() + ")");
            }
            JsonNode files = Json.MAPPER.readTree(r.body()).path("files");
            String token = As.text(files, "token");
            String expires = As.text(files, "expires");
            if (token == null || expires == null) throw new ApiError(502, null, "the video's instance sent no file token");
            return Map.of("files", Map.of("token", token, "expires", expires));
        } catch (IOException | OutgoingHttp.RefusedException e) {
            throw new ApiError(502, null, "cannot reach the video's instance: " + e.getMessage());
        }
    }
}
