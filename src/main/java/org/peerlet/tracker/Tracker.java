package org.peerlet.tracker;

import com.fasterxml.jackson.databind.JsonNode;
import org.peerlet.common.RateLimiter;
import org.peerlet.common.Times;
import org.peerlet.tracker.Messages.BadMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * <p>This class handles the protocol: it reads and answers messages ({@link Messages}), decides who
 * may announce, rate-limits, and relays offers and answers; the swarm state is in {@link Swarms}.
 * Threading: messages of one socket arrive one at a time, sockets concurrently. Each swarm has its
 * own lock, held only for its updates; JSON is parsed and written and messages are sent outside it.
 */
public final class Tracker implements AutoCloseable {
    static final int SWEEP_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger("tracker");
    /** Swarms a socket is remembered to have joined (a player uses one per variant, so a few). */
    private static final int MAX_ADMITTED_PER_SOCKET = 64;

    private final boolean enabled;
    private final SwarmPolicy policy;
    private final TrackerLimits limits;
    private final Clock clock;

    private final Swarms swarms;
    private final SocketSlots slots;
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
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
        this.swarms = new Swarms(limits);
        this.slots = new SocketSlots(limits);
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
        String ip = link.ip();
        Refusal full = slots.take(ip);
        if (full != null) {
            count(full);
            if (full == Refusal.TRACKER_FULL) link.close(CloseCodes.TRACKER_FULL, "the tracker is full, retry later");
            else link.close(CloseCodes.TOO_MANY_SOCKETS_FROM_ADDRESS, "too many tracker connections from your address");
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
        swarms.leaveAll(c);
        slots.release(c.ip);
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
            root = Messages.parse(text);
        } catch (BadMessage e) {
            bad(c, Refusal.MALFORMED, null, null, e.getMessage());
            return;
        }
        JsonNode action = root.get("action");
        String name = action != null && action.isTextual() ? action.asText() : null;
        if ("announce".equals(name)) {
            announce(c, root, now);
        } else if ("scrape".equals(name)) {
            scrape(c, root, now);
        } else {
            bad(c, Refusal.MALFORMED, null, null, "invalid action in WS request: " + Messages.shorten(action));
        }
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
        String infoHash = Messages.binary(root.get("info_hash"));
        if (infoHash == null) {
            bad(c, Refusal.MALFORMED, "announce", null, "invalid info_hash");
            return;
        }
        Announce a;
        try {
            a = Messages.announce(root, infoHash, limits.maxOffersPerAnnounce());
        } catch (BadMessage e) {
            bad(c, Refusal.MALFORMED, "announce", infoHash, e.getMessage());
            return;
        }
        if (!admits(c, infoHash, true)) {
            count(Refusal.UNKNOWN_INFO_HASH);
            send(c, Messages.failure("announce", infoHash, "unknown info_hash"));
            if (++c.refusals >= limits.maxRefusalsPerSocket()) {
                closeClient(c, CloseCodes.UNKNOWN_INFO_HASHES, "too many announces for unknown info_hash");
            }
            return;
        }
        if (a.answer() == null && !a.stopping() && rateLimited(c, infoHash)) return;
        announces.add(1);
        if (c.closing) return;
        Swarms.Outcome o = swarms.announce(c, a, now);
        if (o == null) return;
        if (o.counted() != null) count(o.counted());
        if (o.refusal() != null) {
            send(c, Messages.failure("announce", infoHash, o.refusal()));
            return;
        }
        send(c, Messages.announced(infoHash, limits.intervalSeconds(), o.complete(), o.incomplete()));
        relay(a, o);
    }

    /** Answers and returns true when the announce is over one of the per-address rate limits. */
    private boolean rateLimited(Client c, String infoHash) {
        Refusal limited = !perAddress.tryAcquire(c.ip) ? Refusal.RATE_LIMITED_ADDRESS
                : !perAddressAndSwarm.tryAcquire(c.ip + '\n' + infoHash) ? Refusal.RATE_LIMITED_SWARM : null;
        if (limited == null) return false;
        count(limited);
        send(c, Messages.failure("announce", infoHash, limited == Refusal.RATE_LIMITED_ADDRESS
                ? "too many announces from your address, retry in " + limits.rateWindow().toSeconds() + " s"
                : "too many announces for this info_hash from your address, retry in " + limits.rateWindow().toSeconds() + " s"));
        if (++c.rateLimited >= limits.maxRateLimitedPerSocket()) {
            closeClient(c, CloseCodes.FLOODING, "kept announcing over the rate limit");
        }
        return true;
    }

    /** Sends each offer to its picked peer, and the answer to the peer that made the offer. */
    private void relay(Announce a, Swarms.Outcome o) {
        for (int i = 0; i < o.offerTo().size(); i++) {
            send(o.offerTo().get(i).client, Messages.offer(a.offers().get(i), a));
        }
        offersRelayed.add(o.offerTo().size());
        if (o.answerTo() != null) {
            send(o.answerTo(), Messages.answer(a));
            answersRelayed.add(1);
        }
    }

    private void scrape(Client c, JsonNode root, long now) {
        List<String> hashes;
        try {
            hashes = Messages.scrapeHashes(root, limits.maxScrapeHashes());
        } catch (BadMessage e) {
            bad(c, Refusal.MALFORMED, "scrape", null, e.getMessage());
            return;
        }
        if (!perAddress.tryAcquire(c.ip)) {
            count(Refusal.RATE_LIMITED_ADDRESS);
            send(c, Messages.failure("scrape", null, "too many requests from your address, retry in " + limits.rateWindow().toSeconds() + " s"));
            if (++c.rateLimited >= limits.maxRateLimitedPerSocket()) closeClient(c, CloseCodes.FLOODING, "kept scraping over the rate limit");
            return;
        }
        Map<String, Swarms.Counts> files = new LinkedHashMap<>();
        for (String h : hashes) {
            // A restricted swarm tells its counts only to holders of its token.
            files.put(h, admits(c, h, false) ? swarms.counts(h, now) : Swarms.Counts.NONE);
        }
        send(c, Messages.scraped(files, limits.intervalSeconds()));
    }

    // ---- upkeep --------------------------------------------------------------------------

    /** The policy forgot this hash: its swarm goes away now. */
    void dropSwarm(String infoHash) {
        swarms.drop(infoHash);
    }

    /**
     * Peers whose socket no longer holds a grant for their swarm (its user's sessions ended, say)
     * leave it now, instead of at their next announce: no more offers reach them. The policy is
     * asked outside the lock, as it may read the database.
     */
    public void recheckGrants() {
        for (Peer p : swarms.allPeers()) {
            if (!policy.stillAdmits(p.swarm.infoHash, p.client.token)) swarms.leaveIfStill(p);
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
        swarms.expireAll(now);
        List<Client> idle = new ArrayList<>();
        for (Client c : clients) if (c.lastMessage < cutoff && c.inNoSwarm()) idle.add(c);
        for (Client c : idle) closeClient(c, CloseCodes.IDLE, "no announce for " + limits.peerTimeout().toSeconds() + " s");
        long quiet = TimeUnit.SECONDS.toMillis(SWEEP_SECONDS) - 1000;
        for (Client c : clients) {
            if (now - Math.max(c.lastMessage, c.lastPing) >= quiet) {
                c.lastPing = now;
                c.link.ping();
            }
        }
    }

    public TrackerStats stats() {
        Swarms.Totals t = swarms.totals();
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (Refusal r : Refusal.values()) byReason.put(r.key(), refusals.get(r.ordinal()));
        long msgs = messages.lastMinute();
        int admitted = policy instanceof KnownSwarms k ? k.size() : -1;
        return new TrackerStats(enabled, admitted, t.swarms(), t.peers(), t.seeders(), t.peers() - t.seeders(), slots.open(),
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
        send(c, Messages.failure(action, infoHash, reason));
        if (++c.badMessages >= limits.maxBadMessagesPerSocket()) {
            closeClient(c, CloseCodes.TOO_MANY_BAD_MESSAGES, "too many malformed messages");
        }
    }

    private void count(Refusal r) {
        refusals.incrementAndGet(r.ordinal());
    }
}
