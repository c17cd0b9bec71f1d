package org.peerlet.tracker;

import com.fasterxml.jackson.databind.JsonNode;
import org.peerlet.http.Json;
import org.peerlet.video.Privacy;
import org.peerlet.video.Video;
import org.peerlet.video.VideoJson;
import org.peerlet.video.VideoState;

import java.util.List;

/**
 * Keeps the tracker's admitted swarms in step with the videos: a published public or unlisted
 * video has a swarm per rung; anything else (private, internal, deleted) has none.
 */
public final class VideoSwarms {
    private final KnownSwarms swarms;
    private final VideoJson json;

    public VideoSwarms(KnownSwarms swarms, VideoJson json) {
        this.swarms = swarms;
        this.json = json;
    }

    /** Admits or forgets the video's swarms after it was published, changed or deleted. */
    public void sync(Video v, boolean deleted) {
        if (v.hls() == null) return;
        JsonNode hls = Json.read(v.hls());
        String master = json.hlsBase(v) + hls.get("master").asText();
        int variants = hls.get("rungs").size();
        boolean open = v.privacy() == Privacy.PUBLIC || v.privacy() == Privacy.UNLISTED;
        if (!deleted && open && v.state() == VideoState.PUBLISHED) swarms.admitPlaylist(master, variants);
        else swarms.forgetPlaylist(master, variants);
    }

    public void syncAll(List<Video> videos) {
        videos.forEach(v -> sync(v, false));
    }
}
