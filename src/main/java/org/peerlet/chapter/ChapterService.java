package org.peerlet.chapter;

import com.fasterxml.jackson.databind.JsonNode;
import org.peerlet.db.Database;
import org.peerlet.http.ApiError;
import org.peerlet.video.Video;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A video's chapters: those its owner set, else those its description lists (read afresh, so a
 * changed description changes them). Setting none goes back to the description's.
 */
public final class ChapterService {
    /** A long recording's table of contents fits; a runaway client's list does not. */
    static final int MAX_CHAPTERS = 500;

    private final Database db;
    private final ChapterRepository repo = new ChapterRepository();

    public ChapterService(Database db) {
        this.db = db;
    }

    public List<Chapter> of(Video v) {
        List<Chapter> set = repo.of(db.dsl(), v.id());
        if (!set.isEmpty()) return set;
        return DescriptionChapters.of(v.description()).stream().filter(c -> inside(v, c.timecode())).toList();
    }

    /** PeerTube's {@code chapters: [{timecode, title}]}: whole seconds inside the video, distinct, titled. */
    public void replace(Video v, JsonNode chapters) {
        if (chapters == null || !chapters.isArray()) throw ApiError.badField("chapters", "chapters must be an array");
        if (chapters.size() > MAX_CHAPTERS) throw ApiError.badField("chapters", "a video has up to " + MAX_CHAPTERS + " chapters");
        List<Chapter> list = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (JsonNode c : chapters) {
            JsonNode t = c.path("timecode");
            JsonNode title = c.path("title");
            if (!t.isIntegralNumber() || t.asLong() < 0 || t.asLong() > Integer.MAX_VALUE) {
                throw ApiError.badField("chapters", "each chapter's timecode must be a whole number of seconds, 0 or more");
            }
            if (!inside(v, t.asInt())) throw ApiError.badField("chapters", "chapter at " + t.asInt() + " s is past the video's end");
            if (!title.isTextual() || title.asText().isBlank() || title.asText().length() > Chapter.TITLE_MAX) {
                throw ApiError.badField("chapters", "each chapter needs a title of 1 to " + Chapter.TITLE_MAX + " characters");
            }
            if (!seen.add(t.asInt())) throw ApiError.badField("chapters", "two chapters start at " + t.asInt() + " s");
            list.add(new Chapter(t.asInt(), title.asText()));
        }
        list.sort(Comparator.comparingInt(Chapter::timecode));
        db.writeVoid(tx -> repo.replace(tx, v.id(), list));
    }

    /** Inside the video: before its end (a video whose length is not known yet takes any time). */
    private static boolean inside(Video v, int seconds) {
        return v.duration() <= 0 || seconds < v.duration();
    }
}
