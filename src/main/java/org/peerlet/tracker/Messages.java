package org.peerlet.tracker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tracker's messages as JSON text, read and written (the shapes are listed on {@link Tracker}).
 * Reading checks every field a client sends; what is wrong becomes a {@link BadMessage} whose text
 * is the failure reason the client gets.
 */
final class Messages {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_OFFER_ID_CHARS = 64;
    private static final Set<String> EVENTS = Set.of("", "empty", "update", "started", "stopped", "completed");

    private Messages() {
    }

    /** A message the tracker cannot use; the text is the reason told to the client. */
    static final class BadMessage extends Exception {
        BadMessage(String reason) {
            super(reason, null, false, false);
        }
    }

    // ---- reading ------------------------------------------------------------------------

    /** The message as a JSON object. */
    static JsonNode parse(String text) throws BadMessage {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadMessage("invalid JSON");
        }
        if (root == null || !root.isObject()) throw new BadMessage("a message must be a JSON object");
        return root;
    }

    /** The fields of an announce whose {@code info_hash} was read already. */
    static Announce announce(JsonNode root, String infoHash, int maxOffers) throws BadMessage {
        String peerId = binary(root.get("peer_id"));
        if (peerId == null) throw new BadMessage("invalid peer_id");
        String event = event(root.get("event"));
        List<JsonNode> offers = offers(root.get("offers"), maxOffers);
        JsonNode answer = root.get("answer");
        if (answer == null || answer.isNull()) {
            return new Announce(infoHash, peerId, event, left(root.get("left")), offers, null, null, null);
        }
        if (!answer.isObject()) throw new BadMessage("answer must be an object");
        String toPeerId = binary(root.get("to_peer_id"));
        if (toPeerId == null) throw new BadMessage("invalid `to_peer_id` (required with `answer`)");
        if (!validOfferId(root.get("offer_id"))) throw new BadMessage("invalid offer_id (required with `answer`)");
        return new Announce(infoHash, peerId, event, left(root.get("left")), offers, answer,
                root.get("offer_id").asText(), toPeerId);
    }

    private static String event(JsonNode ev) throws BadMessage {
        if (ev == null || ev.isNull()) return null;
        if (!ev.isTextual()) throw new BadMessage("invalid event");
        if (!EVENTS.contains(ev.asText())) throw new BadMessage("invalid event: " + shorten(ev));
        return ev.asText();
    }

    /** The first {@code max} offers; the rest are ignored, as the number of offers is the number of peers wanted. */
    private static List<JsonNode> offers(JsonNode of, int max) throws BadMessage {
        List<JsonNode> offers = new ArrayList<>();
        if (of == null || of.isNull()) return offers;
        if (!of.isArray()) throw new BadMessage("offers must be an array");
        for (JsonNode o : of) {
            if (offers.size() == max) break;
            if (!o.isObject() || !o.path("offer").isObject() || !validOfferId(o.get("offer_id"))) {
                throw new BadMessage("each offer needs an offer object and an offer_id string");
            }
            offers.add(o);
        }
        return offers;
    }

    /** A scrape's info-hashes: one string or an array of them, at most {@code max}. */
    static List<String> scrapeHashes(JsonNode root, int max) throws BadMessage {
        JsonNode ih = root.get("info_hash");
        List<String> hashes = new ArrayList<>();
        if (ih != null && (ih.isTextual() || ih.isArray())) {
            for (JsonNode n : ih.isArray() ? ih : List.of(ih)) {
                String h = binary(n);
                if (h == null) throw new BadMessage("invalid info_hash");
                hashes.add(h);
            }
        }
        if (hashes.isEmpty()) throw new BadMessage("scrape needs info_hash: a string or an array of them");
        if (hashes.size() > max) throw new BadMessage("at most " + max + " info_hash per scrape");
        return hashes;
    }

    /** A 20-char binary string, or null. */
    static String binary(JsonNode n) {
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

    /** A field's value for a failure reason, cut short. */
    static String shorten(JsonNode n) {
        String s = n == null ? "undefined" : n.isTextual() ? n.asText() : n.toString();
        return s.length() > 32 ? s.substring(0, 32) + "..." : s;
    }

    // ---- writing ------------------------------------------------------------------------

    /** The announcer's answer: how often to announce and how many peers the swarm has. */
    static String announced(String infoHash, int interval, int complete, int incomplete) {
        ObjectNode reply = JSON.createObjectNode();
        reply.put("action", "announce");
        reply.put("interval", interval);
        reply.put("info_hash", infoHash);
        reply.put("complete", complete);
        reply.put("incomplete", incomplete);
        return write(reply);
    }

    /** One offer of {@code from}, relayed to another peer. */
    static String offer(JsonNode offer, Announce from) {
        ObjectNode relay = JSON.createObjectNode();
        relay.put("action", "announce");
        relay.set("offer", offer.get("offer"));
        relay.set("offer_id", offer.get("offer_id"));
        relay.put("peer_id", from.peerId());
        relay.put("info_hash", from.infoHash());
        return write(relay);
    }

    /** The answer of {@code from}, relayed to the peer that made the offer. */
    static String answer(Announce from) {
        ObjectNode relay = JSON.createObjectNode();
        relay.put("action", "announce");
        relay.set("answer", from.answer());
        relay.put("offer_id", from.offerId());
        relay.put("peer_id", from.peerId());
        relay.put("info_hash", from.infoHash());
        return write(relay);
    }

    /** A scrape's answer, one entry per info-hash in the order asked. */
    static String scraped(Map<String, Swarms.Counts> counts, int interval) {
        ObjectNode reply = JSON.createObjectNode();
        reply.put("action", "scrape");
        ObjectNode files = reply.putObject("files");
        counts.forEach((hash, n) -> {
            ObjectNode f = files.putObject(hash);
            f.put("complete", n.complete());
            f.put("incomplete", n.incomplete());
            f.put("downloaded", n.downloaded());
        });
        reply.putObject("flags").put("min_request_interval", interval);
        return write(reply);
    }

    /** bittorrent-tracker's error shape; {@code action} and {@code infoHash} are left out when null. */
    static String failure(String action, String infoHash, String reason) {
        ObjectNode n = JSON.createObjectNode();
        if (action != null) n.put("action", action);
        n.put("failure reason", reason);
        if (infoHash != null) n.put("info_hash", infoHash);
        return write(n);
    }

    private static String write(JsonNode n) {
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
