package org.peerlet.blocklist;

import org.peerlet.account.Account;
import org.peerlet.account.AccountDirectory;
import org.peerlet.account.User;
import org.peerlet.common.Handle;
import org.peerlet.db.Database;
import org.peerlet.http.ApiError;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Mutes, a person's own or the instance's (its account with no user stands for it, as PeerTube's
 * server actor does). Muting is quiet: muting again changes nothing; unmuting what is not muted is a 404.
 */
public final class Blocklists {
    /** A page of mutes and how many there are. */
    public record Page<T>(int total, List<T> data) {
    }

    private final Database db;
    private final BlocklistRepository repo = new BlocklistRepository();
    private final AccountDirectory accounts;
    private final String ourHost;
    private final Clock clock;
    private final long instanceAccountId;

    public Blocklists(Database db, AccountDirectory accounts, String ourHost, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.ourHost = ourHost.toLowerCase(Locale.ROOT);
        this.clock = clock;
        this.instanceAccountId = accounts.instance().id();
    }

    /** The instance's own account: the one that mutes for everyone. */
    public Account instanceAccount() {
        return accounts.instance();
    }

    /** A person's own account: what their mutes are made by. */
    public Account accountOf(User user) {
        return accounts.byUserId(user.id()).orElseThrow();
    }

    /** Who mutes: a person's account, or the instance's when {@code user} is empty. */
    private long blocker(Optional<User> user) {
        return user.map(u -> accounts.byUserId(u.id()).orElseThrow().id()).orElse(instanceAccountId);
    }

    private Account named(String accountName) {
        if (accountName == null || accountName.isBlank()) throw ApiError.badField("accountName", "accountName is required");
        return accounts.byHandle(Handle.parse(accountName, ourHost)).orElseThrow(() -> ApiError.notFound("Account not found"));
    }

    private String host(String host) {
        String h = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
        if (!h.matches("[a-z0-9.-]{1,253}(:\\d{1,5})?")) throw ApiError.badField("host", "host must be a host name");
        if (h.equals(ourHost)) throw ApiError.conflict("You cannot block your own server.");
        return h;
    }

    public void muteAccount(Optional<User> by, String accountName) {
        long blocker = blocker(by);
        Account target = named(accountName);
        if (target.id() == blocker) throw ApiError.conflict("You cannot block yourself.");
        if (target.id() == instanceAccountId) throw ApiError.conflict("You cannot block the instance itself.");
        db.writeVoid(tx -> repo.muteAccount(tx, blocker, target.id(), clock.millis()));
    }

    public void unmuteAccount(Optional<User> by, String accountName) {
        long blocker = blocker(by);
        Account target = named(accountName);
        if (!db.write(tx -> repo.unmuteAccount(tx, blocker, target.id()))) throw ApiError.notFound("Account block entry not found.");
    }

    /** A person mutes a server for themselves (the instance's server blocks are federation's). */
    public void muteHost(User by, String host) {
        long blocker = blocker(Optional.of(by));
        String h = host(host);
        db.writeVoid(tx -> repo.muteHost(tx, blocker, h, clock.millis()));
    }

    public void unmuteHost(User by, String host) {
        long blocker = blocker(Optional.of(by));
        String h = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
        if (!db.write(tx -> repo.unmuteHost(tx, blocker, h))) throw ApiError.notFound("Server block entry not found.");
    }

    public Page<BlocklistRepository.AccountMute> accounts(Optional<User> by, int start, int count) {
        long blocker = blocker(by);
        return new Page<>(repo.countAccounts(db.dsl(), blocker), repo.accounts(db.dsl(), blocker, start, count));
    }

    public Page<BlocklistRepository.HostMute> hosts(User by, int start, int count) {
        long blocker = blocker(Optional.of(by));
        return new Page<>(repo.countHosts(db.dsl(), blocker), repo.hosts(db.dsl(), blocker, start, count));
    }

    /** Whether the instance muted this account: its activities are refused, its content hidden from all. */
    public boolean mutedByInstance(long accountId) {
        return repo.accountMuted(db.dsl(), List.of(instanceAccountId), accountId);
    }

    /** Whether this person (or the instance) muted the account or its server: what they are not told of. */
    public boolean mutedFor(long userId, Account who) {
        List<Long> by = new ArrayList<>(List.of(instanceAccountId));
        accounts.byUserId(userId).ifPresent(a -> by.add(a.id()));
        return repo.accountMuted(db.dsl(), by, who.id()) || (!who.isLocal() && repo.hostMuted(db.dsl(), by, who.host()));
    }

    /** PeerTube's block status of an account (handle) for the instance and, if logged in, the person. */
    public boolean accountMutedBy(Optional<User> by, String handle) {
        Optional<Account> a = accounts.byHandle(Handle.parse(handle, ourHost));
        return a.isPresent() && repo.accountMuted(db.dsl(), List.of(blocker(by)), a.get().id());
    }

    public boolean hostMutedBy(User by, String host) {
        return repo.hostMuted(db.dsl(), List.of(blocker(Optional.of(by))), host.toLowerCase(Locale.ROOT));
    }
}
