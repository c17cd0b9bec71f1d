package org.peerlet.ops;

import org.peerlet.http.ApiError;
import org.peerlet.media.MediaLayout;
import org.peerlet.media.RungRemoval;
import org.peerlet.transcode.TranscodeWorker;
import org.peerlet.video.Ladder;
import org.peerlet.video.Video;
import org.peerlet.video.VideoJson;
import org.peerlet.video.VideoService;
import org.peerlet.video.VideoState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The admin's answers to storage growth, as PeerTube's: transcode again (after the ladder setting
 * changed), drop originals, drop a resolution. Each is told in what it frees before it is done,
 * and never leaves published media half-deleted: the database lets go first, files go after.
 */
public final class Maintenance {
    private static final Logger LOG = LoggerFactory.getLogger("maintenance");

    private final VideoService videos;
    private final TranscodeWorker worker;
    private final MediaLayout media;
    private final RungRemoval rungs;

    public Maintenance(VideoService videos, TranscodeWorker worker, MediaLayout media) {
        this.videos = videos;
        this.worker = worker;
        this.media = media;
        this.rungs = new RungRemoval(media);
    }

    /** How many videos an action touches and the bytes it frees. */
    public record Tally(int videos, long bytes) {
        Tally plus(long more) {
            return new Tally(videos + 1, bytes + more);
        }
    }

    /** Queues a local video's transcode from its original with today's ladder setting. */
    public void retranscode(Video v) {
        if (!v.isLocal()) throw ApiError.badRequest("only videos of this instance are transcoded here");
        if (v.originalFile() == null) {
            throw ApiError.conflict("the original of this video was removed: it cannot be transcoded again");
        }
        worker.rerun(v.id());
        LOG.info("video {} queued for transcoding again", v.uuid());
    }

    /** Every local video that still has its original, queued again. */
    public Tally retranscodeAll() {
        Tally t = new Tally(0, 0);
        for (Video v : videos.allLocal()) {
            if (v.originalFile() == null) continue;
            worker.rerun(v.id());
            t = t.plus(0);
        }
        LOG.info("{} video(s) queued for transcoding again", t.videos());
        return t;
    }

    /** The originals that could go now (published, no transcode waiting for them) and their bytes. */
    public Tally removableOriginals() {
        Tally t = new Tally(0, 0);
        for (Video v : removable()) t = t.plus(size(media.resolve(v.originalFile())));
        return t;
    }

    public long removeOriginal(Video v) {
        long bytes = v.originalFile() == null ? 0 : size(media.resolve(v.originalFile()));
        videos.removeOriginal(v, worker.busyWith(v.id()));
        LOG.info("original of video {} removed ({} bytes freed)", v.uuid(), bytes);
        return bytes;
    }

    public Tally removeAllOriginals() {
        Tally t = new Tally(0, 0);
        for (Video v : removable()) t = t.plus(removeOriginal(v));
        return t;
    }

    private List<Video> removable() {
        return videos.allLocal().stream().filter(v -> v.originalFile() != null && v.state() == VideoState.PUBLISHED
                && !worker.busyWith(v.id())).toList();
    }

    /** The rung of a local published video whose PeerTube file id is {@code fileId}: 404 if none. */
    public Ladder.Rung rungOf(Video v, long fileId) {
        if (!v.isLocal() || v.ladder() == null) throw ApiError.notFound("this video has no such file");
        return v.ladder().rungs().stream().filter(r -> VideoJson.fileId(v, r) == fileId).findFirst()
                .orElseThrow(() -> ApiError.notFound("this video has no such file"));
    }

    /**
     * Takes one rung out of a published video: the new folder is built beside the old, the
     * database lets the rung go, then the folder is swapped in. 409 for the last rung, or while a transcode runs.
     */
    public long removeRung(Video v, Ladder.Rung rung) {
        Ladder ladder = v.ladder();
        if (ladder.rungs().size() <= 1) throw ApiError.conflict("the last resolution of a video cannot be removed");
        if (worker.busyWith(v.id())) throw ApiError.conflict("the video is being transcoded: try again once it is done");
        try {
            rungs.prepare(v.uuid(), rung.playlist(), ladder.master(), ladder.sha256());
        } catch (IOException | RuntimeException e) {
            rungs.abandon(v.uuid());
            throw new UncheckedIOException(e instanceof IOException io ? io : new IOException(e));
        }
        Ladder without = new Ladder(ladder.base(), ladder.master(), ladder.sha256(),
                ladder.rungs().stream().filter(r -> r != rung).toList(), ladder.tracker(), ladder.truncated(),
                ladder.warnings(), ladder.storyboard());
        if (!videos.changeLadder(v, without)) {
            rungs.abandon(v.uuid());
            throw ApiError.conflict("the video changed meanwhile: try again");
        }
        try {
            rungs.swap(v.uuid());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.info("{}p of video {} removed ({} bytes freed)", rung.resolution(), v.uuid(), rung.size());
        return rung.size();
    }

    /** Per resolution: how many local videos have it (beside another) and the bytes removing it frees. */
    public Map<Integer, Tally> resolutions() {
        Map<Integer, Tally> out = new TreeMap<>();
        for (Video v : withLadders()) {
            for (Ladder.Rung r : v.ladder().rungs()) out.merge(r.resolution(), new Tally(1, r.size()),
                    (a, b) -> new Tally(a.videos() + 1, a.bytes() + b.bytes()));
        }
        return out;
    }

    /** Removes a resolution from every local video that has it and another one. */
    public Tally removeResolution(int resolution) {
        Tally t = new Tally(0, 0);
        for (Video v : withLadders()) {
            for (Ladder.Rung r : v.ladder().rungs()) {
                if (r.resolution() == resolution && !worker.busyWith(v.id())) t = t.plus(removeRung(v, r));
            }
        }
        LOG.info("{}p removed from {} video(s)", resolution, t.videos());
        return t;
    }

    /** Local published videos with more than one rung: those a resolution can be taken from. */
    private List<Video> withLadders() {
        return videos.allLocal().stream().filter(v -> v.state() == VideoState.PUBLISHED && v.ladder() != null
                && v.ladder().rungs().size() > 1).toList();
    }

    static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
