/** WebFinger, host-meta, NodeInfo, and the actor, collection and video documents others fetch. */
package org.peerlet.federation.discovery;
