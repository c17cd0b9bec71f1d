/**
 * HTTP Signatures (draft-cavage, rsa-sha256) and the Digest header, for signing what we send and
 * checking what we receive. No web framework types here: requests are plain records.
 */
package org.peerlet.federation.signature;
