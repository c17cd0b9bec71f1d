/** Notifications as PeerTube's API has them: who is told what, read or not, and per-type settings. */
package org.peerlet.notification;
