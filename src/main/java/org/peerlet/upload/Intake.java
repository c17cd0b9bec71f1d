package org.peerlet.upload;

import org.peerlet.video.VideoMetadata;
import org.peerlet.account.Account;
import org.peerlet.account.AccountDirectory;
import org.peerlet.account.User;
import org.peerlet.channel.Channel;
import org.peerlet.channel.ChannelService;
import org.peerlet.db.Database;
import org.peerlet.http.ApiError;
import org.peerlet.http.Json;
import org.peerlet.media.MediaLayout;
import org.peerlet.transcode.EngineUnavailableException;
import org.peerlet.transcode.MediaEngine;
import org.peerlet.transcode.MediaException;
import org.peerlet.transcode.TranscodeWorker;
import org.peerlet.transcode.ProbeResult;
import org.peerlet.video.ShortUuid;
import org.peerlet.video.VideoService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/**
 * The one way a video file becomes a video, for both upload protocols: checks size and quota
 * before the bytes are taken, probes what arrived (never trusting its name), then stores the
 * original, the row and the transcoding job together. A failure leaves nothing behind.
 */
public final class Intake {
    private static final Logger LOG = LoggerFactory.getLogger("upload");

    private final Database db;
    private final MediaLayout media;
    private final MediaEngine engine;
    private final VideoService videos;
    private final ChannelService channels;
    private final AccountDirectory accounts;
    private final TranscodeWorker transcoding;
    private final long maxUploadSize;
    private final org.peerlet.media.DiskSpace disk;
    /** Whether the instance holds its users' uploads until a moderator approves them (PeerTube's autoBlacklist). */
    private final java.util.function.BooleanSupplier holdNewUploads;
    private final Clock clock;

    public Intake(Database db, MediaLayout media, MediaEngine engine, VideoService videos,
                  ChannelService channels, AccountDirectory accounts, TranscodeWorker transcoding,
                  long maxUploadSize, org.peerlet.media.DiskSpace disk, java.util.function.BooleanSupplier holdNewUploads,
                  Clock clock) {
        this.db = db;
        this.disk = disk;
        this.holdNewUploads = holdNewUploads;
        this.media = media;
        this.engine = engine;
        this.videos = videos;
        this.channels = channels;
        this.accounts = accounts;
        this.transcoding = transcoding;
        this.maxUploadSize = maxUploadSize;
        this.clock = clock;
    }

    public record Accepted(long id, String uuid, String shortUuid) {
    }

    /** The channel the user publishes in: it must exist and be theirs. */
    public Channel channelFor(User user, long channelId) {
        Channel c = channels.byId(channelId).orElseThrow(() -> ApiError.badRequest("channelId " + channelId + " does not exist"));
        Account owner = accounts.byId(c.accountId()).orElseThrow();
        if (!Long.valueOf(user.id()).equals(owner.userId())) {
            throw ApiError.forbidden("Cannot publish in this channel: it is not yours");
        }
        return c;
    }

    /** What counts against a user's quotas: bytes uploaded ever, and in the last 24 hours. */
    public record QuotaUsed(long videoQuotaUsed, long videoQuotaUsedDaily) {
    }

    public QuotaUsed quotaUsed(User user) {
        Account a = accounts.byUserId(user.id()).orElseThrow();
        long dayAgo = clock.millis() - Duration.ofDays(1).toMillis();
        return new QuotaUsed(videos.usedBytes(a.id(), null), videos.usedBytes(a.id(), dayAgo));
    }

    /**
     * Refuses a file of this size before any byte is taken: 413 over the instance's limit, 403 over
     * quota, 507 when the disk has no room for it and its transcode.
     */
    public void checkAllowed(User user, long size) {
        checkLimits(user, size);
        disk.checkRoomForUpload(size);
    }

    /** The instance's and the user's limits (the bytes may be here already: no disk check). */
    private void checkLimits(User user, long size) {
        if (size < 0) throw ApiError.badRequest("the file size is unknown");
        if (size > maxUploadSize) {
            throw ApiError.tooLarge("the file is larger than this instance accepts (" + maxUploadSize + " bytes)");
        }
        QuotaUsed used = quotaUsed(user);
        if (user.videoQuota() >= 0 && used.videoQuotaUsed() + size > user.videoQuota()) {
            throw ApiError.forbidden("The user video quota is exceeded with this video.");
        }
        if (user.videoQuotaDaily() >= 0 && used.videoQuotaUsedDaily() + size > user.videoQuotaDaily()) {
            throw ApiError.forbidden("The user video daily quota is exceeded with this video.");
        }
    }

    /**
     * Turns a complete staged file into a video waiting for transcoding. The staged file is
     * consumed: moved into originals/ on success, deleted on failure.
     */
    public Accepted accept(User user, Channel channel, VideoMetadata m, Path staged, String filename) {
        return accept(user, channel, m, staged, filename, (tx, accepted) -> { });
    }

    /** As above, with the uploader's own images (either may be null) put in place in the video's transaction. */
    public Accepted accept(User user, Channel channel, VideoMetadata m, Path staged, String filename, Path thumb, Path preview) {
        return accept(user, channel, m, staged, filename, (tx, accepted) -> placeImages(tx, accepted, thumb, preview));
    }

    /**
     * As above; {@code alsoInTransaction} runs in the same transaction as the new row, before its
     * job can be picked up (closing an upload session, placing uploaded images).
     */
    public Accepted accept(User user, Channel channel, VideoMetadata m, Path staged, String filename,
                           java.util.function.BiConsumer<org.jooq.DSLContext, Accepted> alsoInTransaction) {
        boolean moved = false;
        Path original = null;
        try {
            long size = Files.size(staged);
            if (size == 0) throw new ApiError(422, null, "Video file unreadable: the file is empty");
            checkLimits(user, size);
            ProbeResult probe;
            try {
                probe = engine.probe(staged);
            } catch (EngineUnavailableException e) {
                LOG.error("upload refused: {}", e.getMessage());
                throw new ApiError(503, null, "Uploads are unavailable: " + e.getMessage());
            } catch (MediaException e) {
                throw new ApiError(422, null, "Video file unreadable: " + e.getMessage());
            }
            UUID uuid = UUID.randomUUID();
            String ext = extension(filename, probe);
            String originalName = media.originalName(uuid.toString(), ext);
            original = media.resolve(originalName);
            MediaLayout.moveAtomically(staged, original);
            moved = true;
            VideoService.Original o = new VideoService.Original(filename, originalName, size, Json.write(probe),
                    (int) Math.round(probe.durationSeconds()));
            long id = db.write(tx -> {
                long videoId = videos.create(tx, uuid, channel.id(), m, o,
                        holdNewUploads.getAsBoolean() && user.uploadsNeedApproval());
                transcoding.enqueue(tx, videoId);
                alsoInTransaction.accept(tx, new Accepted(videoId, uuid.toString(), ShortUuid.of(uuid)));
                return videoId;
            });
            LOG.info("video {} uploaded by {} ({} bytes, {})", uuid, user.username(), size, probe.containerFormat());
            return new Accepted(id, uuid.toString(), ShortUuid.of(uuid));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(moved ? original : staged);
            throw e;
        } finally {
            if (!moved) deleteQuietly(staged);
        }
    }

    private static String extension(String filename, ProbeResult probe) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot >= 0 ? name.substring(dot) : "";
        return ext.matches("\\.[a-z0-9]{1,5}") ? ext : ".bin";
    }

    static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", p, e.toString());
        }
    }

    /** Puts the uploader's images in place in the video's own transaction: the transcoder then keeps them. */
    private void placeImages(org.jooq.DSLContext tx, Intake.Accepted a, Path thumb, Path preview) {
        try {
            if (thumb != null) MediaLayout.moveAtomically(thumb, media.thumbnail(a.uuid()));
            if (preview != null) MediaLayout.moveAtomically(preview, media.preview(a.uuid()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (thumb != null || preview != null) {
            videos.setImages(tx, a.id(), thumb != null ? true : null, preview != null ? true : null);
        }
    }
}
