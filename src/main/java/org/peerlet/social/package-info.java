/** Comments and ratings on videos, local and federated, with PeerTube's comment-thread and rate API. */
package org.peerlet.social;
