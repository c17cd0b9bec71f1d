/** Chapters as PeerTube's API has them: set by the owner, or read from timestamps in the description. */
package org.peerlet.chapter;
