package org.peerlet.federation;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.peerlet.federation.model.RemoteActor;

import java.util.List;
import java.util.Optional;

/**
 * The only place with SQL for federation's own tables: our actors' keys, remote actors, follows,
 * blocked hosts, remote videos and the record of which local videos we announced. (The outbox has
 * its own repository in {@code delivery}.)
 */
public final class FederationRepository {

    public record KeyPem(String publicPem, String privatePem) {
    }

    public record Follow(long id, String follower, String following, boolean localFollower, String state,
                         String activityId, Long userId, long createdAt) {
    }

    // ---- keys

    public Optional<KeyPem> key(DSLContext db, String kind, long refId) {
        return db.fetchOptional("SELECT public_pem, private_pem FROM actor_keys WHERE kind = ? AND ref_id = ?", kind, refId)
                .map(r -> new KeyPem(r.get(0, String.class), r.get(1, String.class)));
    }

    public void insertKey(DSLContext tx, String kind, long refId, String publicPem, String privatePem, long now) {
        tx.execute("INSERT OR IGNORE INTO actor_keys (kind, ref_id, public_pem, private_pem, created_at) VALUES (?, ?, ?, ?, ?)",
                kind, refId, publicPem, privatePem, now);
    }

    // ---- remote actors

    private static final String ACTOR_COLS = "id, url, type, host, username, inbox, shared_inbox, followers, key_id, "
            + "public_pem, account_id, channel_id, fetched_at";

    public Optional<RemoteActor> actorByUrl(DSLContext db, String url) {
        return db.fetchOptional("SELECT " + ACTOR_COLS + " FROM remote_actors WHERE url = ?", url).map(FederationRepository::toActor);
    }

    public Optional<RemoteActor> actorByChannel(DSLContext db, long channelId) {
        return db.fetchOptional("SELECT " + ACTOR_COLS + " FROM remote_actors WHERE channel_id = ?", channelId).map(FederationRepository::toActor);
    }

    public Optional<RemoteActor> actorByAccount(DSLContext db, long accountId) {
        return db.fetchOptional("SELECT " + ACTOR_COLS + " FROM remote_actors WHERE account_id = ? ORDER BY id LIMIT 1", accountId)
                .map(FederationRepository::toActor);
    }

    public List<RemoteActor> actorsByUrls(DSLContext db, List<String> urls) {
        if (urls.isEmpty()) return List.of();
        String marks = String.join(",", java.util.Collections.nCopies(urls.size(), "?"));
        return db.fetch("SELECT " + ACTOR_COLS + " FROM remote_actors WHERE url IN (" + marks + ")", urls.toArray())
                .map(FederationRepository::toActor);
    }

    public void upsertActor(DSLContext tx, RemoteActor a) {
        tx.execute("INSERT INTO remote_actors (url, type, host, username, inbox, shared_inbox, followers, key_id, public_pem, "
                        + "account_id, channel_id, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (url) DO UPDATE SET type = excluded.type, username = excluded.username, "
                        + "inbox = excluded.inbox, shared_inbox = excluded.shared_inbox, followers = excluded.followers, "
                        + "key_id = excluded.key_id, public_pem = excluded.public_pem, account_id = excluded.account_id, "
                        + "channel_id = excluded.channel_id, fetched_at = excluded.fetched_at",
                a.url(), a.type(), a.host(), a.username(), a.inbox(), a.sharedInbox(), a.followers(), a.keyId(),
                a.publicPem(), a.accountId(), a.channelId(), a.fetchedAt());
    }

    static RemoteActor toActor(Record r) {
        return new RemoteActor(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class),
                r.get(4, String.class), r.get(5, String.class), r.get(6, String.class), r.get(7, String.class),
                r.get(8, String.class), r.get(9, String.class), r.get(10, Long.class), r.get(11, Long.class),
                r.get(12, Long.class));
    }

    // ---- follows

    private static final String FOLLOW_COLS = "id, follower, following, local_follower, state, activity_id, user_id, created_at";

    public Optional<Follow> follow(DSLContext db, String follower, String following) {
        return db.fetchOptional("SELECT " + FOLLOW_COLS + " FROM follows WHERE follower = ? AND following = ?", follower, following)
                .map(FederationRepository::toFollow);
    }

    public Optional<Follow> followByActivity(DSLContext db, String activityId) {
        return db.fetchOptional("SELECT " + FOLLOW_COLS + " FROM follows WHERE activity_id = ?", activityId)
                .map(FederationRepository::toFollow);
    }

    public void upsertFollow(DSLContext tx, String follower, String following, boolean localFollower, String state,
                             String activityId, Long userId, long now) {
        tx.execute("INSERT INTO follows (follower, following, local_follower, state, activity_id, user_id, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (follower, following) DO UPDATE SET "
                        + "state = excluded.state, activity_id = excluded.activity_id, updated_at = excluded.updated_at",
                follower, following, localFollower ? 1 : 0, state, activityId, userId, now, now);
    }

    public void setFollowState(DSLContext tx, long id, String state, long now) {
        tx.execute("UPDATE follows SET state = ?, updated_at = ? WHERE id = ?", state, now, id);
    }

    public void deleteFollow(DSLContext tx, String follower, String following) {
        tx.execute("DELETE FROM follows WHERE follower = ? AND following = ?", follower, following);
    }

    /** Follows of a target, optionally only those in a state. */
    public List<Follow> followersOf(DSLContext db, String following, String state, int start, int count) {
        return db.fetch("SELECT " + FOLLOW_COLS + " FROM follows WHERE following = ? AND (? IS NULL OR state = ?) "
                + "ORDER BY id LIMIT ? OFFSET ?", following, state, state, count, start).map(FederationRepository::toFollow);
    }

    public int countFollowersOf(DSLContext db, String following, String state) {
        return db.fetchOne("SELECT count(*) FROM follows WHERE following = ? AND (? IS NULL OR state = ?)", following, state, state)
                .get(0, Integer.class);
    }

    public List<Follow> followingOf(DSLContext db, String follower, int start, int count) {
        return db.fetch("SELECT " + FOLLOW_COLS + " FROM follows WHERE follower = ? ORDER BY id DESC LIMIT ? OFFSET ?",
                follower, count, start).map(FederationRepository::toFollow);
    }

    public int countFollowingOf(DSLContext db, String follower) {
        return db.fetchOne("SELECT count(*) FROM follows WHERE follower = ?", follower).get(0, Integer.class);
    }

    /** Inboxes (shared where offered) of the remote actors that follow any of the targets, accepted. */
    public List<String> followerInboxes(DSLContext db, List<String> targets) {
        if (targets.isEmpty()) return List.of();
        String marks = String.join(",", java.util.Collections.nCopies(targets.size(), "?"));
        return db.fetch("SELECT DISTINCT coalesce(nullif(a.shared_inbox, ''), a.inbox) FROM follows f "
                        + "JOIN remote_actors a ON a.url = f.follower WHERE f.state = 'accepted' AND f.local_follower = 0 "
                        + "AND f.following IN (" + marks + ")", targets.toArray())
                .map(r -> r.get(0, String.class));
    }

    /** True if one of our actors follows (accepted) an actor on this host. */
    public boolean followsSomeoneOn(DSLContext db, String host) {
        return db.fetchOne("SELECT EXISTS (SELECT 1 FROM follows f JOIN remote_actors a ON a.url = f.following "
                + "WHERE f.local_follower = 1 AND f.state = 'accepted' AND a.host = ?)", host).get(0, Integer.class) == 1;
    }

    /** Channel ids a user subscribed to (accepted or pending). */
    public List<Long> subscribedChannels(DSLContext db, long userId) {
        return db.fetch("SELECT a.channel_id FROM follows f JOIN remote_actors a ON a.url = f.following "
                + "WHERE f.user_id = ? AND a.channel_id IS NOT NULL ORDER BY f.id DESC", userId).map(r -> r.get(0, Long.class));
    }

    static Follow toFollow(Record r) {
        return new Follow(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class),
                r.get(3, Integer.class) == 1, r.get(4, String.class), r.get(5, String.class), r.get(6, Long.class),
                r.get(7, Long.class));
    }

    // ---- blocked hosts

    public List<String> blockedHosts(DSLContext db) {
        return db.fetch("SELECT host FROM blocked_hosts ORDER BY host").map(r -> r.get(0, String.class));
    }

    public void block(DSLContext tx, String host, long now) {
        tx.execute("INSERT OR IGNORE INTO blocked_hosts (host, created_at) VALUES (?, ?)", host, now);
    }

    public void unblock(DSLContext tx, String host) {
        tx.execute("DELETE FROM blocked_hosts WHERE host = ?", host);
    }

    // ---- remote videos

    public Optional<Long> videoIdByUrl(DSLContext db, String url) {
        return db.fetchOptional("SELECT video_id FROM remote_videos WHERE url = ?", url).map(r -> r.get(0, Long.class));
    }

    public Optional<String> videoUrl(DSLContext db, long videoId) {
        return db.fetchOptional("SELECT url FROM remote_videos WHERE video_id = ?", videoId).map(r -> r.get(0, String.class));
    }

    public void upsertRemoteVideo(DSLContext tx, long videoId, String url, String playlistUrl, long now) {
        tx.execute("INSERT INTO remote_videos (video_id, url, playlist_url, fetched_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (video_id) DO UPDATE SET playlist_url = excluded.playlist_url, fetched_at = excluded.fetched_at",
                videoId, url, playlistUrl, now);
    }

    public boolean wasFederated(DSLContext db, String uuid) {
        return db.fetchOptional("SELECT 1 FROM federated_videos WHERE uuid = ?", uuid).isPresent();
    }

    public void markFederated(DSLContext tx, String uuid, boolean federated, long now) {
        if (federated) tx.execute("INSERT OR IGNORE INTO federated_videos (uuid, created_at) VALUES (?, ?)", uuid, now);
        else tx.execute("DELETE FROM federated_videos WHERE uuid = ?", uuid);
    }

    // ---- usage, for NodeInfo

    public record Usage(int users, int localVideos, int localComments) {
    }

    public Usage usage(DSLContext db) {
        int users = db.fetchOne("SELECT count(*) FROM users").get(0, Integer.class);
        int videos = db.fetchOne("SELECT count(*) FROM videos v JOIN channels c ON c.id = v.channel_id "
                + "WHERE c.host = '' AND v.state = 1 AND v.privacy = 1").get(0, Integer.class);
        int comments = db.fetchOne("SELECT count(*) FROM video_comments c JOIN accounts a ON a.id = c.account_id "
                + "WHERE a.host = ''").get(0, Integer.class);
        return new Usage(users, videos, comments);
    }
}
