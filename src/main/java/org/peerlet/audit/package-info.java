/**
 * The audit log of moderation: every change a moderator or an admin made through a route only
 * they may call (who, what, on what, why, when), readable by admins. The only writer of {@code audit_log}.
 */
package org.peerlet.audit;
