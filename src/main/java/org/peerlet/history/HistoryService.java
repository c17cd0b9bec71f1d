package org.peerlet.history;

import org.peerlet.account.User;
import org.peerlet.db.Database;
import org.peerlet.video.Video;
import org.peerlet.video.VideoEvents;
import org.peerlet.video.VideoService;
import org.peerlet.video.Viewer;
import org.peerlet.video.WatchPositions;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps where each user stopped in each video, from the positions their players report with
 * views (unless they turned history off), and lists it back. A video the user may no longer see
 * (made private, unshared, deleted) is left out of everything they are told.
 */
public final class HistoryService implements WatchPositions {
    /** A page of a user's history: the videos, and where they stopped in each. */
    public record Page(int total, List<Video> videos, Map<Long, Integer> positions) {
    }

    private final Database db;
    private final HistoryRepository repo = new HistoryRepository();
    private final VideoService videos;
    private final Clock clock;

    public HistoryService(Database db, VideoService videos, Clock clock) {
        this.db = db;
        this.videos = videos;
        this.clock = clock;
    }

    /** A player reported a position: kept, unless the user keeps no history. */
    public void watched(VideoEvents.Watched e) {
        if (!e.user().videosHistoryEnabled()) return;
        db.writeVoid(tx -> repo.save(tx, e.user().id(), e.video().id(), e.currentTime(), clock.millis()));
    }

    @Override
    public Map<Long, Integer> of(long userId, Collection<Long> videoIds) {
        return repo.positions(db.dsl(), userId, videoIds);
    }

    /** The user's history, newest first, of the videos they may still watch; {@code search} filters names. */
    public Page page(User user, int start, int count, String search) {
        Viewer viewer = Viewer.of(Optional.of(user));
        List<Video> visible = new ArrayList<>();
        Map<Long, Integer> positions = new java.util.HashMap<>();
        for (HistoryRepository.Entry e : repo.all(db.dsl(), user.id())) {
            Optional<Video> v = videos.find(String.valueOf(e.videoId()));
            if (v.isEmpty() || !videos.access().canView(v.get(), viewer)) continue;
            if (search != null && !v.get().name().toLowerCase().contains(search.toLowerCase())) continue;
            visible.add(v.get());
            positions.put(e.videoId(), e.currentTime());
        }
        List<Video> page = visible.subList(Math.min(start, visible.size()), Math.min(start + count, visible.size()));
        return new Page(visible.size(), List.copyOf(page), positions);
    }

    /** Forgets one video of the user's history. */
    public void remove(User user, long videoId) {
        db.writeVoid(tx -> repo.remove(tx, user.id(), videoId, null));
    }

    /** Forgets what the user watched before {@code before} (epoch millis; null: everything). */
    public void removeBefore(User user, Long before) {
        db.writeVoid(tx -> repo.remove(tx, user.id(), null, before));
    }
}
