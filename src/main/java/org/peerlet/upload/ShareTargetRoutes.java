package org.peerlet.upload;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.javalin.router.JavalinDefaultRoutingApi;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import org.peerlet.account.Auth;
import org.peerlet.account.User;
import org.peerlet.http.Access;
import org.peerlet.http.ApiError;
import org.peerlet.http.Body;
import org.peerlet.http.RouteGroup;
import org.peerlet.http.TrustedProxies;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The web app's share target: a phone's gallery posts a video to {@code /upload/shared}; it is kept
 * (SharedUploads) and the browser is sent to the upload page, which shows it and uploads it only
 * when the signed-in person confirms ({@code POST /api/v1/shared-uploads/{token}}).
 *
 * <pre>
 * POST   /upload/shared                    multipart: video (video/*), name, description; 303 to /upload?shared={token}
 * GET    /api/v1/shared-uploads/{token}    what waits: filename, size, name, description
 * POST   /api/v1/shared-uploads/{token}    publish it: the upload form's fields (JSON); answers as an upload
 * DELETE /api/v1/shared-uploads/{token}    drop it
 * </pre>
 */
public final class ShareTargetRoutes implements RouteGroup {
    static final String ACTION = "/upload/shared";
    private static final String API = "/api/v1/shared-uploads/{token}";
    /**
     * Fetch metadata: a share comes from the browser itself (the phone's share menu: "none") or
     * from a page of this site; another site's form (cross-site, or same-site from another port or
     * subdomain) may not even leave a file here. Browsers without the header still need the confirm.
     */
    private static final Set<String> SHARE_ORIGINS = Set.of("none", "same-origin");

    private final SharedUploads shared;
    private final Intake intake;
    private final UploadRoutes uploads;
    private final TrustedProxies proxies;
    private final long maxUploadBytes;

    public ShareTargetRoutes(SharedUploads shared, Intake intake, UploadRoutes uploads, TrustedProxies proxies,
                             long maxUploadBytes) {
        this.shared = shared;
        this.intake = intake;
        this.uploads = uploads;
        this.proxies = proxies;
        this.maxUploadBytes = maxUploadBytes;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.post(ACTION, this::receive, Access.ANYONE);
        r.get(API, this::show, Access.USER);
        r.post(API, this::publish, Access.USER);
        r.delete(API, this::discard, Access.USER);
    }

    private void receive(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !SHARE_ORIGINS.contains(site)) {
            throw ApiError.forbidden("a video can be shared here only from this device's share menu");
        }
        long length = ctx.req().getContentLengthLong();
        if (length > maxUploadBytes + 16L * 1024 * 1024) {
            throw ApiError.tooLarge("the file is larger than this instance accepts (" + maxUploadBytes + " bytes)");
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        if (!type.startsWith("multipart/form-data")) throw new ApiError(415, null, "share the video as multipart/form-data");
        String address = proxies.clientOf(ctx);
        shared.checkRoom(address);
        // Javalin's view parses the form (with the server's multipart limits); the servlet part can move its spool file.
        UploadedFile upload = ctx.uploadedFile("video");
        if (upload == null || upload.size() == 0) throw ApiError.badRequest("video is required");
        String partType = upload.contentType() == null ? "" : upload.contentType();
        if (!partType.startsWith("video/")) throw new ApiError(415, null, "only videos can be shared here");
        String filename = upload.filename() == null || upload.filename().isBlank() ? "shared video" : upload.filename();
        Part video = part(ctx, "video");
        Path file = shared.newFile();
        try {
            video.write(file.toAbsolutePath().toString()); // Jetty spooled it to uploads/: a rename
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String token = shared.keep(file, clip(filename, 255), video.getSize(), clip(ctx.formParam("name"), 120),
                clip(ctx.formParam("description"), 10_000), address);
        ctx.redirect("/upload?shared=" + URLEncoder.encode(token, StandardCharsets.UTF_8), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx) {
        Auth.required(ctx);
        SharedUploads.Kept k = shared.peek(ctx.pathParam("token")).orElseThrow(SharedUploads::gone);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("filename", k.filename());
        m.put("size", k.size());
        m.put("name", k.name());
        m.put("description", k.description());
        ctx.json(m);
    }

    private void publish(Context ctx) {
        User user = Auth.required(ctx);
        UploadRoutes.NewVideo form = uploads.newVideo(user, Body.of(ctx));
        String token = ctx.pathParam("token");
        intake.checkAllowed(user, shared.peek(token).orElseThrow(SharedUploads::gone).size());
        SharedUploads.Kept k = shared.take(token);
        uploads.publish(ctx, user, form, k.file(), k.filename(), (tx, a) -> { });
    }

    private void discard(Context ctx) {
        Auth.required(ctx);
        shared.discard(ctx.pathParam("token"));
        ctx.status(204);
    }

    private static Part part(Context ctx, String name) {
        try {
            return ctx.req().getPart(name);
        } catch (IOException | ServletException e) {
            throw ApiError.badRequest("the shared form could not be read");
        }
    }

    /** What the sharing app offered as a title or text, cut to what the upload form takes. */
    private static String clip(String text, int max) {
        if (text == null) return "";
        String t = text.strip();
        return t.codePointCount(0, t.length()) <= max ? t : t.substring(0, t.offsetByCodePoints(0, max));
    }

}
