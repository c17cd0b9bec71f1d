/**
 * Keeping a community civil: reports (PeerTube's abuses) and the messages about them, sent to and
 * received from other servers as {@code Flag}s; the only writer of the {@code abuses} tables.
 */
package org.peerlet.moderation;
