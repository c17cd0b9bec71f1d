package org.peerlet.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.peerlet.account.Account;
import org.peerlet.account.AccountDirectory;
import org.peerlet.account.User;
import org.jooq.DSLContext;
import org.peerlet.channel.Channel;
import org.peerlet.common.Events;
import org.peerlet.common.Secrets;
import org.peerlet.db.Database;
import org.peerlet.federation.delivery.Outbox;
import org.peerlet.federation.model.Activities;
import org.peerlet.federation.model.As;
import org.peerlet.federation.model.LocalActor;
import org.peerlet.federation.model.RemoteActor;
import org.peerlet.federation.net.OutgoingHttp;
import org.peerlet.http.ApiError;
import org.peerlet.http.Json;
import org.peerlet.instance.InstanceSettings;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Follows both ways. Ours: the instance following another instance (admin), a user subscribing to
 * a remote channel. Theirs: remote actors following our instance, accounts and channels, accepted
 * at once unless the admin asked to approve instance followers by hand.
 */
public final class Follows {
    /** Instance setting, PeerTube's name: approve instance followers by hand. */
    public static final String MANUAL_APPROVAL = InstanceSettings.FOLLOWERS_MANUAL_APPROVAL;
    public static final String PENDING = "pending";
    public static final String ACCEPTED = "accepted";

    private final Database db;
    private final FederationRepository repo = new FederationRepository();
    private final LocalActors local;
    private final RemoteActors remote;
    private final Outbox outbox;
    private final AccountDirectory accounts;
    private final InstanceSettings instance;
    private final Events events;
    private final Clock clock;

    public Follows(Database db, LocalActors local, RemoteActors remote, Outbox outbox,
                   AccountDirectory accounts, InstanceSettings instance, Events events, Clock clock) {
        this.db = db;
        this.local = local;
        this.remote = remote;
        this.outbox = outbox;
        this.accounts = accounts;
        this.instance = instance;
        this.events = events;
        this.clock = clock;
    }

    public String newActivityId(LocalActor a) {
        return a.url() + "/activities/" + Secrets.token(12);
    }

    // ---- ours

    /** The instance follows another instance's actor, found by WebFinger as peerlet@ or peertube@ that host. */
    public RemoteActor followInstance(String host) {
        if (!host.matches("[A-Za-z0-9.-]+(:\\d{1,5})?")) throw ApiError.badRequest("not a host: " + host);
        RemoteActor target = null;
        IOException last = null;
        for (String name : List.of(LocalActors.INSTANCE_NAME, "peertube")) {
            try {
                target = remote.byHandle(name + "@" + host.toLowerCase());
                break;
            } catch (IOException e) {
                last = e;
            } catch (OutgoingHttp.RefusedException e) {
                throw ApiError.forbidden(e.getMessage());
            }
        }
        if (target == null) throw new ApiError(400, null, "cannot find the instance actor of " + host + ": " + last.getMessage());
        follow(local.instance(), target, null);
        return target;
    }

    public void unfollowInstance(String host) {
        LocalActor me = local.instance();
        boolean any = false;
        for (Follow f : repo.followingOf(db.dsl(), me.url(), 0, 10_000)) {
            if (host.equalsIgnoreCase(As.host(f.following()))) {
                unfollow(me, f);
                any = true;
            }
        }
        if (!any) throw ApiError.notFound("this instance does not follow " + host);
    }

    /**
     * A local user subscribes to a channel by handle (name@host) or address. A channel of this
     * instance is followed here at once, never looked up over the network; others by WebFinger.
     */
    public void subscribe(User user, String handle) {
        LocalActor me = local.of(accounts.byUserId(user.id()).orElseThrow());
        if (isOurs(handle)) {
            LocalActor channel = localChannel(handle).orElseThrow(() -> ApiError.notFound("no channel " + handle + " here"));
            db.writeVoid(tx -> {
                boolean fresh = repo.follow(tx, me.url(), channel.url()).isEmpty();
                repo.upsertFollow(tx, me.url(), channel.url(), true, ACCEPTED, null, user.id(), clock.millis());
                if (fresh && !channel.url().equals(me.url())) announce(tx, me.url(), channel);
            });
            return;
        }
        RemoteActor target;
        try {
            target = remote.byHandle(handle);
        } catch (IOException e) {
            throw ApiError.badRequest("cannot find " + handle + ": " + e.getMessage());
        } catch (OutgoingHttp.RefusedException e) {
            throw ApiError.forbidden(e.getMessage());
        }
        if (target.channelId() == null) throw ApiError.badRequest(handle + " is not a channel");
        follow(me, target, user.id());
    }

    /** Whether a handle or address names something of this instance (no host: ours too). */
    private boolean isOurs(String handle) {
        if (handle.startsWith("http://") || handle.startsWith("https://")) return local.isOurs(handle);
        int at = handle.lastIndexOf('@');
        return at <= 0 || handle.substring(at + 1).equalsIgnoreCase(local.urls().host());
    }

    private Optional<LocalActor> localChannel(String handle) {
        if (handle.startsWith("http")) return local.byUrl(handle).filter(a -> a.kind() == LocalActor.Kind.CHANNEL);
        String h = handle.startsWith("@") ? handle.substring(1) : handle;
        int at = h.lastIndexOf('@');
        return local.channel(at < 0 ? h : h.substring(0, at));
    }

    /** The handle (name@host, lower case) of an actor we follow, ours or remote. */
    private Optional<String> handleOf(String actorUrl) {
        Optional<LocalActor> ours = local.byUrl(actorUrl);
        if (ours.isPresent()) return Optional.of((ours.get().name() + "@" + local.urls().host()).toLowerCase(java.util.Locale.ROOT));
        return remote.known(actorUrl).map(a -> a.handle().toLowerCase(java.util.Locale.ROOT));
    }

    private static String normal(String handle) {
        String h = handle.startsWith("@") ? handle.substring(1) : handle;
        return h.toLowerCase(java.util.Locale.ROOT);
    }

    public void unsubscribe(User user, String handle) {
        LocalActor me = local.of(accounts.byUserId(user.id()).orElseThrow());
        String wanted = normal(isOurs(handle) && handle.indexOf('@', 1) < 0 ? handle + "@" + local.urls().host() : handle);
        for (Follow f : repo.followingOf(db.dsl(), me.url(), 0, 10_000)) {
            if (handleOf(f.following()).filter(wanted::equals).isPresent()) {
                unfollow(me, f);
                return;
            }
        }
        throw ApiError.notFound("no subscription to " + handle);
    }

    /** Which of these handles this user is subscribed to, as PeerTube's subscriptions/exist answers. */
    public java.util.Map<String, Boolean> subscribed(User user, List<String> handles) {
        LocalActor me = local.of(accounts.byUserId(user.id()).orElseThrow());
        java.util.Set<String> mine = new java.util.HashSet<>();
        for (Follow f : repo.followingOf(db.dsl(), me.url(), 0, 10_000)) {
            handleOf(f.following()).ifPresent(mine::add);
        }
        java.util.Map<String, Boolean> out = new java.util.LinkedHashMap<>();
        for (String h : handles) out.put(h, mine.contains(normal(h)));
        return out;
    }

    public List<Follow> following(LocalActor a, int start, int count) {
        return repo.followingOf(db.dsl(), a.url(), start, count);
    }

    public int countFollowing(LocalActor a) {
        return repo.countFollowingOf(db.dsl(), a.url());
    }

    private void follow(LocalActor me, RemoteActor target, Long userId) {
        String id = newActivityId(me);
        ObjectNode follow = Activities.follow(id, me.url(), target.url());
        db.writeVoid(tx -> repo.upsertFollow(tx, me.url(), target.url(), true, PENDING, id, userId, clock.millis()));
        outbox.enqueue(me, Json.write(follow), List.of(target.inbox()));
    }

    private void unfollow(LocalActor me, Follow f) {
        ObjectNode inner = Activities.follow(f.activityId() == null ? newActivityId(me) : f.activityId(), me.url(), f.following());
        ObjectNode undo = Activities.undo(newActivityId(me), me.url(), inner, List.of(f.following()));
        db.writeVoid(tx -> repo.deleteFollow(tx, me.url(), f.following()));
        remote.known(f.following()).ifPresent(t -> outbox.enqueue(me, Json.write(undo), List.of(t.inbox())));
    }

    /** Their Accept or Reject of our Follow: the follow must be ours, to them. */
    public boolean answered(RemoteActor from, JsonNode followOrId, boolean accepted) {
        Optional<Follow> found = Optional.empty();
        String activityId = As.id(followOrId);
        if (activityId != null) found = repo.followByActivity(db.dsl(), activityId);
        if (found.isEmpty() && followOrId != null && followOrId.isObject()) {
            found = repo.follow(db.dsl(), As.id(followOrId.get("actor")), from.url());
        }
        Optional<Follow> f = found;
        if (f.isEmpty() || !f.get().following().equals(from.url()) || !f.get().localFollower()) return false;
        long id = f.get().id();
        db.writeVoid(tx -> {
            if (accepted) repo.setFollowState(tx, id, ACCEPTED, clock.millis());
            else repo.deleteFollow(tx, f.get().follower(), f.get().following());
        });
        return true;
    }

    /** A new follow of one of ours, for whoever listens (the owner's notification), once it is committed. */
    private void announce(DSLContext tx, String follower, LocalActor target) {
        repo.follow(tx, follower, target.url()).ifPresent(f -> events.publish(new FollowEvents.Followed(f.id(), target)));
    }

    /** A follow of one of our actors by id, with the follower's account (local, or remote as we know it). */
    public Optional<FollowEvents.Described> describe(long followId) {
        Optional<Follow> f = repo.followById(db.dsl(), followId);
        if (f.isEmpty()) return Optional.empty();
        Optional<LocalActor> target = local.byUrl(f.get().following());
        Optional<Account> follower = f.get().localFollower()
                ? local.byUrl(f.get().follower()).filter(a -> a.kind() == LocalActor.Kind.ACCOUNT).flatMap(a -> accounts.byId(a.refId()))
                : remote.known(f.get().follower()).map(RemoteActor::accountId).flatMap(accounts::byId);
        if (target.isEmpty() || follower.isEmpty()) return Optional.empty();
        return Optional.of(new FollowEvents.Described(followId, follower.get(), target.get(), f.get().state()));
    }

    /** The local users subscribed to a channel, ours or remote (accepted follows only). */
    public List<Long> localSubscribers(Channel c) {
        Optional<String> url = c.isLocal() ? Optional.of(local.of(c).url()) : repo.actorUrlOfChannel(db.dsl(), c.id());
        return url.map(u -> repo.localFollowingUsers(db.dsl(), u)).orElse(List.of());
    }

    // ---- theirs

    /** Someone follows one of our actors. */
    public void followed(RemoteActor follower, LocalActor target, JsonNode followActivity) {
        boolean manual = target.isInstance() && instance.flag(MANUAL_APPROVAL);
        String state = manual ? PENDING : ACCEPTED;
        Optional<Follow> existing = repo.follow(db.dsl(), follower.url(), target.url());
        String keepState = existing.map(Follow::state).filter(ACCEPTED::equals).orElse(state);
        db.writeVoid(tx -> {
            repo.upsertFollow(tx, follower.url(), target.url(), false, keepState, As.text(followActivity, "id"), null, clock.millis());
            if (existing.isEmpty()) announce(tx, follower.url(), target);
        });
        if (ACCEPTED.equals(keepState)) answer(target, follower, followActivity, "Accept");
    }

    public void unfollowed(RemoteActor follower, String targetUrl) {
        db.writeVoid(tx -> repo.deleteFollow(tx, follower.url(), targetUrl));
    }

    /** The admin accepts or rejects a pending follower of the instance, by handle name@host. */
    public void decide(String handle, boolean accept) {
        LocalActor me = local.instance();
        for (Follow f : repo.followersOf(db.dsl(), me.url(), null, 0, 10_000)) {
            Optional<RemoteActor> a = remote.known(f.follower());
            if (a.isEmpty() || !(a.get().handle().equalsIgnoreCase(handle) || a.get().host().equalsIgnoreCase(handle))) continue;
            ObjectNode follow = Activities.follow(f.activityId() == null ? newActivityId(me) : f.activityId(), f.follower(), me.url());
            if (accept) {
                db.writeVoid(tx -> repo.setFollowState(tx, f.id(), ACCEPTED, clock.millis()));
                answer(me, a.get(), follow, "Accept");
            } else {
                db.writeVoid(tx -> repo.deleteFollow(tx, f.follower(), f.following()));
                answer(me, a.get(), follow, "Reject");
            }
            return;
        }
        throw ApiError.notFound("no follower " + handle);
    }

    public List<Follow> followers(LocalActor a, String state, int start, int count) {
        return repo.followersOf(db.dsl(), a.url(), state, start, count);
    }

    public int countFollowers(LocalActor a, String state) {
        return repo.countFollowersOf(db.dsl(), a.url(), state);
    }

    private void answer(LocalActor me, RemoteActor to, JsonNode follow, String type) {
        ObjectNode accept = Activities.answer(type, newActivityId(me), me.url(), follow);
        outbox.enqueue(me, Json.write(accept), List.of(to.inbox()));
    }

    /** Inboxes of the accepted remote followers of these actors (shared inboxes where offered). */
    public List<String> followerInboxes(List<LocalActor> actors) {
        return repo.followerInboxes(db.dsl(), actors.stream().map(LocalActor::url).toList());
    }

    public boolean followsSomeoneOn(String host) {
        return repo.followsSomeoneOn(db.dsl(), host);
    }

    /** The channels a user subscribed to: remote ones, then those of this instance. */
    public List<Long> subscribedChannels(long userId) {
        List<Long> out = new java.util.ArrayList<>(repo.subscribedChannels(db.dsl(), userId));
        Optional<Account> a = accounts.byUserId(userId);
        if (a.isEmpty()) return out;
        for (Follow f : repo.followingOf(db.dsl(), local.of(a.get()).url(), 0, 10_000)) {
            local.byUrl(f.following()).filter(x -> x.kind() == LocalActor.Kind.CHANNEL).ifPresent(x -> out.add(x.refId()));
        }
        return out;
    }
}
