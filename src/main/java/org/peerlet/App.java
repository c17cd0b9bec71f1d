package org.peerlet;

import org.peerlet.account.AccountChannels;
import org.peerlet.account.AccountEvents;
import org.peerlet.account.AccountDirectory;
import org.peerlet.account.AccountService;
import org.peerlet.account.PasswordHasher;
import org.peerlet.account.TokenService;
import org.peerlet.moderation.AbuseRoutes;
import org.peerlet.moderation.Abuses;
import org.peerlet.federation.Flags;
import org.peerlet.caption.CaptionService;
import org.peerlet.channel.ChannelService;
import org.peerlet.channel.ChannelsOfAccounts;
import org.peerlet.channel.Faces;
import org.peerlet.config.Settings;
import org.peerlet.db.Database;
import org.peerlet.common.Events;
import org.peerlet.common.Times;
import org.peerlet.federation.Blocklist;
import org.peerlet.federation.FederationApiRoutes;
import org.peerlet.federation.Follows;
import org.peerlet.federation.LocalActors;
import org.peerlet.federation.Publisher;
import org.peerlet.federation.RemoteActors;
import org.peerlet.federation.RemoteFileTokens;
import org.peerlet.federation.RemoteVideos;
import org.peerlet.federation.SignedRequests;
import org.peerlet.federation.delivery.DeliveryWorker;
import org.peerlet.federation.delivery.Outbox;
import org.peerlet.federation.discovery.DiscoveryRoutes;
import org.peerlet.federation.inbox.Handlers;
import org.peerlet.federation.inbox.InboxRoutes;
import org.peerlet.federation.inbox.InboxService;
import org.peerlet.federation.net.OutgoingHttp;
import org.peerlet.federation.signature.SignatureVerifier;
import org.peerlet.history.HistoryService;
import org.peerlet.http.TrustedProxies;
import org.peerlet.account.Auth;
import org.peerlet.http.HttpServer;
import org.peerlet.http.RouteGroup;
import org.peerlet.http.SecurityHeaders;
import org.peerlet.instance.InstanceSettings;
import org.peerlet.instance.Urls;
import org.peerlet.mail.Mailer;
import org.peerlet.media.MediaLayout;
import org.peerlet.torrent.TorrentBackfill;
import org.peerlet.torrent.TorrentEvents;
import org.peerlet.video.FileAccess;
import org.peerlet.transcode.FfmpegEngine;
import org.peerlet.transcode.MediaEngine;
import org.peerlet.transcode.TranscodeWorker;
import org.peerlet.playlist.PlaylistService;
import org.peerlet.playlist.SharePages;
import org.peerlet.privacy.FileTokens;
import org.peerlet.privacy.PrivacyEvents;
import org.peerlet.privacy.PrivacyRoutes;
import org.peerlet.privacy.PrivacyService;
import org.peerlet.privacy.VideoPasswords;
import org.peerlet.sharing.FeedRoutes;
import org.peerlet.sharing.ShareRoutes;
import org.peerlet.social.SocialRoutes;
import org.peerlet.notification.NotificationJson;
import org.peerlet.notification.NotificationRoutes;
import org.peerlet.notification.NotificationService;
import org.peerlet.social.SocialService;
import org.peerlet.upload.Intake;
import org.peerlet.upload.ResumableUploads;
import org.peerlet.video.Privacy;
import org.peerlet.video.VideoAccess;
import org.peerlet.video.VideoEvents;
import org.peerlet.video.VideoJson;
import org.peerlet.video.VideoService;
import org.peerlet.tracker.KnownSwarms;
import org.peerlet.tracker.Tracker;
import org.peerlet.tracker.VideoSwarms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Builds every part of Peerlet with plain constructors and starts and stops them in order:
 * config, database, migrations, services, HTTP. Tests build it the same way with a temporary
 * data dir and port 0.
 */
public final class App implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("peerlet");

    static {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    final Settings settings;
    final Clock clock;
    final Database db;
    final AccountService accounts;
    final TokenService tokens;
    final InstanceSettings instance;
    private final KnownSwarms knownSwarms;
    final Tracker tracker;
    private final HttpServer http;
    final MediaLayout media;
    final org.peerlet.media.DiskSpace disk;
    private final MediaEngine engine;
    private final Operations ops;
    final VideoService videos;
    final ResumableUploads resumable;
    final TranscodeWorker worker;
    private final VideoSwarms videoSwarms;
    final FileAccess fileAccess;
    private final TorrentBackfill torrentBackfill;
    private final DeliveryWorker delivery;
    private final OutgoingHttp outgoing;
    private final Events events;
    final Urls urls;
    final AccountDirectory accountDir;
    final ChannelService channels;
    final AccountChannels accountChannels;
    final Blocklist blocklist;
    private final LocalActors localActors;
    private final RemoteActors remoteActors;
    final FileTokens fileTokens;
    final TrustedProxies proxies;
    final PrivacyService privacy;
    final VideoJson videoJson;
    private final SocialService social;
    final NotificationService notifications;
    private final Abuses abuses;
    final HistoryService history;
    final CaptionService captions;
    final PlaylistService playlists;
    final Mailer mailer;
    final Faces faces;
    final Community community;
    final org.peerlet.backup.BackupService backups;
    private Optional<String> generatedAdminPassword = Optional.empty();
    private boolean stopped;

    public App(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        Path dataDir = settings.dataDir();
        Startup.createDirectories(dataDir);
        this.db = Startup.openDatabase(dataDir);
        this.urls = new Urls(settings.publicUrl(), settings.publicHost());
        this.instance = new InstanceSettings(db);
        this.events = new Events(db::afterCommit);
        PasswordHasher hasher = new PasswordHasher(10);
        this.accountDir = new AccountDirectory(db);
        this.channels = new ChannelService(db, accountDir, clock);
        this.accountChannels = new ChannelsOfAccounts(channels, urls);
        this.tokens = new TokenService(db, hasher, settings.get(Settings.LOGIN_LIMIT_PER_IP), org.peerlet.account.TwoFactor
                .withKeyFile(db, hasher, dataDir.resolve("two-factor.key"), urls.host(), clock), events, clock);
        this.accounts = new AccountService(db, accountChannels, hasher, tokens, events, clock);
        this.media = new MediaLayout(dataDir);
        this.disk = Startup.disk(settings);
        this.engine = new FfmpegEngine();
        // Federation: our actors and keys, the blocklist, the guarded HTTP client.
        this.blocklist = new Blocklist(db, clock);
        this.localActors = new LocalActors(db, urls, accountDir, channels, clock);
        boolean allowHttp = settings.get(Settings.FEDERATION_ALLOW_HTTP);
        this.outgoing = Startup.outgoing(settings, blocklist, urls, clock);
        this.faces = new Faces(new org.peerlet.media.FaceFiles(media), accounts, accountDir, channels, events);
        this.remoteActors = new RemoteActors(db, outgoing, localActors, accounts, channels, faces, clock, allowHttp);
        // Privacy: one decision (VideoAccess) fed by one source of grants (shares, passwords, links, file tokens).
        this.fileTokens = new FileTokens(clock, tokens::sessionEpoch);
        this.proxies = settings.get(Settings.TRUSTED_PROXIES);
        VideoPasswords videoPasswords = VideoPasswords.withKeyFile(db, hasher, dataDir.resolve("video-passwords.key"), proxies, clock);
        this.privacy = new PrivacyService(db, accountDir, videoPasswords, fileTokens, remoteActors::account, events, clock);
        this.videos = new VideoService(db, media, new VideoAccess(privacy), events, clock);
        this.history = new HistoryService(db, videos, clock);
        this.captions = new CaptionService(db, media, events, clock);
        this.worker = new TranscodeWorker(db, videos, media, engine, disk, Startup.transcodeConfig(settings), clock);
        this.backups = Startup.backups(settings, db, worker, clock);
        this.videoJson = new VideoJson(urls, urls.tracker());
        this.knownSwarms = new KnownSwarms(fileTokens::valid, fileTokens::stillGranted);
        this.tracker = Startup.tracker(settings, knownSwarms, clock);
        this.videoSwarms = new VideoSwarms(knownSwarms, videoJson);
        this.torrentBackfill = new TorrentBackfill(videos, media, events);
        this.fileAccess = new FileAccess(videos, clock);
        Outbox outbox = new Outbox(db, clock);
        this.delivery = new DeliveryWorker(db, outbox, outgoing, localActors, clock, 8, Duration.ofMillis(500));
        this.community = Community.of(db, accountDir, urls, clock);
        this.social = new SocialService(db, accountDir, videos, community.mutes(), community.words(), urls, events, clock);
        Privacy defaultPrivacy = Privacy.of(settings.get(Settings.DEFAULT_PRIVACY));
        Intake intake = new Intake(db, media, engine, videos, channels, accountDir, worker,
                settings.get(Settings.MAX_UPLOAD_SIZE), disk, () -> instance.flag(InstanceSettings.AUTO_BLOCK_UPLOADS), clock);
        this.resumable = new ResumableUploads(db, media, intake, videos, accounts, defaultPrivacy, privacy, clock);
        Follows follows = new Follows(db, localActors, remoteActors, outbox, accountDir, instance, events, clock);
        this.notifications = new NotificationService(db, follows, channels, accountDir, community.mutes(), events, clock);
        this.mailer = Mailing.mailer(settings, urls, clock);
        this.abuses = new Abuses(db, accountDir, videos, social, events, clock);
        this.playlists = new PlaylistService(db, videos, channels, accountDir, media, events, clock);
        this.ops = new Operations(this, engine, delivery);
        this.http = http(intake, defaultPrivacy, follows, outbox, allowHttp);
    }

    /** Every route, federation's listeners, and the server that answers (last: routes need every service). */
    private HttpServer http(Intake intake, Privacy defaultPrivacy, Follows follows, Outbox outbox, boolean allowHttp) {
        List<RouteGroup> routes = new LocalRoutes(this).list(intake, defaultPrivacy);
        Federated federated = federate(follows, outbox, routes);
        subscribe(fileTokens, federated);
        routes.add(new ShareRoutes(videos, instance, urls));
        routes.add(new FeedRoutes(videos, videoJson, channels, accountDir, instance, urls));
        routes.add(ops.routes());
        return new HttpServer(settings.get(Settings.HOST), settings.get(Settings.PORT), media.uploads(),
                settings.get(Settings.MAX_UPLOAD_SIZE), new Auth(tokens)::check, new SecurityHeaders(urls.base(), allowHttp),
                settings.get(Settings.ACCESS_LOG), routes, ops.requests());
    }

    /** What federation hears of: what happens here that other servers are to be told. */
    private record Federated(Publisher publisher, Flags flags, org.peerlet.federation.PlaylistPublisher playlists) {
    }

    /** Federation: follows, the publisher, the inbox and the routes other servers and our users call. */
    private Federated federate(Follows follows, Outbox outbox, List<RouteGroup> routes) {
        Publisher publisher = new Publisher(db, localActors, remoteActors, follows, outbox, videos, videoJson, privacy,
                captions, clock);
        RemoteVideos remoteVideos = new RemoteVideos(db, remoteActors, videos, captions, clock);
        Flags flags = new Flags(db, localActors, publisher, outbox, accountDir, videos, social, abuses);
        SignatureVerifier verifier = new SignatureVerifier(clock, Duration.ofSeconds(1800), Times.ticker(clock));
        InboxService inbox = new InboxService(verifier, remoteActors, blocklist,
                new org.peerlet.federation.inbox.MutedActors(community.mutes(), channels),
                new Handlers(localActors, remoteActors, follows, remoteVideos, videos, social, privacy, flags,
                        new org.peerlet.federation.RemotePlaylists(remoteActors, remoteVideos, videos, playlists, localActors),
                        publisher).table());
        var playlistPublisher = new org.peerlet.federation.PlaylistPublisher(localActors, playlists, publisher);
        routes.add(new org.peerlet.federation.discovery.PlaylistDocRoutes(playlists, playlistPublisher));
        SignedRequests signed = new SignedRequests(
                new SignatureVerifier(clock, Duration.ofSeconds(1800), Times.ticker(clock)), remoteActors, blocklist);
        routes.add(new PrivacyRoutes(videos, privacy, videoJson, urls, signed::accountOf,
                new RemoteFileTokens(db, localActors, accountDir, outgoing)::mint, new SharePages(videos, playlists, urls, videoJson)::of));
        routes.add(new SocialRoutes(social, videos, urls, proxies));
        routes.add(new NotificationRoutes(notifications, new NotificationJson(social, videos, follows, abuses, accounts, urls)));
        Mailing.notifications(events, mailer, accounts, social, videos, follows, urls, instance);
        routes.add(new AbuseRoutes(abuses, videos, videoJson, social, urls));
        routes.add(new InboxRoutes(inbox));
        routes.add(new DiscoveryRoutes(localActors, follows, publisher, accountDir, channels, videos,
                social, accounts, instance, signed));
        routes.add(new FederationApiRoutes(follows, localActors, remoteActors, blocklist, accountDir, channels,
                videos, videoJson, community.mutes()::instanceAccount));
        routes.add(new org.peerlet.federation.discovery.ServerStatsRoutes(accounts, channels, videos, social,
                follows, localActors));
        return new Federated(publisher, flags, playlistPublisher);
    }

    /**
     * Who acts on what, in one place. Order matters within a fact: tokens minted under a video's
     * old level end before its swarm resyncs, and both before federation hears of it.
     */
    private void subscribe(FileTokens fileTokens, Federated federated) {
        Publisher publisher = federated.publisher();
        Flags flags = federated.flags();
        events.subscribe(org.peerlet.playlist.PlaylistEvents.Changed.class, federated.playlists()::changed);
        VideoSwarms swarms = videoSwarms;
        // First: a file request that follows a change must never be answered by a decision made before it.
        for (Class<? extends Record> fact : List.of(VideoEvents.Changed.class, VideoEvents.Deleted.class,
                PrivacyEvents.GrantRevoked.class, PrivacyEvents.SharesChanged.class, AccountEvents.SessionsEnded.class)) {
            events.subscribe(fact, e -> fileAccess.forget());
        }
        events.subscribe(VideoEvents.Created.class, e -> worker.wake());
        events.subscribe(VideoEvents.Created.class, e -> ops.uploaded());
        events.subscribe(VideoEvents.Published.class, e -> swarms.sync(e.video(), false));
        events.subscribe(VideoEvents.Published.class, e -> publisher.changed(e.video(), false));
        events.subscribe(VideoEvents.Changed.class, e -> fileTokens.videoChanged(e.video()));
        events.subscribe(VideoEvents.Changed.class, e -> swarms.sync(e.video(), false));
        events.subscribe(VideoEvents.Changed.class, e -> publisher.changed(e.video(), false));
        events.subscribe(VideoEvents.Changed.class, e -> federated.playlists().videoChanged(e.video()));
        events.subscribe(VideoEvents.Watched.class, history::watched);
        events.subscribe(VideoEvents.Deleting.class, e -> worker.cancel(e.video().id()));
        events.subscribe(VideoEvents.Deleting.class, e -> publisher.beforeDelete(e.video()));
        events.subscribe(VideoEvents.Deleted.class, e -> fileTokens.videoDeleted(e.video()));
        events.subscribe(VideoEvents.Deleted.class, e -> captions.videoDeleted(e.video()));
        events.subscribe(VideoEvents.Deleted.class, e -> swarms.sync(e.video(), true));
        events.subscribe(VideoEvents.Deleted.class, e -> publisher.changed(e.video(), true));
        // A grant taken back: tokens are dead already; the restricted swarm drops its peers now.
        events.subscribe(PrivacyEvents.GrantRevoked.class,
                e -> videos.find(String.valueOf(e.videoId())).ifPresent(v -> swarms.sync(v, false)));
        events.subscribe(PrivacyEvents.SharesChanged.class, e -> publisher.addressed(e.video(), e.removed()));
        events.subscribe(SocialService.CommentPosted.class, publisher::commented);
        Notifying.subscribe(events, notifications, accounts);
        events.subscribe(SocialService.CommentDeleted.class, e -> publisher.commentDeleted(e.comment(), e.video()));
        events.subscribe(SocialService.RateChange.class, publisher::rated);
        events.subscribe(Faces.Changed.class, publisher::actorChanged);
        // A report here of something that lives elsewhere goes there as a Flag.
        events.subscribe(Abuses.Reported.class, flags::reported);
        events.subscribe(CaptionService.CaptionsChanged.class, e -> publisher.changed(e.video(), false));
        // A user removed: each of their videos goes as a delete of it would (jobs, swarms, federation, files).
        events.subscribe(AccountEvents.Removing.class, e -> videos.deleteAllOfAccount(e.accountId()));
        events.subscribe(AccountEvents.Removing.class, e -> faces.accountRemoving(e.accountId()));
        // A user's sessions ended: the file tokens minted for them are dead; their peers leave now.
        events.subscribe(AccountEvents.SessionsEnded.class, e -> tracker.recheckGrants());
        events.subscribe(TorrentEvents.Made.class,
                e -> videos.find(String.valueOf(e.videoId())).ifPresent(v -> swarms.sync(v, false)));
    }

    /** Makes the admin on first start, then listens. */
    public App start() {
        generatedAdminPassword = accounts.ensureAdmin(settings.get(Settings.ADMIN_PASSWORD));
        tokens.purgeExpired();
        resumable.cleanUpAtStart();
        videos.cleanUpFiles();
        worker.start();
        List<org.peerlet.video.Video> published = videos.allPublished();
        videoSwarms.syncAll(published);
        torrentBackfill.startFor(published);
        tracker.start();
        delivery.start();
        backups.start();
        http.start();
        ops.start();
        return this;
    }

    public int port() {
        return http.port();
    }

    public Optional<String> generatedAdminPassword() {
        return generatedAdminPassword;
    }

    public Settings settings() {
        return settings;
    }

    public AccountService accounts() {
        return accounts;
    }

    /** The info-hashes the P2P tracker admits; the video feature admits public videos' HLS here. */
    public KnownSwarms knownSwarms() {
        return knownSwarms;
    }

    public Tracker tracker() {
        return tracker;
    }

    /** Ordered shutdown: stop taking requests, let work in flight end, close the database. */
    @Override
    public synchronized void close() {
        if (stopped) return;
        stopped = true;
        // Open event streams end first, while their requests are still alive to be completed.
        notifications.close();
        try {
            http.stop();
        } catch (RuntimeException e) {
            LOG.warn("stopping HTTP: {}", e.toString());
        }
        ops.close();
        torrentBackfill.stop();
        backups.close();
        worker.close();
        delivery.close();
        mailer.close();
        outgoing.close();
        tracker.close();
        db.close();
    }
}
