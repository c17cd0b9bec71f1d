package org.peerlet.upload;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.peerlet.account.AccountService;
import org.peerlet.account.User;
import org.peerlet.channel.Channel;
import org.peerlet.common.Secrets;
import org.peerlet.db.Database;
import org.peerlet.http.ApiError;
import org.peerlet.http.Body;
import org.peerlet.http.Json;
import org.peerlet.http.TextFields;
import org.peerlet.media.MediaLayout;
import org.peerlet.video.Privacy;
import org.peerlet.video.PrivacyDetails;
import org.peerlet.video.ShortUuid;
import org.peerlet.video.VideoForm;
import org.peerlet.video.VideoMetadata;
import org.peerlet.video.VideoService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * PeerTube's resumable upload protocol. A session's bytes are appended to
 * {@code uploads/<id>.part}; the file's length is how far the upload got, so a cut connection
 * or a restart resumes exactly where it stopped. Sessions idle for an hour are dropped.
 */
public final class ResumableUploads {
    private static final Logger LOG = LoggerFactory.getLogger("upload");
    public static final Duration IDLE_LIMIT = Duration.ofHours(1);
    private static final int BUFFER = 64 * 1024;

    private final Database db;
    private final MediaLayout media;
    private final Intake intake;
    private final UploadSessionRepository sessions = new UploadSessionRepository();
    private final VideoService videos;
    private final Privacy defaultPrivacy;
    private final Clock clock;
    private final AccountService accounts;
    /** One lock per upload, held while a request works on it; kept (weakly) while anyone holds or awaits it. */
    private final LoadingCache<String, ReentrantLock> locks = Caffeine.newBuilder().weakValues().build(id -> new ReentrantLock());

    private final PrivacyDetails passwords;

    /** @param passwords where a finished upload's {@code videoPasswords} go (hashed by the privacy feature) */
    public ResumableUploads(Database db, MediaLayout media, Intake intake, VideoService videos, AccountService accounts,
                            Privacy defaultPrivacy, PrivacyDetails passwords, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.passwords = passwords;
        this.media = media;
        this.intake = intake;
        this.videos = videos;
        this.defaultPrivacy = defaultPrivacy;
        this.clock = clock;
    }

    public record Started(String id, boolean existed) {
    }

    /** What a chunk or a status query leads to: still going, or a finished video. */
    public record Progress(long received, Intake.Accepted video) {
        public boolean complete() {
            return video != null;
        }
    }

    public Started start(User user, long size, Body body) {
        sweep();
        VideoForm.passwords(body, VideoForm.forNew(body, defaultPrivacy).privacy(), 0);
        String filename = body.required("filename");
        TextFields.oneLine("filename", filename, 1, 255);
        long channelId = body.number("channelId").orElseThrow(() -> ApiError.badField("channelId", "channelId is required"));
        Channel channel = intake.channelFor(user, channelId);
        intake.checkAllowed(user, size);
        if (size == 0) throw new ApiError(422, null, "Video file unreadable: the file is empty");
        String metadata = Json.write(body.raw());
        String fingerprint = Secrets.sha256Hex(user.id() + "|" + channel.id() + "|" + filename + "|" + size + "|" + metadata);
        return db.write(tx -> {
            var existing = sessions.byFingerprint(tx, fingerprint);
            if (existing.isPresent() && existing.get().videoId() == null && Files.exists(part(existing.get().id()))) {
                sessions.touch(tx, existing.get().id(), clock.millis());
                return new Started(existing.get().id(), true);
            }
            existing.ifPresent(e -> sessions.delete(tx, e.id()));
            String id = Secrets.token(18);
            try {
                Files.createFile(part(id));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            long now = clock.millis();
            sessions.insert(tx, new UploadSessionRepository.Session(id, fingerprint, user.id(), channel.id(),
                    filename, size, metadata, null, now, now));
            return new Started(id, false);
        });
    }

    /**
     * Appends a chunk, or answers a status query; the last byte turns the file into a video. A
     * status query finding every byte (a stop came between the last byte and the video) finishes too.
     */
    public Progress put(User user, String id, String contentRange, long contentLength, InputStream in) {
        ContentRange range = ContentRange.parse(contentRange);
        // One request at a time per upload: one that comes while another is being read (a client
        // retrying a chunk it thinks lost) waits, then finds the bytes there and writes only the rest.
        ReentrantLock lock = locks.get(id);
        lock.lock();
        try {
            UploadSessionRepository.Session s = owned(user, id);
            if (range.total() != s.size()) {
                throw ApiError.badRequest("Content-Range total " + range.total() + " differs from the announced size " + s.size());
            }
            if (s.videoId() != null) return finished(s);
            Path part = part(id);
            if (!Files.exists(part)) throw ApiError.notFound("upload not found");
            long received = sizeOf(part);
            if (range.isStatusQuery()) {
                return received < s.size() ? new Progress(received, null) : new Progress(received, finish(user, s, part));
            }
            if (contentLength >= 0 && contentLength != range.length()) {
                throw ApiError.badRequest("Content-Length " + contentLength + " does not match Content-Range " + contentRange);
            }
            if (range.first() > received) return new Progress(received, null); // a gap: the client resends from here
            received = append(part, in, range, received);
            db.writeVoid(tx -> sessions.touch(tx, id, clock.millis()));
            if (received < s.size()) return new Progress(received, null);
            return new Progress(received, finish(user, s, part));
        } finally {
            lock.unlock();
        }
    }

    public void cancel(User user, String id) {
        ReentrantLock lock = locks.get(id);
        lock.lock();
        try {
            owned(user, id);
            remove(id);
        } finally {
            lock.unlock();
        }
    }

    /** Drops sessions idle past the limit, and finished sessions once their hour has passed. */
    public int sweep() {
        long before = clock.millis() - IDLE_LIMIT.toMillis();
        int n = 0;
        for (UploadSessionRepository.Session s : sessions.idleSince(db.dsl(), before)) {
            remove(s.id());
            n++;
        }
        return n;
    }

    /**
     * At start: part files with no session, and sessions whose part file is gone, are removed. A
     * session with every byte but no video (a stop came in between) becomes its video now.
     */
    public void cleanUpAtStart() {
        var ids = new java.util.HashSet<>(sessions.allIds(db.dsl()));
        try (var files = Files.list(media.uploads())) {
            files.forEach(f -> {
                String n = f.getFileName().toString();
                String id = n.endsWith(".part") ? n.substring(0, n.length() - 5) : null;
                if (id == null || !ids.contains(id)) Intake.deleteQuietly(f);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String id : ids) {
            var s = sessions.byId(db.dsl(), id).orElseThrow();
            if (s.videoId() != null) continue;
            if (!Files.exists(part(id))) db.writeVoid(tx -> sessions.delete(tx, id));
            else if (sizeOf(part(id)) == s.size()) finishAtStart(s);
        }
    }

    /** Runs before the server listens, so no request holds the upload. */
    private void finishAtStart(UploadSessionRepository.Session s) {
        User user = accounts.user(s.userId()).orElse(null);
        if (user == null) {
            remove(s.id());
            return;
        }
        try {
            Intake.Accepted a = finish(user, s, part(s.id()));
            LOG.info("upload {} had every byte when Peerlet stopped: it is video {} now", s.id(), a.uuid());
        } catch (RuntimeException e) { // finish() has dropped the session: the uploader is told "not found"
            LOG.warn("upload {} had every byte when Peerlet stopped but is refused: {}", s.id(), e.getMessage());
        }
    }

    private long append(Path part, InputStream in, ContentRange range, long received) {
        long skip = received - range.first(); // bytes the client resent that we already have
        long toWrite = range.length() - skip;
        try (FileChannel ch = FileChannel.open(part, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
             OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
            in.skipNBytes(Math.max(0, skip));
            byte[] buf = new byte[BUFFER];
            long written = 0;
            while (written < toWrite) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, toWrite - written));
                if (n < 0) break;
                out.write(buf, 0, n);
                written += n;
            }
            out.flush();
            ch.force(false); // what we report as received is on disk
            return received + written;
        } catch (java.io.EOFException e) {
            return sizeOf(part);
        } catch (IOException e) {
            if (org.peerlet.media.DiskSpace.saysDiskFull(e.getMessage())) throw org.peerlet.media.DiskSpace.noRoom("a chunk");
            // A cut connection: keep what arrived, the client resumes from there.
            LOG.info("upload chunk cut short: {}", e.toString());
            return sizeOf(part);
        }
    }

    private Intake.Accepted finish(User user, UploadSessionRepository.Session s, Path part) {
        Body meta = Body.ofJson(Json.read(s.metadata()));
        VideoMetadata m = VideoForm.forNew(meta, defaultPrivacy);
        Channel channel = intake.channelFor(user, s.channelId());
        java.util.List<String> videoPasswords = VideoForm.passwords(meta, m.privacy(), 0);
        try {
            Intake.Accepted a = intake.accept(user, channel, m, part, s.filename(),
                    (tx, accepted) -> sessions.complete(tx, s.id(), accepted.id(), clock.millis()));
            if (videoPasswords != null) passwords.replacePasswords(a.id(), videoPasswords);
            return a;
        } catch (RuntimeException e) {
            db.writeVoid(tx -> sessions.delete(tx, s.id()));
            throw e;
        }
    }

    private Progress finished(UploadSessionRepository.Session s) {
        var v = videos.byId(db.dsl(), s.videoId()).orElseThrow(() -> ApiError.notFound("upload not found"));
        return new Progress(s.size(), new Intake.Accepted(v.id(), v.uuid(), ShortUuid.of(UUID.fromString(v.uuid()))));
    }

    private UploadSessionRepository.Session owned(User user, String id) {
        var s = sessions.byId(db.dsl(), id).orElseThrow(() -> ApiError.notFound("upload not found"));
        if (s.userId() != user.id()) throw ApiError.notFound("upload not found");
        if (s.videoId() == null && s.updatedAt() < clock.millis() - IDLE_LIMIT.toMillis()) {
            remove(id);
            throw ApiError.notFound("upload expired after an hour without activity; start again");
        }
        return s;
    }

    private void remove(String id) {
        Intake.deleteQuietly(part(id));
        db.writeVoid(tx -> sessions.delete(tx, id));
    }

    private Path part(String id) {
        if (!id.matches("[A-Za-z0-9_-]{1,64}")) throw ApiError.badRequest("upload_id is not valid");
        return media.uploads().resolve(id + ".part");
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
