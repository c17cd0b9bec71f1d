package org.peerlet.upload;

import org.peerlet.video.VideoMetadata;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.account.User;
import org.peerlet.channel.Channel;
import org.peerlet.common.Secrets;
import org.peerlet.http.Access;
import org.peerlet.http.ApiError;
import org.peerlet.account.Auth;
import org.peerlet.http.Body;
import org.peerlet.http.RouteGroup;
import org.peerlet.http.TextFields;
import org.peerlet.media.Images;
import org.peerlet.media.MediaLayout;
import org.peerlet.video.Privacy;
import org.peerlet.video.PrivacyDetails;
import org.peerlet.video.VideoForm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** PeerTube's two upload endpoints: one multipart request, or the resumable protocol. */
public final class UploadRoutes implements RouteGroup {
    private static final String RESUMABLE = "/api/v1/videos/upload-resumable";

    private final Intake intake;
    private final ResumableUploads resumable;
    private final MediaLayout media;
    private final Privacy defaultPrivacy;
    private final PrivacyDetails passwords;

    /** @param passwords stores a new video's {@code videoPasswords} (hashed) */
    public UploadRoutes(Intake intake, ResumableUploads resumable, MediaLayout media,
                        Privacy defaultPrivacy, PrivacyDetails passwords) {
        this.passwords = passwords;
        this.intake = intake;
        this.resumable = resumable;
        this.media = media;
        this.defaultPrivacy = defaultPrivacy;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.post("/api/v1/videos/upload", this::multipart, Access.USER);
        r.get("/api/v1/users/me/video-quota-used", ctx -> ctx.json(intake.quotaUsed(Auth.required(ctx))), Access.USER);
        r.post(RESUMABLE, this::startResumable, Access.USER);
        r.put(RESUMABLE, this::putResumable, Access.USER);
        r.delete(RESUMABLE, this::cancelResumable, Access.USER);
    }

    private void multipart(Context ctx) {
        User user = Auth.required(ctx);
        // The declared length bounds the file: refuse before reading a byte of it.
        intake.checkAllowed(user, Math.max(0, ctx.req().getContentLengthLong() - 64 * 1024));
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        if (!type.startsWith("multipart/form-data")) throw new ApiError(415, null, "send the video as multipart/form-data");
        UploadedFile file = ctx.uploadedFile("videofile");
        if (file == null) throw ApiError.badRequest("videofile is required");
        TextFields.oneLine("the file's name", file.filename(), 1, 255);
        NewVideo form = newVideo(user, Body.of(ctx));
        Path thumb = image(ctx, "thumbnailfile", Images.THUMBNAIL_WIDTH, Images.THUMBNAIL_HEIGHT);
        Path preview = image(ctx, "previewfile", Images.PREVIEW_WIDTH, Images.PREVIEW_HEIGHT);
        Path staged = media.uploads().resolve(".multipart-" + Secrets.token(12));
        try {
            // Jetty spooled the part into uploads/ already: a rename, not a second copy of the whole file.
            videoPart(ctx).write(staged.toAbsolutePath().toString());
            publish(ctx, user, form, staged, file.filename(), thumb, preview);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Intake.deleteQuietly(staged);
            Intake.deleteQuietly(thumb);
            Intake.deleteQuietly(preview);
        }
    }

    /** A new video's form (PeerTube's upload fields), checked before any file is taken. */
    record NewVideo(VideoMetadata metadata, List<String> passwords, Channel channel) {
    }

    NewVideo newVideo(User user, Body b) {
        VideoMetadata m = VideoForm.forNew(b, defaultPrivacy);
        List<String> videoPasswords = VideoForm.passwords(b, m.privacy(), 0);
        long channelId = b.number("channelId").orElseThrow(() -> ApiError.badField("channelId", "channelId is required"));
        return new NewVideo(m, videoPasswords, intake.channelFor(user, channelId));
    }

    /** Makes the staged file (consumed) a video of the form, with the uploader's images if any, and answers as PeerTube's upload does. */
    void publish(Context ctx, User user, NewVideo form, Path staged, String filename, Path thumb, Path preview) {
        Intake.Accepted a = intake.accept(user, form.channel(), form.metadata(), staged, filename, thumb, preview);
        if (form.passwords() != null) passwords.replacePasswords(a.id(), form.passwords());
        answer(ctx, a);
    }

    static void answer(Context ctx, Intake.Accepted a) {
        ctx.json(Map.of("video", Map.of("id", a.id(), "uuid", a.uuid(), "shortUUID", a.shortUuid())));
    }

    private void startResumable(Context ctx) {
        User user = Auth.required(ctx);
        String length = ctx.header("X-Upload-Content-Length");
        if (length == null || !length.matches("\\d{1,18}")) {
            throw ApiError.badRequest("X-Upload-Content-Length is required: the file's size in bytes");
        }
        ResumableUploads.Started s = resumable.start(user, Long.parseLong(length), Body.of(ctx));
        ctx.header("Location", RESUMABLE + "?upload_id=" + s.id());
        ctx.status(s.existed() ? 200 : 201).json(Map.of("uploadId", s.id()));
    }

    private void putResumable(Context ctx) {
        User user = Auth.required(ctx);
        ResumableUploads.Progress p = resumable.put(user, uploadId(ctx), ctx.header("Content-Range"),
                ctx.req().getContentLengthLong(), inputStream(ctx));
        if (p.complete()) {
            answer(ctx, p.video());
            return;
        }
        if (p.received() > 0) ctx.header("Range", "bytes=0-" + (p.received() - 1));
        ctx.status(308);
    }

    private void cancelResumable(Context ctx) {
        resumable.cancel(Auth.required(ctx), uploadId(ctx));
        ctx.status(204);
    }

    private static String uploadId(Context ctx) {
        String id = ctx.queryParam("upload_id");
        if (id == null || id.isEmpty()) throw ApiError.badRequest("upload_id is required");
        return id;
    }

    /** The servlet part behind {@code videofile}: unlike Javalin's view of it, it can move its spool file. */
    private static jakarta.servlet.http.Part videoPart(Context ctx) {
        try {
            return ctx.req().getPart("videofile");
        } catch (IOException | jakarta.servlet.ServletException e) {
            throw new IllegalStateException("videofile was parsed already", e);
        }
    }

    private static InputStream inputStream(Context ctx) {
        try {
            return ctx.req().getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks and scales an optional image part to a temporary file, before the video is accepted. */
    private Path image(Context ctx, String field, int w, int h) {
        UploadedFile f = ctx.uploadedFile(field);
        if (f == null) return null;
        Path tmp = media.uploads().resolve(".image-" + Secrets.token(12) + ".jpg");
        try (InputStream in = f.content()) {
            Images.storeScaled(in, f.size(), tmp, w, h, field);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tmp;
    }
}
