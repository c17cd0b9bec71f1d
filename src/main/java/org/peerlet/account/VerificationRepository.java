package org.peerlet.account;

import org.jooq.DSLContext;

import static org.peerlet.db.schema.Tables.USER_VERIFICATIONS;

/** The only place with SQL for e-mailed codes; it sees their hashes, never the codes. */
final class VerificationRepository {

    /** The user's one live code for this purpose: a new one replaces the last. */
    void put(DSLContext tx, long userId, String purpose, String codeHash, long expiresAt, long now) {
        tx.deleteFrom(USER_VERIFICATIONS)
                .where(USER_VERIFICATIONS.USER_ID.eq(userId).and(USER_VERIFICATIONS.PURPOSE.eq(purpose))).execute();
        tx.insertInto(USER_VERIFICATIONS).set(USER_VERIFICATIONS.USER_ID, userId).set(USER_VERIFICATIONS.PURPOSE, purpose)
                .set(USER_VERIFICATIONS.CODE_HASH, codeHash).set(USER_VERIFICATIONS.EXPIRES_AT, expiresAt)
                .set(USER_VERIFICATIONS.CREATED_AT, now).execute();
    }

    /** Uses up the code if it is the user's live one for this purpose and not expired; true when it was. */
    boolean take(DSLContext tx, long userId, String purpose, String codeHash, long now) {
        return tx.deleteFrom(USER_VERIFICATIONS).where(USER_VERIFICATIONS.USER_ID.eq(userId)
                .and(USER_VERIFICATIONS.PURPOSE.eq(purpose)).and(USER_VERIFICATIONS.CODE_HASH.eq(codeHash))
                .and(USER_VERIFICATIONS.EXPIRES_AT.gt(now))).execute() == 1;
    }
}
