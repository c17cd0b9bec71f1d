package org.peerlet.privacy;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectConditionStep;

import java.util.List;
import java.util.Optional;

import static org.peerlet.db.schema.Tables.ACCOUNTS;
import static org.peerlet.db.schema.Tables.VIDEO_PASSWORDS;
import static org.peerlet.db.schema.Tables.VIDEO_SHARES;
import static org.peerlet.db.schema.Tables.VIDEO_SHARE_LINKS;

/** The only place with SQL for video passwords, shares and share links (migrations V004, V005). */
final class PrivacyRepository {

    public record Password(long id, long videoId, String hash, long createdAt) {
    }

    public record Share(long id, long videoId, long accountId, String name, String host, String displayName,
                        long createdAt) {
    }

    public record Link(long id, long videoId, String tokenHash, Long expiresAt, Integer maxViews, int views,
                       long createdAt) {
    }

    // ---- passwords

    public long insertPassword(DSLContext tx, long videoId, String hash, long now) {
        return tx.insertInto(VIDEO_PASSWORDS)
                .set(VIDEO_PASSWORDS.VIDEO_ID, videoId).set(VIDEO_PASSWORDS.HASH, hash).set(VIDEO_PASSWORDS.CREATED_AT, now)
                .returning(VIDEO_PASSWORDS.ID)
                .fetchOne(VIDEO_PASSWORDS.ID);
    }

    public List<Password> passwords(DSLContext db, long videoId) {
        return db.selectFrom(VIDEO_PASSWORDS).where(VIDEO_PASSWORDS.VIDEO_ID.eq(videoId)).orderBy(VIDEO_PASSWORDS.ID)
                .fetch(PrivacyRepository::toPassword);
    }

    /** Is this stored value one of the video's passwords? One lookup in (video_id, hash). */
    public boolean passwordExists(DSLContext db, long videoId, String hash) {
        return db.fetchExists(VIDEO_PASSWORDS, VIDEO_PASSWORDS.VIDEO_ID.eq(videoId).and(VIDEO_PASSWORDS.HASH.eq(hash)));
    }

    /** The video's passwords stored in a scheme whose values start so (LIKE pattern). */
    public List<Password> passwordsLike(DSLContext db, long videoId, String pattern) {
        return db.selectFrom(VIDEO_PASSWORDS)
                .where(VIDEO_PASSWORDS.VIDEO_ID.eq(videoId).and(VIDEO_PASSWORDS.HASH.like(pattern)))
                .orderBy(VIDEO_PASSWORDS.ID)
                .fetch(PrivacyRepository::toPassword);
    }

    public void setPasswordHash(DSLContext tx, long id, String hash) {
        tx.update(VIDEO_PASSWORDS).set(VIDEO_PASSWORDS.HASH, hash).where(VIDEO_PASSWORDS.ID.eq(id)).execute();
    }

    public int deletePassword(DSLContext tx, long videoId, long id) {
        return tx.deleteFrom(VIDEO_PASSWORDS).where(VIDEO_PASSWORDS.VIDEO_ID.eq(videoId).and(VIDEO_PASSWORDS.ID.eq(id))).execute();
    }

    public void deletePasswords(DSLContext tx, long videoId) {
        tx.deleteFrom(VIDEO_PASSWORDS).where(VIDEO_PASSWORDS.VIDEO_ID.eq(videoId)).execute();
    }

    // ---- shares

    private static SelectConditionStep<Record> shares(DSLContext db, Condition where) {
        return db.select(VIDEO_SHARES.fields()).select(ACCOUNTS.NAME, ACCOUNTS.HOST, ACCOUNTS.DISPLAY_NAME)
                .from(VIDEO_SHARES).join(ACCOUNTS).on(ACCOUNTS.ID.eq(VIDEO_SHARES.ACCOUNT_ID))
                .where(where);
    }

    private static void insertShareRow(DSLContext tx, long videoId, long accountId, long now) {
        tx.insertInto(VIDEO_SHARES)
                .set(VIDEO_SHARES.VIDEO_ID, videoId).set(VIDEO_SHARES.ACCOUNT_ID, accountId).set(VIDEO_SHARES.CREATED_AT, now)
                .onConflictDoNothing()
                .execute();
    }

    public Share insertShare(DSLContext tx, long videoId, long accountId, long now) {
        insertShareRow(tx, videoId, accountId, now);
        return shares(tx, VIDEO_SHARES.VIDEO_ID.eq(videoId).and(VIDEO_SHARES.ACCOUNT_ID.eq(accountId)))
                .fetchOptional(PrivacyRepository::toShare).orElseThrow();
    }

    public List<Share> shares(DSLContext db, long videoId) {
        return shares(db, VIDEO_SHARES.VIDEO_ID.eq(videoId)).orderBy(VIDEO_SHARES.ID).fetch(PrivacyRepository::toShare);
    }

    public Optional<Share> share(DSLContext db, long videoId, long id) {
        return shares(db, VIDEO_SHARES.VIDEO_ID.eq(videoId).and(VIDEO_SHARES.ID.eq(id))).fetchOptional(PrivacyRepository::toShare);
    }

    public void deleteShare(DSLContext tx, long id) {
        tx.deleteFrom(VIDEO_SHARES).where(VIDEO_SHARES.ID.eq(id)).execute();
    }

    /** Makes the audience of a video exactly these accounts (a restricted remote video). */
    public void replaceShares(DSLContext tx, long videoId, List<Long> accountIds, long now) {
        tx.deleteFrom(VIDEO_SHARES).where(VIDEO_SHARES.VIDEO_ID.eq(videoId)).execute();
        for (long a : accountIds) insertShareRow(tx, videoId, a, now);
    }

    private static Condition sharedWithUser(long userId) {
        return VIDEO_SHARES.ACCOUNT_ID.in(org.jooq.impl.DSL.select(ACCOUNTS.ID).from(ACCOUNTS).where(ACCOUNTS.USER_ID.eq(userId)));
    }

    public boolean sharedWithUser(DSLContext db, long videoId, long userId) {
        return db.fetchExists(VIDEO_SHARES, VIDEO_SHARES.VIDEO_ID.eq(videoId).and(sharedWithUser(userId)));
    }

    public boolean sharedWithAccount(DSLContext db, long videoId, long accountId) {
        return db.fetchExists(VIDEO_SHARES, VIDEO_SHARES.VIDEO_ID.eq(videoId).and(VIDEO_SHARES.ACCOUNT_ID.eq(accountId)));
    }

    public List<Long> videosSharedWithUser(DSLContext db, long userId, int start, int count) {
        return db.select(VIDEO_SHARES.VIDEO_ID).from(VIDEO_SHARES).where(sharedWithUser(userId))
                .orderBy(VIDEO_SHARES.CREATED_AT.desc(), VIDEO_SHARES.ID.desc())
                .limit(count).offset(start)
                .fetch(VIDEO_SHARES.VIDEO_ID);
    }

    public int countSharedWithUser(DSLContext db, long userId) {
        return db.fetchCount(VIDEO_SHARES, sharedWithUser(userId));
    }

    // ---- links

    public long insertLink(DSLContext tx, long videoId, String tokenHash, Long expiresAt, Integer maxViews, long now) {
        var l = VIDEO_SHARE_LINKS;
        return tx.insertInto(l)
                .set(l.VIDEO_ID, videoId).set(l.TOKEN_HASH, tokenHash).set(l.EXPIRES_AT, expiresAt)
                .set(l.MAX_VIEWS, maxViews == null ? null : maxViews.longValue()).set(l.CREATED_AT, now)
                .returning(l.ID)
                .fetchOne(l.ID);
    }

    public Optional<Link> linkByHash(DSLContext db, String tokenHash) {
        return db.selectFrom(VIDEO_SHARE_LINKS).where(VIDEO_SHARE_LINKS.TOKEN_HASH.eq(tokenHash)).fetchOptional(PrivacyRepository::toLink);
    }

    public Optional<Link> link(DSLContext db, long videoId, long id) {
        return db.selectFrom(VIDEO_SHARE_LINKS)
                .where(VIDEO_SHARE_LINKS.VIDEO_ID.eq(videoId).and(VIDEO_SHARE_LINKS.ID.eq(id)))
                .fetchOptional(PrivacyRepository::toLink);
    }

    public List<Link> links(DSLContext db, long videoId) {
        return db.selectFrom(VIDEO_SHARE_LINKS).where(VIDEO_SHARE_LINKS.VIDEO_ID.eq(videoId)).orderBy(VIDEO_SHARE_LINKS.ID)
                .fetch(PrivacyRepository::toLink);
    }

    public void deleteLink(DSLContext tx, long id) {
        tx.deleteFrom(VIDEO_SHARE_LINKS).where(VIDEO_SHARE_LINKS.ID.eq(id)).execute();
    }

    /** Counts one view, unless the link is used up: true if it was counted. */
    public boolean countLinkView(DSLContext tx, long id) {
        var l = VIDEO_SHARE_LINKS;
        return tx.update(l).set(l.VIEWS, l.VIEWS.plus(1))
                .where(l.ID.eq(id).and(l.MAX_VIEWS.isNull().or(l.VIEWS.lt(l.MAX_VIEWS))))
                .execute() == 1;
    }

    private static Password toPassword(Record r) {
        var p = VIDEO_PASSWORDS;
        return new Password(r.get(p.ID), r.get(p.VIDEO_ID), r.get(p.HASH), r.get(p.CREATED_AT));
    }

    private static Share toShare(Record r) {
        var s = VIDEO_SHARES;
        return new Share(r.get(s.ID), r.get(s.VIDEO_ID), r.get(s.ACCOUNT_ID), r.get(ACCOUNTS.NAME), r.get(ACCOUNTS.HOST),
                r.get(ACCOUNTS.DISPLAY_NAME), r.get(s.CREATED_AT));
    }

    private static Link toLink(Record r) {
        var l = VIDEO_SHARE_LINKS;
        Long max = r.get(l.MAX_VIEWS);
        return new Link(r.get(l.ID), r.get(l.VIDEO_ID), r.get(l.TOKEN_HASH), r.get(l.EXPIRES_AT),
                max == null ? null : max.intValue(), r.get(l.VIEWS).intValue(), r.get(l.CREATED_AT));
    }
}
