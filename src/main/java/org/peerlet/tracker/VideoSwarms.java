package org.peerlet.tracker;

import org.peerlet.video.Ladder;
import org.peerlet.video.Video;
import org.peerlet.video.VideoJson;
import org.peerlet.video.VideoState;

import java.util.List;

/**
 * Keeps the tracker's admitted swarms in step with the videos: a published public or unlisted
 * video has an open swarm per rung; a published local video of any other privacy has a
 * restricted swarm per rung (peers need a file token of that video); a deleted or unpublished
 * one has none.
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
        if (v.ladder() == null) return;
        String master = json.masterUrl(v);
        int variants = v.ladder().rungs().size();
        boolean open = org.peerlet.video.VideoAccess.isOpen(v);
        boolean live = !deleted && v.state() == VideoState.PUBLISHED;
        // The rungs' torrents have swarms too, for WebTorrent clients, under the same rule.
        List<String> torrents = new java.util.ArrayList<>();
        for (Ladder.Rung r : v.ladder().rungs()) {
            if (v.isLocal() && r.infoHash() != null) torrents.add(InfoHashes.fromHex(r.infoHash()));
        }
        if (live && open) {
            swarms.admitPlaylist(master, variants);
            torrents.forEach(swarms::admit);
        } else {
            // Forget first: the open swarm's peers (or the peers of tokens now revoked) leave at once.
            swarms.forgetPlaylist(master, variants);
            torrents.forEach(swarms::forget);
            if (live && v.isLocal()) {
                swarms.admitRestrictedPlaylist(master, variants, v.id());
                torrents.forEach(h -> swarms.admitRestricted(h, v.id()));
            }
        }
    }

    public void syncAll(List<Video> videos) {
        videos.forEach(v -> sync(v, false));
    }
}
