package org.peerlet.federation.discovery;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.account.AccountService;
import org.peerlet.account.Role;
import org.peerlet.channel.ChannelService;
import org.peerlet.federation.Follows;
import org.peerlet.federation.LocalActors;
import org.peerlet.federation.model.LocalActor;
import org.peerlet.http.Access;
import org.peerlet.http.RouteGroup;
import org.peerlet.social.SocialService;
import org.peerlet.video.Video;
import org.peerlet.video.VideoService;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/server/stats}, PeerTube's public figures of the instance (the same usage
 * NodeInfo tells, and more). What Peerlet does not track (daily active users, abuse reports,
 * registration requests, ActivityPub message counters) is 0, as on a PeerTube without them.
 */
public final class ServerStatsRoutes implements RouteGroup {
    private static final List<String> ACTIVITY_TYPES = List.of("Create", "Update", "Delete", "Follow", "Accept",
            "Announce", "Undo", "Like", "Reject", "View", "Dislike", "Flag", "ApproveReply", "RejectReply", "Download");

    private final AccountService accounts;
    private final ChannelService channels;
    private final VideoService videos;
    private final SocialService social;
    private final Follows follows;
    private final LocalActors local;

    public ServerStatsRoutes(AccountService accounts, ChannelService channels, VideoService videos,
                             SocialService social, Follows follows, LocalActors local) {
        this.accounts = accounts;
        this.channels = channels;
        this.videos = videos;
        this.social = social;
        this.follows = follows;
        this.local = local;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.get("/api/v1/server/stats", this::stats, Access.ANYONE);
    }

    private void stats(Context ctx) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("totalUsers", accounts.countUsers());
        for (String unknown : List.of("totalDailyActiveUsers", "totalWeeklyActiveUsers", "totalMonthlyActiveUsers",
                "totalLocalVideoDownloads", "totalLocalVideoFilesSize", "totalLocalDailyActiveVideoChannels",
                "totalLocalWeeklyActiveVideoChannels", "totalLocalMonthlyActiveVideoChannels", "totalLocalPlaylists")) {
            m.put(unknown, 0);
        }
        m.put("totalModerators", accounts.countUsers(Role.MODERATOR));
        m.put("totalAdmins", accounts.countUsers(Role.ADMIN));
        List<Video> published = videos.allPublished();
        List<Video> ours = published.stream().filter(Video::isLocal).toList();
        m.put("totalLocalVideos", ours.size());
        m.put("totalLocalVideoViews", ours.stream().mapToLong(Video::views).sum());
        m.put("totalLocalVideoComments", social.countLocalComments());
        m.put("totalVideos", published.size());
        m.put("totalVideoComments", social.countLocalComments());
        m.put("totalLocalVideoChannels", channels.countLocal());
        LocalActor instance = local.instance();
        m.put("totalInstanceFollowers", follows.countFollowers(instance, Follows.ACCEPTED));
        m.put("totalInstanceFollowing", follows.countFollowing(instance));
        m.put("videosRedundancy", List.of());
        for (String type : ACTIVITY_TYPES) {
            m.put("totalActivityPub" + type + "MessagesSuccesses", 0);
            m.put("totalActivityPub" + type + "MessagesErrors", 0);
        }
        for (String counter : List.of("totalActivityPubMessagesProcessed", "totalActivityPubMessagesSuccesses",
                "totalActivityPubMessagesErrors", "activityPubMessagesProcessedPerSecond", "totalActivityPubMessagesWaiting",
                "averageRegistrationRequestResponseTimeMs", "totalRegistrationRequestsProcessed", "totalRegistrationRequests",
                "averageAbuseResponseTimeMs", "totalAbusesProcessed", "totalAbuses")) {
            m.put(counter, 0);
        }
        ctx.json(m);
    }
}
