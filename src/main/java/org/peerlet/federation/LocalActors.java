package org.peerlet.federation;

import org.peerlet.account.Account;
import org.peerlet.account.AccountDirectory;
import org.peerlet.channel.Channel;
import org.peerlet.channel.ChannelService;
import org.peerlet.db.Database;
import org.peerlet.common.Times;
import org.peerlet.federation.model.ActorDocs;
import org.peerlet.federation.model.LocalActor;
import org.peerlet.federation.net.OutgoingHttp;
import org.peerlet.federation.signature.Keys;
import org.peerlet.instance.Urls;

import java.security.KeyPair;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Our own actors and their keys. The instance is the account named {@value #INSTANCE_NAME} (made by
 * migration V003, with no user, so the name is reserved), published as an {@code Application}.
 * Key pairs are made on first need and stored; private keys are only ever used to sign here.
 */
public final class LocalActors {
    public static final String INSTANCE_NAME = "peerlet";

    private final Database db;
    private final Urls urls;
    private final AccountDirectory accounts;
    private final ChannelService channels;
    private final FederationRepository repo = new FederationRepository();
    private final Clock clock;
    private final Map<String, OutgoingHttp.Signer> signers = new ConcurrentHashMap<>();
    private final Map<String, String> publicPems = new ConcurrentHashMap<>();

    public LocalActors(Database db, Urls urls, AccountDirectory accounts, ChannelService channels, Clock clock) {
        this.db = db;
        this.urls = urls;
        this.accounts = accounts;
        this.channels = channels;
        this.clock = clock;
    }

    public Urls urls() {
        return urls;
    }

    public LocalActor instance() {
        Account a = accounts.byName(INSTANCE_NAME, "")
                .orElseThrow(() -> new IllegalStateException("the instance actor account is missing"));
        return of(a);
    }

    public LocalActor of(Account a) {
        boolean inst = a.userId() == null && a.name().equals(INSTANCE_NAME);
        return new LocalActor(LocalActor.Kind.ACCOUNT, a.id(), inst ? "Application" : "Person", a.name(),
                urls.account(a.name()), a.displayName(), a.description());
    }

    public LocalActor of(Channel c) {
        return new LocalActor(LocalActor.Kind.CHANNEL, c.id(), "Group", c.name(), urls.channel(c.name()),
                c.displayName(), c.description());
    }

    public Optional<LocalActor> account(String name) {
        return accounts.byName(name, "").map(this::of);
    }

    public Optional<LocalActor> accountById(long id) {
        return accounts.byId(id).filter(Account::isLocal).map(this::of);
    }

    public Optional<LocalActor> channelById(long id) {
        return channels.byId(id).filter(Channel::isLocal).map(this::of);
    }

    public Optional<LocalActor> channel(String name) {
        return channels.byName(name, "").map(this::of);
    }

    /** One of our actors by its URL (actor id), or empty. */
    public Optional<LocalActor> byUrl(String url) {
        if (url == null) return Optional.empty();
        String a = urls.base() + "/accounts/";
        String c = urls.base() + "/video-channels/";
        if (url.startsWith(a)) return account(url.substring(a.length()));
        if (url.startsWith(c)) return channel(url.substring(c.length()));
        return Optional.empty();
    }

    /** The actor's ActivityPub document, with its key, owner (a channel's) and faces. */
    public com.fasterxml.jackson.databind.node.ObjectNode document(LocalActor actor) {
        String owner = null;
        long created;
        String base = urls.base();
        ActorDocs.Faces faces;
        if (actor.kind() == LocalActor.Kind.CHANNEL) {
            Channel c = channels.byId(actor.refId()).orElseThrow();
            owner = accounts.byId(c.accountId()).map(x -> of(x).url()).orElse(null);
            created = c.createdAt();
            faces = new ActorDocs.Faces(c.avatar(), c.banner(), base);
        } else {
            Account acc = accounts.byId(actor.refId()).orElseThrow();
            created = acc.createdAt();
            faces = new ActorDocs.Faces(acc.avatar(), null, base);
        }
        return ActorDocs.actor(actor, publicPem(actor), base + "/inbox", Times.iso(created), owner, faces);
    }

    public boolean isOurs(String url) {
        return url != null && (url.startsWith(urls.base() + "/") || url.equals(urls.base()));
    }

    public OutgoingHttp.Signer signer(LocalActor a) {
        String k = a.kind().key + ":" + a.refId();
        return signers.computeIfAbsent(k, x -> {
            FederationRepository.KeyPem pem = ensureKey(a);
            return new OutgoingHttp.Signer(a.keyId(), Keys.readPrivate(pem.privatePem()));
        });
    }

    public OutgoingHttp.Signer signer(LocalActor.Kind kind, long refId) {
        LocalActor a = kind == LocalActor.Kind.ACCOUNT
                ? accounts.byId(refId).map(this::of).orElseThrow()
                : channels.byId(refId).map(this::of).orElseThrow();
        return signer(a);
    }

    public String publicPem(LocalActor a) {
        return publicPems.computeIfAbsent(a.kind().key + ":" + a.refId(), x -> ensureKey(a).publicPem());
    }

    private FederationRepository.KeyPem ensureKey(LocalActor a) {
        Optional<FederationRepository.KeyPem> existing = repo.key(db.dsl(), a.kind().key, a.refId());
        if (existing.isPresent()) return existing.get();
        KeyPair pair = Keys.generate();
        // INSERT OR IGNORE: if two threads raced, the first pair stored wins and both read it back.
        db.writeVoid(tx -> repo.insertKey(tx, a.kind().key, a.refId(), Keys.publicPem(pair.getPublic()),
                Keys.privatePem(pair.getPrivate()), clock.millis()));
        return repo.key(db.dsl(), a.kind().key, a.refId()).orElseThrow();
    }
}
