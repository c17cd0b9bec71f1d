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

    long insert(DSLContext tx, Registration r) {
        return tx.insertInto(USER_REGISTRATIONS).set(USER_REGISTRATIONS.STATE, Registration.PENDING).set(USER_REGISTRATIONS.REGISTRATION_REASON, r.reason())
                .set(USER_REGISTRATIONS.USERNAME, r.username()).set(USER_REGISTRATIONS.EMAIL, r.email()).set(USER_REGISTRATIONS.PASSWORD_HASH, r.passwordHash())
                .set(USER_REGISTRATIONS.ACCOUNT_DISPLAY_NAME, r.displayName()).set(USER_REGISTRATIONS.CHANNEL_NAME, r.channelName())
                .set(USER_REGISTRATIONS.CHANNEL_DISPLAY_NAME, r.channelDisplayName()).set(USER_REGISTRATIONS.CREATED_AT, r.createdAt())
                .set(USER_REGISTRATIONS.UPDATED_AT, r.createdAt()).returning(USER_REGISTRATIONS.ID).fetchOne(USER_REGISTRATIONS.ID);
    }

    /** Whether a registration holds this username, e-mail or channel name (a username can name a channel too). */
    boolean taken(DSLContext db, String username, String email, String channelName) {
        return db.fetchExists(USER_REGISTRATIONS, USER_REGISTRATIONS.USERNAME.in(username, channelName).or(USER_REGISTRATIONS.EMAIL.eq(email))
                .or(USER_REGISTRATIONS.CHANNEL_NAME.in(username, channelName)));
    }

    Optional<Registration> byId(DSLContext db, long id) {
        return db.selectFrom(USER_REGISTRATIONS).where(USER_REGISTRATIONS.ID.eq(id)).fetchOptional(RegistrationRepository::toRegistration);
    }

    List<Registration> list(DSLContext db, String search, int start, int count) {
        return db.selectFrom(USER_REGISTRATIONS).where(matching(search)).orderBy(USER_REGISTRATIONS.ID.desc()).limit(count).offset(start)
                .fetch(RegistrationRepository::toRegistration);
    }

    int count(DSLContext db, String search) {
        return db.fetchCount(USER_REGISTRATIONS, matching(search));
    }

    void judge(DSLContext tx, long id, int state, String response, Long userId, long now) {
        tx.update(USER_REGISTRATIONS).set(USER_REGISTRATIONS.STATE, state).set(USER_REGISTRATIONS.MODERATION_RESPONSE, response).set(USER_REGISTRATIONS.USER_ID, userId)
                .set(USER_REGISTRATIONS.UPDATED_AT, now).where(USER_REGISTRATIONS.ID.eq(id)).execute();
    }

    void delete(DSLContext tx, long id) {
        tx.deleteFrom(USER_REGISTRATIONS).where(USER_REGISTRATIONS.ID.eq(id)).execute();
    }

    private static Condition matching(String search) {
        if (search == null || search.isBlank()) return DSL.trueCondition();
        String like = "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return USER_REGISTRATIONS.USERNAME.like(like, '\\').or(USER_REGISTRATIONS.EMAIL.like(like, '\\'));
    }

    private static Registration toRegistration(Record r) {
        return new Registration(r.get(USER_REGISTRATIONS.ID), r.get(USER_REGISTRATIONS.STATE), r.get(USER_REGISTRATIONS.REGISTRATION_REASON), r.get(USER_REGISTRATIONS.MODERATION_RESPONSE),
                r.get(USER_REGISTRATIONS.USERNAME), r.get(USER_REGISTRATIONS.EMAIL), r.get(USER_REGISTRATIONS.PASSWORD_HASH), r.get(USER_REGISTRATIONS.ACCOUNT_DISPLAY_NAME),
                r.get(USER_REGISTRATIONS.CHANNEL_NAME), r.get(USER_REGISTRATIONS.CHANNEL_DISPLAY_NAME), r.get(USER_REGISTRATIONS.USER_ID), r.get(USER_REGISTRATIONS.CREATED_AT),
                r.get(USER_REGISTRATIONS.UPDATED_AT));
    }
}
