package org.peerlet;

import org.peerlet.account.AccountRoutes;
import org.peerlet.account.Auth;
import org.peerlet.account.OAuthRoutes;
import org.peerlet.account.UserRoutes;
import org.peerlet.caption.CaptionRoutes;
import org.peerlet.channel.ChannelRoutes;
import org.peerlet.chapter.ChapterRoutes;
import org.peerlet.chapter.ChapterService;
import org.peerlet.config.Settings;
import org.peerlet.history.HistoryRoutes;
import org.peerlet.http.RouteGroup;
import org.peerlet.instance.InstanceRoutes;
import org.peerlet.instance.PluginRoutes;
import org.peerlet.playlist.PlaylistJson;
import org.peerlet.playlist.PlaylistRoutes;
import org.peerlet.torrent.TorrentRoutes;
import org.peerlet.tracker.TrackerRoutes;
import org.peerlet.transcode.JobRoutes;
import org.peerlet.upload.Intake;
import org.peerlet.upload.ShareTargetRoutes;
import org.peerlet.upload.SharedUploads;
import org.peerlet.upload.UploadRoutes;
import org.peerlet.video.MediaRoutes;
import org.peerlet.video.Privacy;
import org.peerlet.video.StoryboardRoutes;
import org.peerlet.video.VideoRoutes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The routes of this instance's own API, built from the parts {@link App} made (the composition
 * root's second half, so App stays readable).
 */
final class LocalRoutes {
    private final App a;

    LocalRoutes(App app) {
        this.a = app;
    }

    /** The routes of this instance's own API, uploads first: /videos/upload-resumable must win over /videos/{id}. */
    List<RouteGroup> list(Intake intake, Privacy defaultPrivacy) {
        List<RouteGroup> routes = new ArrayList<>();
        UploadRoutes uploadRoutes = new UploadRoutes(intake, a.resumable, a.media, defaultPrivacy, a.privacy);
        routes.add(uploadRoutes);
        routes.add(new ShareTargetRoutes(new SharedUploads(a.media, a.clock), intake, uploadRoutes, a.proxies,
                a.settings.get(Settings.MAX_UPLOAD_SIZE)));
        routes.add(new org.peerlet.video.VideoBlockRoutes(a.videos, a.videoJson));
        routes.add(new VideoRoutes(a.videos, a.videoJson, a.channels, a.accountDir, a.urls, a.proxies, a.privacy, a.history));
        routes.add(new HistoryRoutes(a.history, a.videos, a.videoJson));
        routes.add(new org.peerlet.video.OverviewRoutes(a.videos, a.videoJson, a.urls));
        routes.add(new MediaRoutes(a.media, a.fileAccess));
        routes.add(new StoryboardRoutes(a.videos, a.fileAccess, a.media, a.urls));
        routes.add(new CaptionRoutes(a.captions, a.videos, a.fileAccess, a.urls));
        routes.add(new ChapterRoutes(new ChapterService(a.db), a.videos));
        routes.add(new TorrentRoutes(a.media, a.fileAccess, a.urls, (id, ctx) -> a.fileTokens.mint(id, Auth.user(ctx)).token()));
        routes.add(new PluginRoutes());
        routes.add(new JobRoutes(a.videos, a.worker));
        routes.add(new OAuthRoutes(a.tokens, a.instance, a.proxies));
        Mailing.accountRoutes(routes, a.settings, a.db, a.accounts, a.tokens, a.mailer, a.urls, a.instance, a.proxies, a.clock);
        routes.add(new UserRoutes(a.accounts, a.accountChannels, a.urls,
                a.settings.get(Settings.USER_VIDEO_QUOTA), a.settings.get(Settings.USER_VIDEO_QUOTA_DAILY),
                userId -> Map.of("unreadNotifications", a.notifications.unread(userId),
                        "notificationSettings", a.notifications.settings(userId),
                        "specialPlaylists", a.playlists.specialPlaylists(userId))));
        routes.add(new AccountRoutes(a.accountDir, a.accountChannels, a.urls));
        routes.add(new PlaylistRoutes(a.playlists, a.playlists.elements(), new PlaylistJson(a.urls, a.videoJson), a.privacy, a.channels,
                a.accountDir, a.urls));
        routes.add(new ChannelRoutes(a.channels, a.faces, a.urls));
        routes.add(new InstanceRoutes(a.instance, Startup.capabilities(a.settings)));
        routes.add(new org.peerlet.instance.WebAppManifest(a.instance));
        routes.add(new TrackerRoutes(a.tracker, a.proxies));
        routes.add(new org.peerlet.backup.BackupRoutes(a.backups));
        routes.addAll(a.community.routes(a.blocklist, a.urls));
        return routes;
    }
}
