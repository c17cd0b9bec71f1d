/**
 * ActivityPub federation, PeerTube-compatible: our actors and their keys ({@link
 * org.peerlet.federation.LocalActors}), remote actors ({@link org.peerlet.federation.RemoteActors}),
 * follows both ways ({@link org.peerlet.federation.Follows}), what we send ({@link
 * org.peerlet.federation.Publisher}) and the remote videos we keep ({@link
 * org.peerlet.federation.RemoteVideos}), and likewise for playlists ({@link
 * org.peerlet.federation.PlaylistPublisher}, {@link org.peerlet.federation.RemotePlaylists}). Subpackages: {@code signature} (HTTP Signatures, no web
 * types), {@code net} (the guarded outgoing client), {@code model} (ActivityStreams shapes),
 * {@code inbox} (one dispatch table), {@code delivery} (SQLite outbox and retry table),
 * {@code discovery} (WebFinger, NodeInfo, actor documents).
 */
package org.peerlet.federation;
