package org.peerlet.playlist;

import org.peerlet.account.User;
import org.peerlet.common.Events;
import org.peerlet.db.Database;
import org.peerlet.http.ApiError;
import org.peerlet.video.Video;
import org.peerlet.video.VideoAccess;
import org.peerlet.video.VideoService;
import org.peerlet.video.Viewer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The videos in a playlist: added, moved, timed and removed by its owner; shown to each viewer
 * with every video checked for that viewer, as PeerTube does: one they may not see keeps its
 * place but shows no video ({@link Shown}).
 */
public final class PlaylistElements {
    /** PeerTube's VideoPlaylistElementType. */
    public enum Type {
        REGULAR(0), DELETED(1), PRIVATE(2), UNAVAILABLE(3);
        public final int id;

        Type(int id) {
            this.id = id;
        }
    }

    /** An element as one viewer sees it: its video only when {@code type} is REGULAR. */
    public record Shown(PlaylistElement element, Type type, Video video) {
    }

    private final Database db;
    private final PlaylistRepository repo = new PlaylistRepository();
    private final VideoService videos;
    private final Clock clock;
    private final Events events;

    PlaylistElements(Database db, VideoService videos, Events events, Clock clock) {
        this.db = db;
        this.events = events;
        this.videos = videos;
        this.clock = clock;
    }

    public List<Shown> page(Playlist p, Viewer w, int start, int count) {
        List<Shown> out = new ArrayList<>();
        for (PlaylistElement e : repo.elements(db.dsl(), p.id(), start, count)) out.add(shown(e, w));
        return out;
    }

    private Shown shown(PlaylistElement e, Viewer w) {
        Optional<Video> v = e.videoId() == null ? Optional.empty() : videos.byId(db.dsl(), e.videoId());
        if (v.isEmpty()) return new Shown(e, Type.DELETED, null);
        Optional<VideoAccess.Refusal> no = videos.access().check(v.get(), w);
        if (no.isEmpty()) return new Shown(e, Type.REGULAR, v.get());
        return new Shown(e, no.get() == VideoAccess.Refusal.NOT_FOUND ? Type.UNAVAILABLE : Type.PRIVATE, null);
    }

    /** Adds a video the owner may watch at the end; its element id. */
    public long add(Playlist p, User owner, String videoId, Integer start, Integer stop) {
        if (videoId == null || videoId.isBlank()) throw ApiError.badField("videoId", "Should have a valid video id/uuid/short uuid");
        Video v = videos.viewable(videoId, Viewer.of(Optional.of(owner)));
        checkTimes(start, stop, v);
        return db.write(tx -> {
            if (repo.length(tx, p.id()) >= PlaylistService.MAX_ELEMENTS) {
                throw ApiError.badRequest("a playlist holds at most " + PlaylistService.MAX_ELEMENTS + " videos");
            }
            long id = repo.insertElement(tx, p.id(), v.id(), start, stop, clock.millis());
            repo.touch(tx, p.id(), clock.millis());
            changed(tx, p);
            return id;
        });
    }

    private static void checkTimes(Integer start, Integer stop, Video v) {
        for (Integer t : new Integer[]{start, stop}) {
            if (t != null && t < 0) throw ApiError.badField(t.equals(start) ? "startTimestamp" : "stopTimestamp", "timestamps must be 0 or more");
        }
        if (start != null && stop != null && stop <= start) throw ApiError.badField("stopTimestamp", "stopTimestamp must come after startTimestamp");
        if (v != null && v.duration() > 0 && start != null && start >= v.duration()) {
            throw ApiError.badField("startTimestamp", "startTimestamp must be inside the video");
        }
    }

    private PlaylistElement element(Playlist p, long elementId) {
        return repo.element(db.dsl(), p.id(), elementId).orElseThrow(() -> ApiError.notFound("Video playlist element not found"));
    }

    public void setTimes(Playlist p, long elementId, Integer start, Integer stop) {
        PlaylistElement e = element(p, elementId);
        Video v = e.videoId() == null ? null : videos.byId(db.dsl(), e.videoId()).orElse(null);
        checkTimes(start, stop, v);
        db.writeVoid(tx -> {
            repo.setTimestamps(tx, e.id(), start, stop, clock.millis());
            repo.touch(tx, p.id(), clock.millis());
            changed(tx, p);
        });
    }

    public void remove(Playlist p, long elementId) {
        PlaylistElement e = element(p, elementId);
        db.writeVoid(tx -> {
            repo.deleteElement(tx, e);
            repo.touch(tx, p.id(), clock.millis());
            changed(tx, p);
        });
    }

    /**
     * PeerTube's reorder: the {@code length} elements from {@code startPosition} go after
     * {@code insertAfter} (0: first), positions counted 1..n before the move.
     */
    public void reorder(Playlist p, int startPosition, int insertAfter, Integer reorderLength) {
        db.writeVoid(tx -> {
            List<Long> order = repo.order(tx, p.id());
            int next = order.size() + 1;
            int length = reorderLength == null ? 1 : reorderLength;
            if (startPosition < 1 || insertAfter < 0 || length < 1) {
                throw ApiError.badRequest("startPosition must be 1 or more, insertAfterPosition 0 or more, reorderLength 1 or more");
            }
            if (startPosition >= next || insertAfter >= next) {
                throw ApiError.badRequest("Start position or insert after position exceed the playlist limits (max: " + (next - 1) + ")");
            }
            if (length + startPosition > next) {
                throw ApiError.badRequest("Reorder length with this start position exceeds the playlist limits (max: " + (next - startPosition) + ")");
            }
            if (startPosition == insertAfter) return;
            List<Long> moved = List.copyOf(order.subList(startPosition - 1, startPosition - 1 + length));
            List<Long> after = new ArrayList<>(order);
            after.removeAll(moved);
            // The block lands right after the element that held insertAfter (0: first); inside the block, where it was.
            int at = insertAfter == 0 ? 0 : moved.contains(order.get(insertAfter - 1))
                    ? startPosition - 1 : after.indexOf(order.get(insertAfter - 1)) + 1;
            after.addAll(at, moved);
            for (int i = 0; i < after.size(); i++) if (!after.get(i).equals(order.get(i))) repo.setPosition(tx, after.get(i), i + 1);
            repo.touch(tx, p.id(), clock.millis());
            changed(tx, p);
        });
    }

    /** Its videos changed: told once the transaction commits, with the playlist as it now is. */
    private void changed(org.jooq.DSLContext tx, Playlist p) {
        events.publish(new PlaylistEvents.Changed(p, repo.one(tx, repo.byId(p.id())).orElse(p)));
    }

    /** PeerTube's videos-exist: for each asked video, where it is in the user's own playlists. */
    public Map<Long, List<Map<String, Object>>> where(long accountId, List<Long> videoIds) {
        Map<Long, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (long id : videoIds) out.put(id, new ArrayList<>());
        if (videoIds.isEmpty()) return out;
        for (PlaylistRepository.Holding h : repo.holding(db.dsl(), accountId, videoIds)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("playlistElementId", h.element().id());
            m.put("playlistId", h.element().playlistId());
            m.put("playlistDisplayName", h.playlistName());
            m.put("playlistShortUUID", h.playlistShortUuid());
            m.put("startTimestamp", h.element().startTimestamp());
            m.put("stopTimestamp", h.element().stopTimestamp());
            out.get(h.element().videoId()).add(m);
        }
        return out;
    }
}
