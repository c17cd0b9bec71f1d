/** ActivityStreams vocabulary, our actors and remote ones, and the JSON shapes we publish. */
package org.peerlet.federation.model;
