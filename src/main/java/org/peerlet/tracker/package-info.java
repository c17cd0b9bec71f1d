/**
 * The built-in WebTorrent tracker at {@code /tracker/socket}: WebSocket signalling that lets
 * viewers of the same HLS stream find each other and swap WebRTC offers and answers, as
 * p2p-media-loader (through bittorrent-tracker's client) expects.
 *
 * <p>What other code uses:
 * <ul>
 *   <li>{@link org.peerlet.tracker.KnownSwarms}: the set of admitted info-hashes; the video feature
 *       admits a public video's hashes when its HLS is published and forgets them when it goes away.</li>
 *   <li>{@link org.peerlet.tracker.InfoHashes}: how a player derives the info-hash of a stream, so the
 *       server can compute the admitted set.</li>
 *   <li>{@link org.peerlet.tracker.SwarmPolicy}: who may join which swarm (tokens for private videos later).</li>
 *   <li>{@link org.peerlet.tracker.CloseCodes}: why the tracker closed a socket.</li>
 * </ul>
 * {@link org.peerlet.tracker.Tracker} holds the protocol logic and knows nothing of Javalin; the
 * swarm state it changes is in {@code Swarms} (a lock per swarm), the message shapes in {@code Messages};
 * {@link org.peerlet.tracker.TrackerRoutes} binds it to the WebSocket route and the admin stats endpoint.
 */
package org.peerlet.tracker;
