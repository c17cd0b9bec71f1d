package org.peerlet.channel;

import org.peerlet.account.Account;
import org.peerlet.account.AccountDirectory;
import org.peerlet.account.User;
import org.peerlet.common.Names;
import org.peerlet.db.Database;
import org.peerlet.http.ApiError;
import org.peerlet.http.TextFields;
import org.peerlet.media.Face;
import org.jooq.DSLContext;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Creating, changing and removing channels, with PeerTube's rules. */
public final class ChannelService {
    static final int MAX_CHANNELS_PER_ACCOUNT = 20;

    private final Database db;
    private final ChannelRepository channels = new ChannelRepository();
    private final AccountDirectory accounts;
    private final Clock clock;

    public ChannelService(Database db, AccountDirectory accounts, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.clock = clock;
    }

    public record Fields(String displayName, String description, String support) {
    }

    /** Creates a channel inside an open transaction; checks the name is free among local actors. */
    public long create(DSLContext tx, long accountId, String name, Fields f) {
        if (!Names.isValidActorName(name)) {
            throw ApiError.badRequest("name must be 1 to 50 characters: lowercase letters, digits, _ and .");
        }
        validate(f);
        if (localNameTaken(tx, name)) {
            throw ApiError.conflict("the name \"" + name + "\" is already used by an account or a channel");
        }
        if (channels.countByAccount(tx, accountId) >= MAX_CHANNELS_PER_ACCOUNT) {
            throw ApiError.badRequest("an account can have at most " + MAX_CHANNELS_PER_ACCOUNT + " channels");
        }
        return channels.insert(tx, accountId, name, "", f.displayName(), f.description(), f.support(), clock.millis());
    }

    /** Local accounts and channels share one namespace, as in PeerTube (both are ActivityPub actors). */
    /** The local copy of a channel of another server, in the caller's transaction: made if new, then updated. */
    public long storeRemote(DSLContext tx, long ownerId, String name, String host, String displayName, String summary,
                            String support) {
        long now = clock.millis();
        long id = channels.byName(tx, name, host).map(Channel::id)
                .orElseGet(() -> channels.insert(tx, ownerId, name, host, displayName, summary, null, now));
        channels.update(tx, id, displayName, summary, support, now);
        return id;
    }

    /**
     * Sets a channel's avatar or banner (the stem of files already made; null clears it) and, for
     * a remote one, the URL it came from. Returns the stem it replaces, whose files the caller removes.
     */
    public String setFace(long channelId, Face.Kind kind, String stem, String source) {
        return db.write(tx -> channels.setFace(tx, channelId, kind, stem, source, clock.millis()));
    }

    /** The URL a remote channel's avatar or banner was fetched from, or null. */
    public String faceSource(long channelId, Face.Kind kind) {
        return channels.faceSource(db.dsl(), channelId, kind);
    }

    public boolean localNameTaken(DSLContext db, String name) {
        return accounts.byName(db, name, "").isPresent() || channels.byName(db, name, "").isPresent();
    }

    public long create(User owner, String name, Fields f) {
        return db.write(tx -> create(tx, ownAccount(tx, owner).id(), name, f));
    }

    public Channel update(User asker, String handle, Fields f) {
        validate(f);
        return db.write(tx -> {
            Channel c = editable(tx, asker, handle);
            channels.update(tx, c.id(), f.displayName(), f.description(), f.support(), clock.millis());
            return channels.byId(tx, c.id()).orElseThrow();
        });
    }

    /** Removes a channel (not an account's last); the channel as it was, for its files to go. */
    Channel delete(User asker, String handle) {
        return db.write(tx -> {
            Channel c = editable(tx, asker, handle);
            if (channels.countByAccount(tx, c.accountId()) <= 1) {
                throw ApiError.conflict("cannot remove the last channel of an account");
            }
            channels.delete(tx, c.id());
            return c;
        });
    }

    /** Finds a channel by {@code name} or {@code name@host}; our own host means local. */
    public Optional<Channel> byHandle(String handle, String ourHost) {
        org.peerlet.common.Handle h = org.peerlet.common.Handle.parse(handle, ourHost);
        return byName(h.name(), h.host());
    }

    /** {@code host} is "" for a local channel. */
    public Optional<Channel> byName(String name, String host) {
        return channels.byName(db.dsl(), name, host);
    }

    public Optional<Channel> byId(long id) {
        return channels.byId(db.dsl(), id);
    }

    public Channel require(String handle, String ourHost) {
        return byHandle(handle, ourHost).orElseThrow(() -> ApiError.notFound("video channel not found"));
    }

    public Account owner(Channel c) {
        return owner(db.dsl(), c);
    }

    private Account owner(DSLContext db, Channel c) {
        return accounts.byId(db, c.accountId()).orElseThrow();
    }

    public List<Channel> ofAccount(long accountId) {
        return channels.byAccount(db.dsl(), accountId);
    }

    /** All channels, local and remote, oldest first. */
    public List<Channel> list(int start, int count) {
        return channels.list(db.dsl(), start, count);
    }

    public int count() {
        return channels.count(db.dsl());
    }

    /** Channels of this instance, for its figures. */
    public int countLocal() {
        return channels.countLocal(db.dsl());
    }

    /** Channels whose name or display name holds the text, local and remote, oldest first. */
    public List<Channel> search(String text, int start, int count) {
        return channels.search(db.dsl(), text, start, count);
    }

    public int countMatching(String text) {
        return channels.countMatching(db.dsl(), text);
    }

    /** A channel of ours the asker may change: 404 if there is none, 403 if it is not theirs. */
    public Channel requireEditable(User asker, String handle) {
        return editable(db.dsl(), asker, handle);
    }

    private Channel editable(DSLContext tx, User asker, String handle) {
        // Only a channel of this instance can be changed here, whatever host the handle names.
        Channel c = channels.byName(tx, org.peerlet.common.Handle.parse(handle, "").name(), "")
                .orElseThrow(() -> ApiError.notFound("video channel not found"));
        Account owner = owner(tx, c);
        if (!asker.canModerate() && !Long.valueOf(asker.id()).equals(owner.userId())) {
            throw ApiError.forbidden("this channel is not yours");
        }
        return c;
    }

    private Account ownAccount(DSLContext tx, User u) {
        return accounts.byUserId(tx, u.id()).orElseThrow();
    }

    private static void validate(Fields f) {
        TextFields.oneLine("displayName", f.displayName(), 1, 120);
        TextFields.lines("description", f.description(), 1000);
        TextFields.lines("support", f.support(), 1000);
    }
}
