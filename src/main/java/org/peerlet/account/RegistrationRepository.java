package org.peerlet.account;

import static org.peerlet.db.schema.Tables.USER_REGISTRATIONS;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.util.List;
import java.util.Optional;

/** The only place with SQL for registrations. */
final class RegistrationRepository {
    private static final org.peerlet.db.schema.tables.UserRegistrations R = USER_REGISTRATIONS;

    long insert(DSLContext tx, Registration r) {
        return tx.insertInto(R).set(R.STATE, Registration.PENDING).set(R.REGISTRATION_REASON, r.reason())
                .set(R.USERNAME, r.username()).set(R.EMAIL, r.email()).set(R.PASSWORD_HASH, r.passwordHash())
                .set(R.ACCOUNT_DISPLAY_NAME, r.displayName()).set(R.CHANNEL_NAME, r.channelName())
                .set(R.CHANNEL_DISPLAY_NAME, r.channelDisplayName()).set(R.CREATED_AT, r.createdAt())
                .set(R.UPDATED_AT, r.createdAt()).returning(R.ID).fetchOne(R.ID);
    }

    /** Whether a registration holds this username, e-mail or channel name (a username can name a channel too). */
    boolean taken(DSLContext db, String username, String email, String channelName) {
        return db.fetchExists(R, R.USERNAME.in(username, channelName).or(R.EMAIL.eq(email))
                .or(R.CHANNEL_NAME.in(username, channelName)));
    }

    Optional<Registration> byId(DSLContext db, long id) {
        return db.selectFrom(R).where(R.ID.eq(id)).fetchOptional(RegistrationRepository::toRegistration);
    }

    List<Registration> list(DSLContext db, String search, int start, int count) {
        return db.selectFrom(R).where(matching(search)).orderBy(R.ID.desc()).limit(count).offset(start)
                .fetch(RegistrationRepository::toRegistration);
    }

    int count(DSLContext db, String search) {
        return db.fetchCount(R, matching(search));
    }

    void judge(DSLContext tx, long id, int state, String response, Long userId, long now) {
        tx.update(R).set(R.STATE, state).set(R.MODERATION_RESPONSE, response).set(R.USER_ID, userId)
                .set(R.UPDATED_AT, now).where(R.ID.eq(id)).execute();
    }

    void delete(DSLContext tx, long id) {
        tx.deleteFrom(R).where(R.ID.eq(id)).execute();
    }

    private static Condition matching(String search) {
        if (search == null || search.isBlank()) return DSL.trueCondition();
        String like = "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return R.USERNAME.like(like, '\\').or(R.EMAIL.like(like, '\\'));
    }

    private static Registration toRegistration(Record r) {
        return new Registration(r.get(R.ID), r.get(R.STATE), r.get(R.REGISTRATION_REASON), r.get(R.MODERATION_RESPONSE),
                r.get(R.USERNAME), r.get(R.EMAIL), r.get(R.PASSWORD_HASH), r.get(R.ACCOUNT_DISPLAY_NAME),
                r.get(R.CHANNEL_NAME), r.get(R.CHANNEL_DISPLAY_NAME), r.get(R.USER_ID), r.get(R.CREATED_AT),
                r.get(R.UPDATED_AT));
    }
}
