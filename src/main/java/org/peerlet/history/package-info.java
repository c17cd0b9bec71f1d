/** Watch history as PeerTube keeps it: where each user stopped in each video, to resume and to list. */
package org.peerlet.history;
