package org.peerlet.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.peerlet.account.AccountService;
import org.peerlet.channel.ChannelService;
import org.peerlet.channel.Faces;
import org.peerlet.common.Names;
import org.peerlet.common.Times;
import org.peerlet.db.Database;
import org.peerlet.federation.model.As;
import org.peerlet.federation.model.RemoteActor;
import org.peerlet.federation.net.AddressRules;
import org.peerlet.federation.net.OutgoingHttp;
import org.peerlet.federation.signature.Keys;
import org.peerlet.federation.signature.SignatureException;
import org.peerlet.federation.signature.SignatureVerifier;
import org.peerlet.http.Json;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Actors of other servers: fetched (signed GET as our instance actor), checked (the document
 * comes from the actor's own host, its key belongs to it), stored with an account or channel row
 * so their videos and comments fit our tables, and refreshed when stale or when a signature
 * fails (key rotation). Keys are cached in memory with Caffeine.
 */
public final class RemoteActors {
    private static final Duration STALE = Duration.ofDays(1);

    private final Database db;
    private final OutgoingHttp http;
    private final LocalActors local;
    private final FederationRepository repo = new FederationRepository();
    private final AccountService accounts;
    private final ChannelService channels;
    private final Clock clock;
    private final boolean httpFirst;
    private final Cache<String, SignatureVerifier.ActorKey> keys;
    private final RemoteFaces faces;

    public RemoteActors(Database db, OutgoingHttp http, LocalActors local, AccountService accounts,
                        ChannelService channels, Faces faces, Clock clock, boolean allowHttp) {
        this.faces = new RemoteFaces(http, faces);
        this.db = db;
        this.http = http;
        this.local = local;
        this.accounts = accounts;
        this.channels = channels;
        this.clock = clock;
        this.httpFirst = allowHttp;
        this.keys = Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(1)).maximumSize(10_000)
                .ticker(Times.ticker(clock)).build();
    }

    /** A stored actor, fetched first when unknown or stale. */
    public RemoteActor resolve(String url) throws IOException {
        Optional<RemoteActor> known = repo.actorByUrl(db.dsl(), url);
        if (known.isPresent() && clock.millis() - known.get().fetchedAt() < STALE.toMillis()) return known.get();
        return refresh(url);
    }

    public Optional<RemoteActor> known(String url) {
        return repo.actorByUrl(db.dsl(), url);
    }

    /** Fetches, checks and stores an actor document. */
    public RemoteActor refresh(String url) throws IOException {
        JsonNode doc = fetchJson(url);
        RemoteActor actor = store(url, doc);
        faces.update(actor, doc);
        return actor;
    }

    /** An image of another server's (a playlist's thumbnail) through the guarded client, capped; null if none came. */
    public byte[] fetchImage(String url) {
        try {
            OutgoingHttp.Response r = http.getImage(url, (int) org.peerlet.media.Images.MAX_BYTES);
            return r.status() == 200 ? r.body() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A JSON document from another server, signed as our instance; IOException on any failure. */
    public JsonNode fetchJson(String url) throws IOException {
        OutgoingHttp.Response r = http.get(url, local.signer(local.instance()));
        if (r.status() != 200) throw new IOException("GET " + url + " answered " + r.status());
        try {
            JsonNode n = Json.MAPPER.readTree(r.body());
            if (n == null || !n.isObject()) throw new IOException(url + " is not a JSON object");
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(url + " is not JSON");
        }
    }

    private RemoteActor store(String url, JsonNode doc) throws IOException {
        String id = As.text(doc, "id");
        if (id == null || !As.sameHost(id, url)) throw new IOException("the actor at " + url + " names another host");
        String type = As.type(doc);
        String username = As.text(doc, "preferredUsername");
        String inbox = As.text(doc, "inbox");
        if (type == null || username == null || inbox == null || !As.sameHost(inbox, id)) {
            throw new IOException("the actor at " + url + " lacks a type, name or inbox of its own host");
        }
        String shared = As.text(doc.path("endpoints"), "sharedInbox");
        if (shared != null && !As.sameHost(shared, id)) shared = null;
        JsonNode pk = doc.get("publicKey");
        String keyId = As.text(pk, "id");
        String pem = As.text(pk, "publicKeyPem");
        String owner = As.text(pk, "owner");
        if (keyId != null && (owner != null && !owner.equals(id) || !As.sameHost(keyId, id))) {
            throw new IOException("the key of " + id + " belongs to someone else");
        }
        String host = As.host(id);
        String name = username.toLowerCase();
        if (!Names.isValidActorName(name)) name = name.replaceAll("[^a-z0-9_.]", "_");
        if (name.length() > 50) name = name.substring(0, 50);
        String display = As.text(doc, "name") == null || As.text(doc, "name").isBlank() ? username : As.text(doc, "name");
        if (display.length() > 120) display = display.substring(0, 120);
        String summary = As.text(doc, "summary");
        long now = clock.millis();

        final String fName = name;
        final String fDisplay = display;
        final Long fOwner = type.equals("Group") ? groupOwner(doc, id) : null;
        final String fShared = shared;
        return db.write(tx -> {
            Long accountId = null;
            Long channelId = null;
            if (type.equals("Person") || type.equals("Service")) {
                accountId = accounts.storeRemote(tx, fName, host, fDisplay, summary, true);
            } else if (type.equals("Group")) {
                long ownerId = fOwner != null ? fOwner : accounts.storeRemote(tx, fName, host, fDisplay, null, false);
                channelId = channels.storeRemote(tx, ownerId, fName, host, fDisplay, summary, As.text(doc, "support"));
            }
            repo.upsertActor(tx, new RemoteActor(0, id, type, host, username, inbox, fShared, As.text(doc, "followers"),
                    keyId, pem, accountId, channelId, now));
            if (keyId != null) keys.invalidate(keyId);
            return repo.actorByUrl(tx, id).orElseThrow();
        });
    }

    /** The account of the first person of the group's host it is attributed to, or null for none. */
    private Long groupOwner(JsonNode doc, String id) {
        for (String personUrl : As.ids(doc.get("attributedTo"))) {
            if (!As.sameHost(personUrl, id) || personUrl.equals(id)) continue;
            try {
                RemoteActor p = resolve(personUrl);
                if (p.accountId() != null) return p.accountId();
            } catch (IOException e) {
                // an owner we cannot fetch: the group gets a stand-in account
            }
        }
        return null;
    }

    /** For the signature verifier: the key named by a keyId, fetched when unknown or on refresh. */
    public Optional<SignatureVerifier.ActorKey> key(String keyId, boolean refresh) {
        if (!refresh) {
            SignatureVerifier.ActorKey k = keys.getIfPresent(keyId);
            if (k != null) return Optional.of(k);
        }
        String actorUrl = keyId.contains("#") ? keyId.substring(0, keyId.indexOf('#')) : keyId;
        try {
            RemoteActor a = refresh ? refresh(actorUrl) : resolve(actorUrl);
            if (a.publicPem() == null || !keyId.equals(a.keyId())) {
                if (refresh) return Optional.empty();
                a = refresh(actorUrl);
                if (a.publicPem() == null || !keyId.equals(a.keyId())) return Optional.empty();
            }
            SignatureVerifier.ActorKey k = new SignatureVerifier.ActorKey(keyId, a.url(), Keys.readPublic(a.publicPem()));
            keys.put(keyId, k);
            return Optional.of(k);
        } catch (OutgoingHttp.RefusedException e) {
            // Nothing was fetched. Said plainly only for an address the signer wrote itself: for a
            // name, the answer would tell outsiders what our name server makes of it.
            if (AddressRules.isLiteral(URI.create(actorUrl).getHost())) throw SignatureException.forbidden(e.getMessage());
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The account behind a handle {@code name@host}, fetched if new (sharing a video with someone
     * elsewhere); empty if it cannot be found; 403 if the address is refused (nothing was fetched).
     */
    public Optional<org.peerlet.account.Account> account(String handle) {
        try {
            Long id = byHandle(handle).accountId();
            return id == null ? Optional.empty() : accounts.byId(id);
        } catch (OutgoingHttp.RefusedException e) {
            throw org.peerlet.http.ApiError.forbidden(e.getMessage());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Finds an actor by handle {@code name@host} with WebFinger, then fetches it. https first; plain
     * http only when allowed (development).
     */
    public RemoteActor byHandle(String handle) throws IOException {
        String h = handle.startsWith("@") ? handle.substring(1) : handle;
        int at = h.indexOf('@');
        if (at <= 0 || at == h.length() - 1) throw new IOException("a handle looks like name@host");
        String host = h.substring(at + 1);
        String resource = URLEncoder.encode("acct:" + h, StandardCharsets.UTF_8);
        IOException last = null;
        for (String scheme : httpFirst ? new String[]{"http", "https"} : new String[]{"https"}) {
            try {
                OutgoingHttp.Response r = http.get(scheme + "://" + host + "/.well-known/webfinger?resource=" + resource, null);
                if (r.status() != 200) throw new IOException("WebFinger at " + host + " answered " + r.status());
                JsonNode wf = Json.MAPPER.readTree(r.body());
                for (JsonNode link : wf.path("links")) {
                    if ("self".equals(As.text(link, "rel")) && As.text(link, "href") != null) {
                        String type = As.text(link, "type");
                        if (type == null || type.contains("activity+json") || type.contains("ld+json")) {
                            return resolve(As.text(link, "href"));
                        }
                    }
                }
                throw new IOException("WebFinger at " + host + " gives no ActivityPub actor for " + h);
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }
}
