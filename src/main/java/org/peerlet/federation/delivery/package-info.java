/** The outbox: deliveries kept in SQLite, a worker that sends them, and the retry table. */
package org.peerlet.federation.delivery;
