package org.peerlet.channel;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UploadedFile;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.account.Auth;
import org.peerlet.http.Access;
import org.peerlet.http.ApiError;
import org.peerlet.http.RouteGroup;
import org.peerlet.instance.Urls;
import org.peerlet.media.Face;
import org.peerlet.media.FileReply;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * PeerTube's routes for faces: {@code users/me/avatar/pick}, {@code video-channels/{handle}/avatar/pick}
 * and {@code banner/pick} (multipart {@code avatarfile} / {@code bannerfile}), their DELETEs, and the
 * files under {@code /lazy-static/avatars/} and {@code /lazy-static/banners/}, public as PeerTube's.
 */
public final class FaceRoutes implements RouteGroup {
    private final Faces faces;
    private final Urls urls;

    public FaceRoutes(Faces faces, Urls urls) {
        this.faces = faces;
        this.urls = urls;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.post("/api/v1/users/me/avatar/pick", this::pickMine, Access.USER);
        r.delete("/api/v1/users/me/avatar", ctx -> {
            faces.removeAvatar(Auth.required(ctx));
            ctx.status(204);
        }, Access.USER);
        for (Face.Kind kind : Face.Kind.values()) {
            String name = kind == Face.Kind.AVATAR ? "avatar" : "banner";
            r.post("/api/v1/video-channels/{handle}/" + name + "/pick", ctx -> pickChannel(ctx, kind), Access.USER);
            r.delete("/api/v1/video-channels/{handle}/" + name, ctx -> {
                faces.remove(Auth.required(ctx), ctx.pathParam("handle"), kind);
                ctx.status(204);
            }, Access.USER);
            for (HandlerType method : List.of(HandlerType.GET, HandlerType.HEAD)) {
                r.addHttpHandler(method, kind.path() + "{file}", ctx -> file(ctx, kind), Access.ANYONE);
            }
        }
    }

    private void pickMine(Context ctx) {
        UploadedFile f = upload(ctx, "avatarfile");
        try (InputStream in = f.content()) {
            ctx.json(Map.of("avatars", Face.json(faces.pickAvatar(Auth.required(ctx), in, f.size()).avatar(), urls.base())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void pickChannel(Context ctx, Face.Kind kind) {
        String field = kind == Face.Kind.AVATAR ? "avatarfile" : "bannerfile";
        UploadedFile f = upload(ctx, field);
        try (InputStream in = f.content()) {
            Channel c = faces.pick(Auth.required(ctx), ctx.pathParam("handle"), kind, in, f.size());
            ctx.json(kind == Face.Kind.AVATAR ? Map.of("avatars", Face.json(c.avatar(), urls.base()))
                    : Map.of("banners", Face.json(c.banner(), urls.base())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static UploadedFile upload(Context ctx, String field) {
        UploadedFile f = ctx.isMultipartFormData() ? ctx.uploadedFile(field) : null;
        if (f == null) throw ApiError.invalidParam("body", field, null, field + " is required (multipart/form-data)");
        return f;
    }

    /** A face's file: a new face has a new name, so a copy may be kept for a day. */
    private void file(Context ctx, Face.Kind kind) {
        Path p = faces.files().file(kind, ctx.pathParam("file")).orElseThrow(() -> ApiError.notFound("file not found"));
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Cache-Control", "public, max-age=86400");
        try {
            FileReply.of(p).send(ctx, "image/jpeg");
        } catch (IOException e) {
            // gone between the check and the read, or the visitor left: nothing more to answer
        }
    }
}
