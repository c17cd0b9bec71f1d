package org.peerlet.playlist;

import org.peerlet.account.Account;
import org.peerlet.account.AccountDirectory;
import org.peerlet.account.User;
import org.peerlet.channel.Channel;
import org.peerlet.channel.ChannelService;
import org.peerlet.common.Events;
import org.peerlet.db.Database;
import org.peerlet.http.ApiError;
import org.peerlet.media.MediaLayout;
import org.peerlet.video.Privacy;
import org.peerlet.video.ShortUuid;
import org.peerlet.video.Video;
import org.peerlet.video.VideoAccess;
import org.peerlet.video.VideoService;
import org.peerlet.video.Viewer;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Playlists and their elements: the playlists tables are written here and nowhere else. Who may
 * see one is decided by {@link VideoAccess} (the rule private videos follow, shares and share
 * links included); each element's video is then checked for the same viewer on its own.
 */
public final class PlaylistService {
    /** PeerTube's limits on a playlist's name and description. */
    public static final int NAME_MIN = 1;
    public static final int NAME_MAX = 120;
    public static final int DESCRIPTION_MIN = 3;
    public static final int DESCRIPTION_MAX = 1000;
    /** Peerlet's cap on a playlist's length, so one list cannot grow without end on a small machine. */
    public static final int MAX_ELEMENTS = 5000;

    private final Database db;
    private final PlaylistRepository repo = new PlaylistRepository();
    private final VideoService videos;
    private final ChannelService channels;
    private final AccountDirectory accounts;
    private final MediaLayout media;
    private final Clock clock;
    private final Events events;
    private final PlaylistElements elements;

    public PlaylistService(Database db, VideoService videos, ChannelService channels, AccountDirectory accounts,
                           MediaLayout media, Events events, Clock clock) {
        this.db = db;
        this.events = events;
        this.elements = new PlaylistElements(db, videos, events, clock);
        this.videos = videos;
        this.channels = channels;
        this.accounts = accounts;
        this.media = media;
        this.clock = clock;
    }

    /** What a person asks a playlist to be; a null field keeps its value on update. */
    public record Changes(String name, Optional<String> description, Privacy privacy, Optional<Long> channelId) {
    }

    /** The videos of playlists: added, moved and removed there. */
    public PlaylistElements elements() {
        return elements;
    }

    // ---- finding and deciding

    public Optional<Playlist> find(String idOrUuid) {
        if (idOrUuid.matches("\\d{1,18}")) return repo.one(db.dsl(), repo.byId(Long.parseLong(idOrUuid)));
        if (idOrUuid.length() == 36) return repo.one(db.dsl(), repo.byUuid(idOrUuid.toLowerCase()));
        if (ShortUuid.looksLikeOne(idOrUuid)) return repo.one(db.dsl(), repo.byShortUuid(idOrUuid));
        return Optional.empty();
    }

    private Playlist findForApi(String idOrUuid) {
        if (!ShortUuid.isIdOrUuid(idOrUuid)) throw ApiError.invalidParam("playlistId", idOrUuid);
        return find(idOrUuid).orElseThrow(PlaylistService::notFound);
    }

    private static ApiError notFound() {
        return ApiError.notFound("Video playlist not found");
    }

    public Optional<VideoAccess.Refusal> check(Playlist p, Viewer w) {
        return videos.access().check(p.guarded(), w);
    }

    /**
     * A playlist this viewer may see; 404, 401 or 403 otherwise. As in PeerTube, an unlisted one
     * is found by its uuid or short uuid only: numeric ids can be counted through.
     */
    public Playlist viewable(String idOrUuid, Viewer w) {
        Playlist p = findForApi(idOrUuid);
        Optional<VideoAccess.Refusal> no = check(p, w);
        if (no.isPresent()) throw error(no.get());
        boolean counted = idOrUuid.chars().allMatch(Character::isDigit);
        if (p.privacy() == Privacy.UNLISTED && counted && !canManage(p, w.user())) throw notFound();
        return p;
    }

    static ApiError error(VideoAccess.Refusal r) {
        return switch (r) {
            case LOGIN -> ApiError.unauthorized("this playlist is not public: log in to see it");
            case NOT_FOUND -> notFound();
            default -> ApiError.forbidden("Cannot get this private video playlist.");
        };
    }

    private static boolean canManage(Playlist p, Optional<User> u) {
        return u.isPresent() && p.isLocal() && (u.get().canModerate() || Long.valueOf(u.get().id()).equals(p.owner().userId()));
    }

    /** A playlist this user may change: 404 if they may not even see it, 403 if it is not theirs. */
    public Playlist manageable(String idOrUuid, User u) {
        Playlist p = findForApi(idOrUuid);
        if (canManage(p, Optional.of(u))) return p;
        if (check(p, Viewer.of(Optional.of(u))).isPresent()) throw notFound();
        throw ApiError.forbidden(p.isLocal() ? "Cannot manage video playlist of another user" : "Cannot manage video playlist of another server.");
    }

    // ---- writing playlists

    public Playlist create(User u, Changes c) {
        Account me = accountOf(u);
        Long channelId = c.channelId() == null ? null : c.channelId().map(id -> ownChannel(me, id).id()).orElse(null);
        Privacy privacy = c.privacy() == null ? Privacy.PRIVATE : c.privacy();
        if (channelId == null && privacy != Privacy.PRIVATE) {
            throw ApiError.badRequest("Cannot set \"public\" or \"unlisted\" a playlist that is not assigned to a channel.");
        }
        checkName(c.name());
        String description = c.description() == null ? null : checkDescription(c.description().orElse(null));
        UUID uuid = UUID.randomUUID();
        long id = db.write(tx -> repo.insert(tx, uuid.toString(), ShortUuid.of(uuid), me.id(),
                new PlaylistRepository.Fields(c.name().strip(), description, privacy, channelId), Playlist.REGULAR, clock.millis()));
        Playlist made = byId(id);
        events.publish(new PlaylistEvents.Changed(null, made));
        return made;
    }

    public Playlist update(Playlist p, User u, Changes c) {
        if (p.type() == Playlist.WATCH_LATER) throw ApiError.badRequest("Cannot update a watch later playlist.");
        Long channelId = p.channel() == null ? null : p.channel().id();
        if (c.channelId() != null) channelId = c.channelId().map(id -> ownChannel(p.owner(), id).id()).orElse(null);
        Privacy privacy = c.privacy() == null ? p.privacy() : c.privacy();
        if (channelId == null && privacy != Privacy.PRIVATE) {
            throw ApiError.badRequest("Cannot set \"public\" or \"unlisted\" a playlist that is not assigned to a channel.");
        }
        String name = c.name() == null ? p.name() : c.name();
        checkName(name);
        String description = c.description() == null ? p.description() : checkDescription(c.description().orElse(null));
        Long channel = channelId;
        db.writeVoid(tx -> repo.update(tx, p.id(), new PlaylistRepository.Fields(name.strip(), description, privacy, channel),
                clock.millis()));
        Playlist after = byId(p.id());
        events.publish(new PlaylistEvents.Changed(p, after));
        return after;
    }

    public void delete(Playlist p) {
        if (p.type() == Playlist.WATCH_LATER) throw ApiError.badRequest("Cannot delete a watch later playlist.");
        db.writeVoid(tx -> repo.delete(tx, p.id()));
        PlaylistThumbnails.delete(media, p.uuid());
        if (p.isLocal()) events.publish(new PlaylistEvents.Changed(p, null));
    }

    // ---- other servers' playlists

    public Optional<Playlist> byUrl(String url) {
        return url == null ? Optional.empty() : repo.one(db.dsl(), repo.byUrl(url));
    }

    /** Keeps (or refreshes) another server's public playlist under its channel, here. */
    public Playlist storeRemote(RemotePlaylist r) {
        Channel ch = channels.byId(r.channelId()).filter(c -> !c.isLocal())
                .orElseThrow(() -> new IllegalArgumentException("a remote playlist needs a remote channel"));
        if (r.elements().size() > MAX_ELEMENTS) throw new IllegalArgumentException("more than " + MAX_ELEMENTS + " videos");
        long id = db.write(tx -> {
            Optional<Playlist> known = repo.one(tx, repo.byUrl(r.url()));
            if (known.isEmpty() && repo.one(tx, repo.byUuid(r.uuid())).isPresent()) {
                throw new IllegalArgumentException("uuid " + r.uuid() + " is already taken here");
            }
            long pid = repo.upsertRemote(tx, known, r, ch.accountId(), ch.id());
            repo.replaceElements(tx, pid, r.elements(), clock.millis());
            return pid;
        });
        return byId(id);
    }

    /** Forgets another server's playlist (deleted there, or no longer public). */
    public void deleteRemote(Playlist p) {
        if (p.isLocal()) throw new IllegalArgumentException("not a remote playlist");
        db.writeVoid(tx -> repo.delete(tx, p.id()));
    }

    /** Puts an uploaded image (PeerTube's {@code thumbnailfile}) in place: checked and scaled first. */
    public void replaceThumbnail(Playlist p, java.io.InputStream in, long size) {
        Path target = PlaylistThumbnails.path(media, p.uuid());
        try {
            java.nio.file.Files.createDirectories(target.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        org.peerlet.media.Images.storeScaled(in, size, target, org.peerlet.media.Images.THUMBNAIL_WIDTH,
                org.peerlet.media.Images.THUMBNAIL_HEIGHT, "thumbnailfile");
        // A remote one keeps its origin's time; ours is updated, and told (federation sends the picture).
        db.writeVoid(tx -> repo.setThumbnail(tx, p.id(), p.isLocal() ? clock.millis() : p.updatedAt()));
        if (p.isLocal()) events.publish(new PlaylistEvents.Changed(p, byId(p.id())));
    }

    public Path thumbnail(Playlist p) {
        return PlaylistThumbnails.path(media, p.uuid());
    }

    private Playlist byId(long id) {
        return repo.one(db.dsl(), repo.byId(id)).orElseThrow(PlaylistService::notFound);
    }

    private Account accountOf(User u) {
        return accounts.byUserId(u.id()).orElseThrow();
    }

    /** PeerTube's answer for a channel that is not the user's: the same as for one that does not exist. */
    private Channel ownChannel(Account owner, long channelId) {
        return channels.byId(channelId).filter(ch -> ch.accountId() == owner.id())
                .orElseThrow(() -> ApiError.notFound("Unknown video channel for this account."));
    }

    private static void checkName(String name) {
        if (name == null) throw ApiError.badField("displayName", "displayName is required");
        org.peerlet.http.TextFields.oneLine("displayName", name, NAME_MIN, NAME_MAX);
    }

    private static String checkDescription(String d) {
        if (d == null || d.isEmpty()) return null;
        if (d.strip().length() < DESCRIPTION_MIN) {
            throw ApiError.badField("description", "description must be " + DESCRIPTION_MIN + " to " + DESCRIPTION_MAX + " characters");
        }
        org.peerlet.http.TextFields.lines("description", d, DESCRIPTION_MAX);
        return d;
    }

    // ---- lists

    public record Page(List<Playlist> data, int total) {
    }

    /** Public playlists, or all of the owner's when {@code all}; optionally of one account or channel. */
    public Page list(Long accountId, Long channelId, boolean all, Integer type, String search, String sort, int start, int count) {
        Collection<Privacy> privacies = all ? List.of(Privacy.PUBLIC, Privacy.UNLISTED, Privacy.PRIVATE) : List.of(Privacy.PUBLIC);
        PlaylistRepository.Filter f = new PlaylistRepository.Filter(accountId, channelId, privacies, type, search);
        return new Page(repo.list(db.dsl(), f, sort, start, count), repo.count(db.dsl(), f));
    }

    /** This server's public playlists that hold the video: told again when it changes. */
    public List<Playlist> publicHolding(long videoId) {
        return repo.publicHolding(db.dsl(), videoId);
    }

    /** Playlists by id (say, those shared with someone), in that order, missing ones left out. */
    public List<Playlist> byIds(List<Long> ids) {
        List<Playlist> out = new ArrayList<>();
        for (long id : ids) repo.one(db.dsl(), repo.byId(id)).ifPresent(out::add);
        return out;
    }

    // ---- watch later

    /** PeerTube's {@code specialPlaylists} of {@code /users/me}: the user's "watch later". */
    public List<java.util.Map<String, Object>> specialPlaylists(long userId) {
        Playlist wl = watchLater(userId);
        return List.of(java.util.Map.of("id", wl.id(), "name", wl.name(), "type", wl.type()));
    }

    /** The user's "watch later" playlist, made on first need. */
    public Playlist watchLater(long userId) {
        Account a = accounts.byUserId(userId).orElseThrow();
        Optional<Playlist> found = repo.watchLater(db.dsl(), a.id());
        if (found.isPresent()) return found.get();
        UUID uuid = UUID.randomUUID();
        db.writeVoid(tx -> {
            if (repo.watchLater(tx, a.id()).isEmpty()) {
                repo.insert(tx, uuid.toString(), ShortUuid.of(uuid), a.id(),
                        new PlaylistRepository.Fields("Watch later", null, Privacy.PRIVATE, null), Playlist.WATCH_LATER, clock.millis());
            }
        });
        return repo.watchLater(db.dsl(), a.id()).orElseThrow();
    }
}
