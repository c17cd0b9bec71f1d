/** The one HTTP client federation uses: https only, no internal addresses, capped, signed. */
package org.peerlet.federation.net;
