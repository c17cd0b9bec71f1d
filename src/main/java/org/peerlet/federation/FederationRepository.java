package org.peerlet.federation;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.peerlet.federation.model.RemoteActor;

import java.util.List;
import java.util.Optional;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.nullif;
import static org.jooq.impl.DSL.selectOne;
import static org.peerlet.db.schema.Tables.ACTOR_KEYS;
import static org.peerlet.db.schema.Tables.BLOCKED_HOSTS;
import static org.peerlet.db.schema.Tables.FEDERATED_VIDEOS;
import static org.peerlet.db.schema.Tables.FOLLOWS;
import static org.peerlet.db.schema.Tables.REMOTE_ACTORS;
import static org.peerlet.db.schema.Tables.REMOTE_VIDEOS;

/**
 * The only place with SQL for federation's own tables: our actors' keys, remote actors, follows,
 * blocked hosts, remote videos and the record of which local videos we announced. (The outbox has
 * its own repository in {@code delivery}.)
 */
final class FederationRepository {

    public record KeyPem(String publicPem, String privatePem) {
    }


    // ---- keys

    public Optional<KeyPem> key(DSLContext db, String kind, long refId) {
        return db.select(ACTOR_KEYS.PUBLIC_PEM, ACTOR_KEYS.PRIVATE_PEM).from(ACTOR_KEYS)
                .where(ACTOR_KEYS.KIND.eq(kind).and(ACTOR_KEYS.REF_ID.eq(refId)))
                .fetchOptional(r -> new KeyPem(r.value1(), r.value2()));
    }

    public void insertKey(DSLContext tx, String kind, long refId, String publicPem, String privatePem, long now) {
        tx.insertInto(ACTOR_KEYS)
                .set(ACTOR_KEYS.KIND, kind).set(ACTOR_KEYS.REF_ID, refId).set(ACTOR_KEYS.PUBLIC_PEM, publicPem)
                .set(ACTOR_KEYS.PRIVATE_PEM, privatePem).set(ACTOR_KEYS.CREATED_AT, now)
                .onConflictDoNothing()
                .execute();
    }

    // ---- remote actors

    public Optional<RemoteActor> actorByUrl(DSLContext db, String url) {
        return db.selectFrom(REMOTE_ACTORS).where(REMOTE_ACTORS.URL.eq(url)).fetchOptional(FederationRepository::toActor);
    }

    public Optional<RemoteActor> actorByChannel(DSLContext db, long channelId) {
        return db.selectFrom(REMOTE_ACTORS).where(REMOTE_ACTORS.CHANNEL_ID.eq(channelId))
                .fetchOptional(FederationRepository::toActor);
    }

    public Optional<RemoteActor> actorByAccount(DSLContext db, long accountId) {
        return db.selectFrom(REMOTE_ACTORS).where(REMOTE_ACTORS.ACCOUNT_ID.eq(accountId))
                .orderBy(REMOTE_ACTORS.ID).limit(1)
                .fetchOptional(FederationRepository::toActor);
    }

    /** A person (with an account) by handle, as last fetched; names compare without case. */
    public Optional<RemoteActor> personByHandle(DSLContext db, String username, String host) {
        return db.selectFrom(REMOTE_ACTORS).where(REMOTE_ACTORS.USERNAME.equalIgnoreCase(username)
                        .and(REMOTE_ACTORS.HOST.equalIgnoreCase(host)).and(REMOTE_ACTORS.ACCOUNT_ID.isNotNull()))
                .orderBy(REMOTE_ACTORS.ID).limit(1).fetchOptional(FederationRepository::toActor);
    }

    public List<RemoteActor> actorsByUrls(DSLContext db, List<String> urls) {
        if (urls.isEmpty()) return List.of();
        return db.selectFrom(REMOTE_ACTORS).where(REMOTE_ACTORS.URL.in(urls)).fetch(FederationRepository::toActor);
    }

    public void upsertActor(DSLContext tx, RemoteActor a) {
        var r = REMOTE_ACTORS;
        tx.insertInto(r)
                .set(r.URL, a.url()).set(r.TYPE, a.type()).set(r.HOST, a.host()).set(r.USERNAME, a.username())
                .set(r.INBOX, a.inbox()).set(r.SHARED_INBOX, a.sharedInbox()).set(r.FOLLOWERS, a.followers())
                .set(r.KEY_ID, a.keyId()).set(r.PUBLIC_PEM, a.publicPem()).set(r.ACCOUNT_ID, a.accountId())
                .set(r.CHANNEL_ID, a.channelId()).set(r.FETCHED_AT, a.fetchedAt())
                .onConflict(r.URL).doUpdate()
                .set(r.TYPE, a.type()).set(r.USERNAME, a.username()).set(r.INBOX, a.inbox())
                .set(r.SHARED_INBOX, a.sharedInbox()).set(r.FOLLOWERS, a.followers()).set(r.KEY_ID, a.keyId())
                .set(r.PUBLIC_PEM, a.publicPem()).set(r.ACCOUNT_ID, a.accountId()).set(r.CHANNEL_ID, a.channelId())
                .set(r.FETCHED_AT, a.fetchedAt())
                .execute();
    }

    static RemoteActor toActor(Record r) {
        var a = REMOTE_ACTORS;
        return new RemoteActor(r.get(a.ID), r.get(a.URL), r.get(a.TYPE), r.get(a.HOST), r.get(a.USERNAME),
                r.get(a.INBOX), r.get(a.SHARED_INBOX), r.get(a.FOLLOWERS), r.get(a.KEY_ID), r.get(a.PUBLIC_PEM),
                r.get(a.ACCOUNT_ID), r.get(a.CHANNEL_ID), r.get(a.FETCHED_AT));
    }

    // ---- follows

    public Optional<Follow> follow(DSLContext db, String follower, String following) {
        return db.selectFrom(FOLLOWS).where(FOLLOWS.FOLLOWER.eq(follower).and(FOLLOWS.FOLLOWING.eq(following)))
                .fetchOptional(FederationRepository::toFollow);
    }

    public Optional<Follow> followById(DSLContext db, long id) {
        return db.selectFrom(FOLLOWS).where(FOLLOWS.ID.eq(id)).fetchOptional(FederationRepository::toFollow);
    }

    /** The actor URL of a remote channel we know. */
    public Optional<String> actorUrlOfChannel(DSLContext db, long channelId) {
        return db.select(REMOTE_ACTORS.URL).from(REMOTE_ACTORS).where(REMOTE_ACTORS.CHANNEL_ID.eq(channelId))
                .fetchOptional(REMOTE_ACTORS.URL);
    }

    /** The users of this instance whose follow of an actor was accepted. */
    public List<Long> localFollowingUsers(DSLContext db, String following) {
        return db.select(FOLLOWS.USER_ID).from(FOLLOWS)
                .where(FOLLOWS.FOLLOWING.eq(following).and(FOLLOWS.LOCAL_FOLLOWER.isTrue())
                        .and(FOLLOWS.STATE.eq(ACCEPTED)).and(FOLLOWS.USER_ID.isNotNull()))
                .fetch(FOLLOWS.USER_ID);
    }

    public Optional<Follow> followByActivity(DSLContext db, String activityId) {
        return db.selectFrom(FOLLOWS).where(FOLLOWS.ACTIVITY_ID.eq(activityId)).fetchOptional(FederationRepository::toFollow);
    }

    public void upsertFollow(DSLContext tx, String follower, String following, boolean localFollower, String state,
                             String activityId, Long userId, long now) {
        var f = FOLLOWS;
        tx.insertInto(f)
                .set(f.FOLLOWER, follower).set(f.FOLLOWING, following).set(f.LOCAL_FOLLOWER, localFollower)
                .set(f.STATE, state).set(f.ACTIVITY_ID, activityId).set(f.USER_ID, userId)
                .set(f.CREATED_AT, now).set(f.UPDATED_AT, now)
                .onConflict(f.FOLLOWER, f.FOLLOWING).doUpdate()
                .set(f.STATE, state).set(f.ACTIVITY_ID, activityId).set(f.UPDATED_AT, now)
                .execute();
    }

    public void setFollowState(DSLContext tx, long id, String state, long now) {
        tx.update(FOLLOWS).set(FOLLOWS.STATE, state).set(FOLLOWS.UPDATED_AT, now).where(FOLLOWS.ID.eq(id)).execute();
    }

    public void deleteFollow(DSLContext tx, String follower, String following) {
        tx.deleteFrom(FOLLOWS).where(FOLLOWS.FOLLOWER.eq(follower).and(FOLLOWS.FOLLOWING.eq(following))).execute();
    }

    private static org.jooq.Condition followersOf(String following, String state) {
        return FOLLOWS.FOLLOWING.eq(following).and(state == null ? org.jooq.impl.DSL.noCondition() : FOLLOWS.STATE.eq(state));
    }

    /** Follows of a target, optionally only those in a state. */
    public List<Follow> followersOf(DSLContext db, String following, String state, int start, int count) {
        return db.selectFrom(FOLLOWS).where(followersOf(following, state))
                .orderBy(FOLLOWS.ID).limit(count).offset(start)
                .fetch(FederationRepository::toFollow);
    }

    public int countFollowersOf(DSLContext db, String following, String state) {
        return db.fetchCount(FOLLOWS, followersOf(following, state));
    }

    public List<Follow> followingOf(DSLContext db, String follower, int start, int count) {
        return db.selectFrom(FOLLOWS).where(FOLLOWS.FOLLOWER.eq(follower))
                .orderBy(FOLLOWS.ID.desc()).limit(count).offset(start)
                .fetch(FederationRepository::toFollow);
    }

    public int countFollowingOf(DSLContext db, String follower) {
        return db.fetchCount(FOLLOWS, FOLLOWS.FOLLOWER.eq(follower));
    }

    /** Inboxes (shared where offered) of the remote actors that follow any of the targets, accepted. */
    public List<String> followerInboxes(DSLContext db, List<String> targets) {
        if (targets.isEmpty()) return List.of();
        return db.selectDistinct(coalesce(nullif(REMOTE_ACTORS.SHARED_INBOX, ""), REMOTE_ACTORS.INBOX))
                .from(FOLLOWS).join(REMOTE_ACTORS).on(REMOTE_ACTORS.URL.eq(FOLLOWS.FOLLOWER))
                .where(FOLLOWS.STATE.eq(ACCEPTED).and(FOLLOWS.LOCAL_FOLLOWER.isFalse()).and(FOLLOWS.FOLLOWING.in(targets)))
                .fetch(org.jooq.Record1::value1);
    }

    /** True if one of our actors follows (accepted) an actor on this host. */
    public boolean followsSomeoneOn(DSLContext db, String host) {
        return db.fetchExists(selectOne().from(FOLLOWS).join(REMOTE_ACTORS).on(REMOTE_ACTORS.URL.eq(FOLLOWS.FOLLOWING))
                .where(FOLLOWS.LOCAL_FOLLOWER.isTrue().and(FOLLOWS.STATE.eq(ACCEPTED)).and(REMOTE_ACTORS.HOST.eq(host))));
    }

    /** Channel ids a user subscribed to (accepted or pending). */
    public List<Long> subscribedChannels(DSLContext db, long userId) {
        return db.select(REMOTE_ACTORS.CHANNEL_ID)
                .from(FOLLOWS).join(REMOTE_ACTORS).on(REMOTE_ACTORS.URL.eq(FOLLOWS.FOLLOWING))
                .where(FOLLOWS.USER_ID.eq(userId).and(REMOTE_ACTORS.CHANNEL_ID.isNotNull()))
                .orderBy(FOLLOWS.ID.desc())
                .fetch(REMOTE_ACTORS.CHANNEL_ID);
    }

    private static final String ACCEPTED = "accepted";

    static Follow toFollow(Record r) {
        var f = FOLLOWS;
        return new Follow(r.get(f.ID), r.get(f.FOLLOWER), r.get(f.FOLLOWING), r.get(f.LOCAL_FOLLOWER), r.get(f.STATE),
                r.get(f.ACTIVITY_ID), r.get(f.USER_ID), r.get(f.CREATED_AT));
    }

    // ---- blocked hosts

    public List<String> blockedHosts(DSLContext db) {
        return db.select(BLOCKED_HOSTS.HOST).from(BLOCKED_HOSTS).orderBy(BLOCKED_HOSTS.HOST).fetch(BLOCKED_HOSTS.HOST);
    }

    /** Blocked hosts with when each was blocked, latest first. */
    public List<Blocklist.Blocked> blockedSince(DSLContext db) {
        return db.select(BLOCKED_HOSTS.HOST, BLOCKED_HOSTS.CREATED_AT).from(BLOCKED_HOSTS).orderBy(BLOCKED_HOSTS.CREATED_AT.desc())
                .fetch(r -> new Blocklist.Blocked(r.get(BLOCKED_HOSTS.HOST), r.get(BLOCKED_HOSTS.CREATED_AT)));
    }

    public void block(DSLContext tx, String host, long now) {
        tx.insertInto(BLOCKED_HOSTS).set(BLOCKED_HOSTS.HOST, host).set(BLOCKED_HOSTS.CREATED_AT, now)
                .onConflictDoNothing().execute();
    }

    public void unblock(DSLContext tx, String host) {
        tx.deleteFrom(BLOCKED_HOSTS).where(BLOCKED_HOSTS.HOST.eq(host)).execute();
    }

    // ---- remote videos

    public Optional<Long> videoIdByUrl(DSLContext db, String url) {
        return db.select(REMOTE_VIDEOS.VIDEO_ID).from(REMOTE_VIDEOS).where(REMOTE_VIDEOS.URL.eq(url))
                .fetchOptional(REMOTE_VIDEOS.VIDEO_ID);
    }

    public Optional<String> videoUrl(DSLContext db, long videoId) {
        return db.select(REMOTE_VIDEOS.URL).from(REMOTE_VIDEOS).where(REMOTE_VIDEOS.VIDEO_ID.eq(videoId))
                .fetchOptional(REMOTE_VIDEOS.URL);
    }

    public void upsertRemoteVideo(DSLContext tx, long videoId, String url, String playlistUrl, long now) {
        tx.insertInto(REMOTE_VIDEOS)
                .set(REMOTE_VIDEOS.VIDEO_ID, videoId).set(REMOTE_VIDEOS.URL, url)
                .set(REMOTE_VIDEOS.PLAYLIST_URL, playlistUrl).set(REMOTE_VIDEOS.FETCHED_AT, now)
                .onConflict(REMOTE_VIDEOS.VIDEO_ID).doUpdate()
                .set(REMOTE_VIDEOS.PLAYLIST_URL, playlistUrl).set(REMOTE_VIDEOS.FETCHED_AT, now)
                .execute();
    }

    public boolean wasFederated(DSLContext db, String uuid) {
        return db.fetchExists(FEDERATED_VIDEOS, FEDERATED_VIDEOS.UUID.eq(uuid));
    }

    public void markFederated(DSLContext tx, String uuid, boolean federated, long now) {
        if (federated) {
            tx.insertInto(FEDERATED_VIDEOS).set(FEDERATED_VIDEOS.UUID, uuid).set(FEDERATED_VIDEOS.CREATED_AT, now)
                    .onConflictDoNothing().execute();
        } else {
            tx.deleteFrom(FEDERATED_VIDEOS).where(FEDERATED_VIDEOS.UUID.eq(uuid)).execute();
        }
    }
}
