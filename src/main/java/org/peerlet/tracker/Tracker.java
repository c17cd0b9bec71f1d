package org.peerlet.tracker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.peerlet.common.RateLimiter;
import org.peerlet.common.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The WebTorrent tracker protocol over WebSocket, as bittorrent-tracker's server speaks it to
 * its WebSocket clients (p2p-media-loader among them). Knows nothing of Javalin: sockets come in
 * as {@link Link}s.
 *
 * <h2>Messages</h2>
 * <ul>
 *   <li>Announce: {@code {"action":"announce","info_hash","peer_id","numwant","offers":[{"offer","offer_id"}],
 *       "left","event"}}. The announcer gets {@code {"action":"announce","interval","info_hash","complete","incomplete"}};
 *       then each offer (at most {@link TrackerLimits#maxOffersPerAnnounce()}) goes to a distinct random other
 *       peer of the swarm as {@code {"action":"announce","offer","offer_id","peer_id","info_hash"}}.
 *       As in bittorrent-tracker, the number of offers decides how many peers are wanted; {@code numwant} is not used.</li>
 *   <li>Answer: an announce with {@code "answer","offer_id","to_peer_id"}; it is forwarded to that peer of the
 *       same swarm as {@code {"action":"announce","answer","offer_id","peer_id","info_hash"}}, and answered like
 *       any announce. An unknown {@code to_peer_id} is dropped silently, as bittorrent-tracker does.</li>
 *   <li>Events: {@code started}, {@code completed} (the peer becomes a seeder), {@code stopped} (the peer leaves
 *       the swarm), none or {@code update}. {@code left == 0} also makes a seeder; a missing {@code left} means
 *       a leecher (p2p-media-loader never sends it, so its peers are all "incomplete").</li>
 *   <li>Scrape: {@code {"action":"scrape","info_hash": "<20 chars>" | [..]}} gets
 *       {@code {"action":"scrape","files":{hash:{"complete","incomplete","downloaded"}},"flags":{"min_request_interval"}}};
 *       {@code downloaded} counts {@code completed} events. A scrape without info-hashes is refused
 *       (bittorrent-tracker would list every swarm).</li>
 *   <li>Errors: {@code {"failure reason": "..."}}, plus {@code action} and {@code info_hash} once they are known.</li>
 * </ul>
 *
 * <h2>Not an open relay</h2>
 * Every announce is checked against the {@link SwarmPolicy}; other bounds are in {@link TrackerLimits} and
 * closes use {@link CloseCodes}. A peer that has not announced for {@link TrackerLimits#peerTimeout()} leaves its
 * swarm: lazily when its swarm is touched, and on a sweep every {@value #SWEEP_SECONDS} s that also pings quiet
 * sockets and closes idle ones. Time comes from the injected clock, so tests move it instead of sleeping.
 *
 * <p>Threading: messages of one socket arrive one at a time, sockets concurrently. Swarms are guarded
 * by one lock held only for map updates; JSON is parsed and written and messages are sent outside it.
 */
public final class Tracker implements AutoCloseable {
    static final int SWEEP_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger("tracker");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_OFFER_ID_CHARS = 64;
    /** Swarms a socket is remembered to have joined (a player uses one per variant, so a few). */
    private static final int MAX_ADMITTED_PER_SOCKET = 64;

    private final boolean enabled;
    private final SwarmPolicy policy;
    private final TrackerLimits limits;
    private final Clock clock;
    private final Random random = new Random();

    private final Map<String, Swarm> swarms = new HashMap<>();
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, Integer> socketsPerIp = new ConcurrentHashMap<>();
    private final AtomicInteger sockets = new AtomicInteger();
    private final RateLimiter perAddress;
    private final RateLimiter perAddressAndSwarm;

    private final MinuteCounter messages;
    private final MinuteCounter announces;
    private final MinuteCounter offersRelayed;
    private final MinuteCounter answersRelayed;
    private final AtomicLongArray refusals = new AtomicLongArray(Refusal.values().length);
    private ScheduledExecutorService sweeper;

    public Tracker(boolean enabled, SwarmPolicy policy, TrackerLimits limits, Clock clock) {
        this.enabled = enabled;
        this.policy = policy;
        this.limits = limits;
        this.clock = clock;
        this.perAddress = new RateLimiter(limits.announcesPerIp(), limits.rateWindow(), Times.ticker(clock));
        this.perAddressAndSwarm = new RateLimiter(limits.announcesPerIpPerSwarm(), limits.rateWindow(), Times.ticker(clock));
        this.messages = new MinuteCounter(clock);
        this.announces = new MinuteCounter(clock);
        this.offersRelayed = new MinuteCounter(clock);
        this.answersRelayed = new MinuteCounter(clock);
        if (policy instanceof KnownSwarms known) known.onForget(this::dropSwarm);
    }

    /** Starts the periodic sweep (expiry, pings, idle sockets). */
    public synchronized void start() {
        if (sweeper != null || !enabled) return;
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tracker-sweep");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                sweep();
            } catch (RuntimeException e) {
                LOG.warn("tracker sweep failed", e);
            }
        }, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void close() {
        if (sweeper != null) sweeper.shutdownNow();
        sweeper = null;
    }

    public boolean enabled() {
        return enabled;
    }

    public TrackerLimits limits() {
        return limits;
    }

    // ---- sockets -------------------------------------------------------------------------

    /** A socket opened; returns its handle, or null when it was refused (and closed). */
    Client open(Link link, String token) {
        if (!enabled) {
            count(Refusal.P2P_DISABLED);
            link.close(CloseCodes.P2P_DISABLED, "peer-to-peer is disabled on this instance");
            return null;
        }
        if (sockets.incrementAndGet() > limits.maxSockets()) {
            sockets.decrementAndGet();
            count(Refusal.TRACKER_FULL);
            link.close(CloseCodes.TRACKER_FULL, "the tracker is full, retry later");
            return null;
        }
        String ip = link.ip();
        boolean[] admitted = {false};
        socketsPerIp.compute(ip, (k, n) -> {
            int now = n == null ? 0 : n;
            if (now >= limits.maxSocketsPerIp()) return n;
            admitted[0] = true;
            return now + 1;
        });
        if (!admitted[0]) {
            sockets.decrementAndGet();
            count(Refusal.TOO_MANY_SOCKETS_FROM_ADDRESS);
            link.close(CloseCodes.TOO_MANY_SOCKETS_FROM_ADDRESS, "too many tracker connections from your address");
            return null;
        }
        Client c = new Client(link, ip, token, clock.millis());
        clients.add(c);
        return c;
    }

    /** A socket closed (by either side); its peers leave their swarms. Safe to call twice. */
    void closed(Client c) {
        if (!c.released.compareAndSet(false, true)) return;
        c.closing = true;
        clients.remove(c);
        synchronized (this) {
            for (Peer p : new ArrayList<>(c.peers.values())) leave(p);
            c.peers.clear();
        }
        socketsPerIp.computeIfPresent(c.ip, (k, n) -> n <= 1 ? null : n - 1);
        sockets.decrementAndGet();
    }

    private void closeClient(Client c, int code, String reason) {
        if (c.closing) return;
        c.closing = true;
        LOG.info("closing tracker socket from {}: {} ({})", c.ip, reason, code);
        c.link.close(code, reason);
        closed(c);
    }

    // ---- messages ------------------------------------------------------------------------

    /** One text message from a socket. */
    void message(Client c, String text) {
        if (c.closing) return;
        long now = clock.millis();
        c.lastMessage = now;
        messages.add(1);
        if (now - c.windowStart >= limits.rateWindow().toMillis()) {
            c.windowStart = now;
            c.windowCount = 0;
        }
        if (++c.windowCount > limits.messagesPerSocket()) {
            count(Refusal.FLOODING);
            closeClient(c, CloseCodes.FLOODING, "too many messages");
            return;
        }
        if (text.length() > limits.maxMessageChars()) {
            bad(c, Refusal.TOO_LARGE, null, null,
                    "message too large: " + text.length() + " chars, at most " + limits.maxMessageChars());
            return;
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            bad(c, Refusal.MALFORMED, null, null, "invalid JSON");
            return;
        }
        if (root == null || !root.isObject()) {
            bad(c, Refusal.MALFORMED, null, null, "a message must be a JSON object");
            return;
        }
        JsonNode action = root.get("action");
        String name = action != null && action.isTextual() ? action.asText() : null;
        if ("announce".equals(name)) {
            announce(c, root, now);
        } else if ("scrape".equals(name)) {
            scrape(c, root, now);
        } else {
            bad(c, Refusal.MALFORMED, null, null, "invalid action in WS request: " + shorten(action));
        }
    }

    private record Parsed(String infoHash, String peerId, String event, Double left, List<JsonNode> offers,
                          JsonNode answer, String offerId, String toPeerId) {
    }

    /**
     * Whether this socket may announce to (or count) a swarm: a newcomer needs a good token, a
     * socket the swarm admitted before only a grant that still holds. Only announces join.
     */
    private boolean admits(Client c, String infoHash, boolean joining) {
        boolean member = c.admitted.contains(infoHash);
        boolean ok = member ? policy.stillAdmits(infoHash, c.token) : policy.admits(infoHash, c.token);
        if (!ok) {
            c.admitted.remove(infoHash);
        } else if (joining && !member && c.admitted.size() < MAX_ADMITTED_PER_SOCKET) {
            c.admitted.add(infoHash);
        }
        return ok;
    }

    private void announce(Client c, JsonNode root, long now) {
        String infoHash = binary(root.get("info_hash"));
        if (infoHash == null) {
            bad(c, Refusal.MALFORMED, "announce", null, "invalid info_hash");
            return;
        }
        Parsed m = parseAnnounce(c, root, infoHash);
        if (m == null) return;
        if (!admits(c, infoHash, true)) {
            count(Refusal.UNKNOWN_INFO_HASH);
            send(c, failure("announce", infoHash, "unknown info_hash"));
            if (++c.refusals >= limits.maxRefusalsPerSocket()) {
                closeClient(c, CloseCodes.UNKNOWN_INFO_HASHES, "too many announces for unknown info_hash");
            }
            return;
        }
        boolean stopping = "stopped".equals(m.event);
        if (m.answer == null && !stopping) {
            Refusal limited = !perAddress.tryAcquire(c.ip) ? Refusal.RATE_LIMITED_ADDRESS
                    : !perAddressAndSwarm.tryAcquire(c.ip + '\n' + infoHash) ? Refusal.RATE_LIMITED_SWARM : null;
            if (limited != null) {
                count(limited);
                send(c, failure("announce", infoHash, limited == Refusal.RATE_LIMITED_ADDRESS
                        ? "too many announces from your address, retry in " + limits.rateWindow().toSeconds() + " s"
                        : "too many announces for this info_hash from your address, retry in " + limits.rateWindow().toSeconds() + " s"));
                if (++c.rateLimited >= limits.maxRateLimitedPerSocket()) {
                    closeClient(c, CloseCodes.FLOODING, "kept announcing over the rate limit");
                }
                return;
            }
        }
        announces.add(1);

        List<Peer> targets = List.of();
        Client answerTo = null;
        int complete;
        int incomplete;
        String refusal = null;
        synchronized (this) {
            if (c.closing) return;
            Swarm s = swarms.get(infoHash);
            if (s != null) s.expire(now - limits.peerTimeout().toMillis(), this::forgetPeer);
            Peer self = s == null ? null : s.get(m.peerId);
            if (self != null && self.client != c) {
                refusal = "peer_id already in use in this swarm";
                self = null;
            } else if (stopping) {
                if (self != null) leave(self);
                else removeIfEmpty(s);
            } else {
                if (s == null) {
                    if (swarms.size() >= limits.maxSwarms()) {
                        count(Refusal.TOO_MANY_SWARMS);
                        refusal = "the tracker serves too many swarms, retry later";
                    } else {
                        s = new Swarm(infoHash);
                        swarms.put(infoHash, s);
                    }
                }
                if (refusal == null && self == null) {
                    Peer previous = c.peers.get(infoHash);
                    if (previous != null) leave(previous); // the socket changed its peer id in this swarm
                    if (s.size() >= limits.maxPeersPerSwarm()) {
                        count(Refusal.SWARM_FULL);
                        refusal = "this swarm is full";
                        removeIfEmpty(s);
                    } else {
                        self = new Peer(m.peerId, c, s);
                        s.add(self);
                        c.peers.put(infoHash, self);
                    }
                }
                if (self != null) {
                    s.touch(self, now);
                    if ("completed".equals(m.event)) s.becomeSeeder(self, true);
                    else if (m.left != null && m.left == 0) s.becomeSeeder(self, false);
                    if (!m.offers.isEmpty()) targets = s.pick(m.offers.size(), self, random);
                    if (m.answer != null) {
                        Peer to = s.get(m.toPeerId);
                        if (to != null && to != self) answerTo = to.client;
                    }
                }
            }
            Swarm after = swarms.get(infoHash);
            complete = after == null ? 0 : after.seeders();
            incomplete = after == null ? 0 : after.leechers();
        }
        if (refusal != null) {
            send(c, failure("announce", infoHash, refusal));
            return;
        }

        ObjectNode reply = JSON.createObjectNode();
        reply.put("action", "announce");
        reply.put("interval", limits.intervalSeconds());
        reply.put("info_hash", infoHash);
        reply.put("complete", complete);
        reply.put("incomplete", incomplete);
        send(c, write(reply));

        for (int i = 0; i < targets.size(); i++) {
            JsonNode offer = m.offers.get(i);
            ObjectNode relay = JSON.createObjectNode();
            relay.put("action", "announce");
            relay.set("offer", offer.get("offer"));
            relay.set("offer_id", offer.get("offer_id"));
            relay.put("peer_id", m.peerId);
            relay.put("info_hash", infoHash);
            send(targets.get(i).client, write(relay));
        }
        offersRelayed.add(targets.size());

        if (answerTo != null) {
            ObjectNode relay = JSON.createObjectNode();
            relay.put("action", "announce");
            relay.set("answer", m.answer);
            relay.put("offer_id", m.offerId);
            relay.put("peer_id", m.peerId);
            relay.put("info_hash", infoHash);
            send(answerTo, write(relay));
            answersRelayed.add(1);
        }
    }

    /** Checks the announce fields; answers and returns null when one is wrong. */
    private Parsed parseAnnounce(Client c, JsonNode root, String infoHash) {
        String peerId = binary(root.get("peer_id"));
        if (peerId == null) return badAnnounce(c, infoHash, "invalid peer_id");

        JsonNode ev = root.get("event");
        String event = null;
        if (ev != null && !ev.isNull()) {
            if (!ev.isTextual()) return badAnnounce(c, infoHash, "invalid event");
            event = ev.asText();
            if (!Set.of("", "empty", "update", "started", "stopped", "completed").contains(event)) {
                return badAnnounce(c, infoHash, "invalid event: " + shorten(ev));
            }
        }

        List<JsonNode> offers = new ArrayList<>();
        JsonNode of = root.get("offers");
        if (of != null && !of.isNull()) {
            if (!of.isArray()) return badAnnounce(c, infoHash, "offers must be an array");
            for (JsonNode o : of) {
                if (offers.size() == limits.maxOffersPerAnnounce()) break;
                if (!o.isObject() || !o.path("offer").isObject() || !validOfferId(o.get("offer_id"))) {
                    return badAnnounce(c, infoHash, "each offer needs an offer object and an offer_id string");
                }
                offers.add(o);
            }
        }

        JsonNode answer = root.get("answer");
        String offerId = null;
        String toPeerId = null;
        if (answer != null && !answer.isNull()) {
            if (!answer.isObject()) return badAnnounce(c, infoHash, "answer must be an object");
            toPeerId = binary(root.get("to_peer_id"));
            if (toPeerId == null) return badAnnounce(c, infoHash, "invalid `to_peer_id` (required with `answer`)");
            if (!validOfferId(root.get("offer_id"))) return badAnnounce(c, infoHash, "invalid offer_id (required with `answer`)");
            offerId = root.get("offer_id").asText();
        } else {
            answer = null;
        }
        return new Parsed(infoHash, peerId, event, left(root.get("left")), offers, answer, offerId, toPeerId);
    }

    private Parsed badAnnounce(Client c, String infoHash, String reason) {
        bad(c, Refusal.MALFORMED, "announce", infoHash, reason);
        return null;
    }

    private void scrape(Client c, JsonNode root, long now) {
        JsonNode ih = root.get("info_hash");
        List<String> hashes = new ArrayList<>();
        if (ih != null && ih.isTextual()) {
            String h = binary(ih);
            if (h == null) {
                bad(c, Refusal.MALFORMED, "scrape", null, "invalid info_hash");
                return;
            }
            hashes.add(h);
        } else if (ih != null && ih.isArray()) {
            for (JsonNode n : ih) {
                String h = binary(n);
                if (h == null) {
                    bad(c, Refusal.MALFORMED, "scrape", null, "invalid info_hash");
                    return;
                }
                hashes.add(h);
            }
        }
        if (hashes.isEmpty()) {
            bad(c, Refusal.MALFORMED, "scrape", null, "scrape needs info_hash: a string or an array of them");
            return;
        }
        if (hashes.size() > limits.maxScrapeHashes()) {
            bad(c, Refusal.MALFORMED, "scrape", null, "at most " + limits.maxScrapeHashes() + " info_hash per scrape");
            return;
        }
        if (!perAddress.tryAcquire(c.ip)) {
            count(Refusal.RATE_LIMITED_ADDRESS);
            send(c, failure("scrape", null, "too many requests from your address, retry in " + limits.rateWindow().toSeconds() + " s"));
            if (++c.rateLimited >= limits.maxRateLimitedPerSocket()) closeClient(c, CloseCodes.FLOODING, "kept scraping over the rate limit");
            return;
        }
        ObjectNode files = JSON.createObjectNode();
        synchronized (this) {
            for (String h : hashes) {
                // A restricted swarm tells its counts only to holders of its token.
                Swarm s = admits(c, h, false) ? swarms.get(h) : null;
                if (s != null) {
                    s.expire(now - limits.peerTimeout().toMillis(), this::forgetPeer);
                    removeIfEmpty(s);
                    if (swarms.get(h) == null) s = null;
                }
                ObjectNode f = files.putObject(h);
                f.put("complete", s == null ? 0 : s.seeders());
                f.put("incomplete", s == null ? 0 : s.leechers());
                f.put("downloaded", s == null ? 0 : s.completed());
            }
        }
        ObjectNode reply = JSON.createObjectNode();
        reply.put("action", "scrape");
        reply.set("files", files);
        reply.putObject("flags").put("min_request_interval", limits.intervalSeconds());
        send(c, write(reply));
    }

    // ---- swarm bookkeeping (callers hold the lock) --------------------------------------

    private void leave(Peer p) {
        Swarm s = p.swarm;
        s.remove(p);
        forgetPeer(p);
        removeIfEmpty(s);
    }

    /** After a peer left its swarm: the socket no longer has a peer there. */
    private void forgetPeer(Peer p) {
        p.client.peers.remove(p.swarm.infoHash, p);
    }

    private void removeIfEmpty(Swarm s) {
        if (s != null && s.size() == 0) swarms.remove(s.infoHash, s);
    }

    /** The policy forgot this hash: its swarm goes away now. */
    void dropSwarm(String infoHash) {
        synchronized (this) {
            Swarm s = swarms.remove(infoHash);
            if (s == null) return;
            for (Peer p : s.all()) {
                s.remove(p);
                forgetPeer(p);
            }
        }
    }

    /**
     * Peers whose socket no longer holds a grant for their swarm (its user's sessions ended, say)
     * leave it now, instead of at their next announce: no more offers reach them. The policy is
     * asked outside the lock, as it may read the database.
     */
    public void recheckGrants() {
        List<Peer> all = new ArrayList<>();
        synchronized (this) {
            for (Swarm s : swarms.values()) all.addAll(s.all());
        }
        List<Peer> gone = all.stream().filter(p -> !policy.stillAdmits(p.swarm.infoHash, p.client.token)).toList();
        if (gone.isEmpty()) return;
        synchronized (this) {
            for (Peer p : gone) {
                if (p.swarm.get(p.peerId) == p) leave(p);
            }
        }
    }

    /**
     * Expires silent peers and drops empty swarms, drops peers whose grant ended (a change made by
     * another process, such as the admin tool, shows only here), pings sockets quiet for a sweep
     * period and closes sockets that are in no swarm and were silent longer than the peer timeout.
     * Runs every {@value #SWEEP_SECONDS} s; tests call it after moving the clock.
     */
    public void sweep() {
        recheckGrants();
        long now = clock.millis();
        long cutoff = now - limits.peerTimeout().toMillis();
        List<Client> idle = new ArrayList<>();
        synchronized (this) {
            for (Swarm s : new ArrayList<>(swarms.values())) {
                s.expire(cutoff, this::forgetPeer);
                removeIfEmpty(s);
            }
            for (Client c : clients) if (c.lastMessage < cutoff && c.peers.isEmpty()) idle.add(c);
        }
        for (Client c : idle) closeClient(c, CloseCodes.IDLE, "no announce for " + limits.peerTimeout().toSeconds() + " s");
        long quiet = TimeUnit.SECONDS.toMillis(SWEEP_SECONDS) - 1000;
        for (Client c : clients) {
            if (now - Math.max(c.lastMessage, c.lastPing) >= quiet) {
                c.lastPing = now;
                c.link.ping();
            }
        }
    }

    // ---- stats ---------------------------------------------------------------------------

    public TrackerStats stats() {
        int swarmCount;
        int peers = 0;
        int seeders = 0;
        synchronized (this) {
            swarmCount = swarms.size();
            for (Swarm s : swarms.values()) {
                peers += s.size();
                seeders += s.seeders();
            }
        }
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (Refusal r : Refusal.values()) byReason.put(r.key(), refusals.get(r.ordinal()));
        long msgs = messages.lastMinute();
        int admitted = policy instanceof KnownSwarms k ? k.size() : -1;
        return new TrackerStats(enabled, admitted, swarmCount, peers, seeders, peers - seeders, sockets.get(),
                Math.round(msgs / 60.0 * 100) / 100.0, msgs, announces.lastMinute(), offersRelayed.lastMinute(),
                answersRelayed.lastMinute(), byReason, limits.intervalSeconds(), limits.peerTimeout().toSeconds());
    }

    // ---- helpers -------------------------------------------------------------------------

    private void send(Client c, String text) {
        if (c.closing) return;
        if (c.pendingSends.incrementAndGet() > limits.maxPendingSends()) {
            c.pendingSends.decrementAndGet();
            count(Refusal.SLOW_CONSUMER);
            closeClient(c, CloseCodes.SLOW_CONSUMER, "too many messages waiting: the client does not read");
            return;
        }
        c.link.send(text, c.pendingSends::decrementAndGet);
    }

    private void bad(Client c, Refusal why, String action, String infoHash, String reason) {
        count(why);
        send(c, failure(action, infoHash, reason));
        if (++c.badMessages >= limits.maxBadMessagesPerSocket()) {
            closeClient(c, CloseCodes.TOO_MANY_BAD_MESSAGES, "too many malformed messages");
        }
    }

    private static String failure(String action, String infoHash, String reason) {
        ObjectNode n = JSON.createObjectNode();
        if (action != null) n.put("action", action);
        n.put("failure reason", reason);
        if (infoHash != null) n.put("info_hash", infoHash);
        return write(n);
    }

    private void count(Refusal r) {
        refusals.incrementAndGet(r.ordinal());
    }

    /** A 20-char binary string, or null. */
    private static String binary(JsonNode n) {
        if (n == null || !n.isTextual()) return null;
        String s = n.asText();
        return InfoHashes.isWellFormed(s) ? s : null;
    }

    private static boolean validOfferId(JsonNode n) {
        return n != null && n.isTextual() && !n.asText().isEmpty() && n.asText().length() <= MAX_OFFER_ID_CHARS;
    }

    /** {@code left} as JavaScript's Number() reads it; null for "unknown" (a leecher). */
    private static Double left(JsonNode n) {
        if (n == null) return null;
        if (n.isNull()) return 0.0;
        if (n.isNumber()) return n.asDouble();
        if (n.isBoolean()) return n.asBoolean() ? 1.0 : 0.0;
        if (n.isTextual()) {
            String t = n.asText().strip();
            if (t.isEmpty()) return 0.0;
            try {
                return Double.parseDouble(t);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String shorten(JsonNode n) {
        String s = n == null ? "undefined" : n.isTextual() ? n.asText() : n.toString();
        return s.length() > 32 ? s.substring(0, 32) + "..." : s;
    }

    private static String write(JsonNode n) {
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
