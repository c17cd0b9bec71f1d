/** The inbox: parse, refuse blocked servers, verify, and dispatch through one table of small handlers. */
package org.peerlet.federation.inbox;
