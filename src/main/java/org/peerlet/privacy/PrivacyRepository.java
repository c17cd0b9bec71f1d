package org.peerlet.privacy;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectConditionStep;
import org.jooq.Table;
import org.peerlet.video.Subject;

import java.util.List;
import java.util.Optional;

import static org.peerlet.db.schema.Tables.ACCOUNTS;
import static org.peerlet.db.schema.Tables.PLAYLIST_SHARES;
import static org.peerlet.db.schema.Tables.PLAYLIST_SHARE_LINKS;
import static org.peerlet.db.schema.Tables.VIDEO_PASSWORDS;
import static org.peerlet.db.schema.Tables.VIDEO_SHARES;
import static org.peerlet.db.schema.Tables.VIDEO_SHARE_LINKS;

/** The only place with SQL for video passwords, and for shares and share links of videos and playlists (V004, V005, V011). */
final class PrivacyRepository {

    public record Password(long id, long videoId, String hash, long createdAt) {
    }

    public record Share(long id, Subject subject, long accountId, String name, String host, String displayName,
                        long createdAt) {
    }

    public record Link(long id, Subject subject, String tokenHash, Long expiresAt, Integer maxViews, int views,
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

    // ---- shares and links, of a video (video_shares, video_share_links) or a playlist (V011)

    /** The columns of one kind's shares. */
    private record ShareCols(Table<?> table, Field<Long> id, Field<Long> subject, Field<Long> account, Field<Long> createdAt) {
    }

    /** The columns of one kind's share links. */
    private record LinkCols(Table<?> table, Field<Long> id, Field<Long> subject, Field<String> tokenHash,
                            Field<Long> expiresAt, Field<Long> maxViews, Field<Long> views, Field<Long> createdAt) {
    }

    private static ShareCols shareCols(Subject.Kind kind) {
        return kind == Subject.Kind.VIDEO
                ? new ShareCols(VIDEO_SHARES, VIDEO_SHARES.ID, VIDEO_SHARES.VIDEO_ID, VIDEO_SHARES.ACCOUNT_ID, VIDEO_SHARES.CREATED_AT)
                : new ShareCols(PLAYLIST_SHARES, PLAYLIST_SHARES.ID, PLAYLIST_SHARES.PLAYLIST_ID, PLAYLIST_SHARES.ACCOUNT_ID,
                PLAYLIST_SHARES.CREATED_AT);
    }

    private static LinkCols linkCols(Subject.Kind kind) {
        var v = VIDEO_SHARE_LINKS;
        var p = PLAYLIST_SHARE_LINKS;
        return kind == Subject.Kind.VIDEO
                ? new LinkCols(v, v.ID, v.VIDEO_ID, v.TOKEN_HASH, v.EXPIRES_AT, v.MAX_VIEWS, v.VIEWS, v.CREATED_AT)
                : new LinkCols(p, p.ID, p.PLAYLIST_ID, p.TOKEN_HASH, p.EXPIRES_AT, p.MAX_VIEWS, p.VIEWS, p.CREATED_AT);
    }

    private static SelectConditionStep<Record> shares(DSLContext db, ShareCols c, Condition where) {
        return db.select(c.id(), c.subject(), c.account(), c.createdAt()).select(ACCOUNTS.NAME, ACCOUNTS.HOST, ACCOUNTS.DISPLAY_NAME)
                .from(c.table()).join(ACCOUNTS).on(ACCOUNTS.ID.eq(c.account()))
                .where(where);
    }

    private static void insertShareRow(DSLContext tx, Subject s, long accountId, long now) {
        ShareCols c = shareCols(s.kind());
        tx.insertInto(c.table()).set(c.subject(), s.id()).set(c.account(), accountId).set(c.createdAt(), now)
                .onConflictDoNothing()
                .execute();
    }

    public Share insertShare(DSLContext tx, Subject s, long accountId, long now) {
        insertShareRow(tx, s, accountId, now);
        ShareCols c = shareCols(s.kind());
        return shares(tx, c, c.subject().eq(s.id()).and(c.account().eq(accountId)))
                .fetchOptional(r -> toShare(r, s.kind())).orElseThrow();
    }

    public List<Share> shares(DSLContext db, Subject s) {
        ShareCols c = shareCols(s.kind());
        return shares(db, c, c.subject().eq(s.id())).orderBy(c.id()).fetch(r -> toShare(r, s.kind()));
    }

    public Optional<Share> share(DSLContext db, Subject s, long id) {
        ShareCols c = shareCols(s.kind());
        return shares(db, c, c.subject().eq(s.id()).and(c.id().eq(id))).fetchOptional(r -> toShare(r, s.kind()));
    }

    public void deleteShare(DSLContext tx, Subject.Kind kind, long id) {
        ShareCols c = shareCols(kind);
        tx.deleteFrom(c.table()).where(c.id().eq(id)).execute();
    }

    /** Makes the audience of a video exactly these accounts (a restricted remote video). */
    public void replaceShares(DSLContext tx, long videoId, List<Long> accountIds, long now) {
        tx.deleteFrom(VIDEO_SHARES).where(VIDEO_SHARES.VIDEO_ID.eq(videoId)).execute();
        for (long a : accountIds) insertShareRow(tx, Subject.video(videoId), a, now);
    }

    private static Condition sharedWithUser(Field<Long> account, long userId) {
        return account.in(org.jooq.impl.DSL.select(ACCOUNTS.ID).from(ACCOUNTS).where(ACCOUNTS.USER_ID.eq(userId)));
    }

    public boolean sharedWithUser(DSLContext db, Subject s, long userId) {
        ShareCols c = shareCols(s.kind());
        return db.fetchExists(c.table(), c.subject().eq(s.id()).and(sharedWithUser(c.account(), userId)));
    }

    public boolean sharedWithAccount(DSLContext db, Subject s, long accountId) {
        ShareCols c = shareCols(s.kind());
        return db.fetchExists(c.table(), c.subject().eq(s.id()).and(c.account().eq(accountId)));
    }

    /** The ids of the videos or playlists shared with one of the user's accounts, newest share first. */
    public List<Long> sharedWithUser(DSLContext db, Subject.Kind kind, long userId, int start, int count) {
        ShareCols c = shareCols(kind);
        return db.select(c.subject()).from(c.table()).where(sharedWithUser(c.account(), userId))
                .orderBy(c.createdAt().desc(), c.id().desc())
                .limit(count).offset(start)
                .fetch(c.subject());
    }

    public int countSharedWithUser(DSLContext db, Subject.Kind kind, long userId) {
        ShareCols c = shareCols(kind);
        return db.fetchCount(c.table(), sharedWithUser(c.account(), userId));
    }

    public long insertLink(DSLContext tx, Subject s, String tokenHash, Long expiresAt, Integer maxViews, long now) {
        LinkCols l = linkCols(s.kind());
        return tx.insertInto(l.table())
                .set(l.subject(), s.id()).set(l.tokenHash(), tokenHash).set(l.expiresAt(), expiresAt)
                .set(l.maxViews(), maxViews == null ? null : maxViews.longValue()).set(l.createdAt(), now)
                .returning(l.id())
                .fetchOne(l.id());
    }

    /** The link of any kind with this token hash (hashes of random tokens never collide). */
    public Optional<Link> linkByHash(DSLContext db, String tokenHash) {
        for (Subject.Kind kind : Subject.Kind.values()) {
            LinkCols l = linkCols(kind);
            Optional<Link> found = db.select(l.table().fields()).from(l.table()).where(l.tokenHash().eq(tokenHash))
                    .fetchOptional(r -> toLink(r, kind));
            if (found.isPresent()) return found;
        }
        return Optional.empty();
    }

    public Optional<Link> link(DSLContext db, Subject s, long id) {
        LinkCols l = linkCols(s.kind());
        return db.select(l.table().fields()).from(l.table()).where(l.subject().eq(s.id()).and(l.id().eq(id)))
                .fetchOptional(r -> toLink(r, s.kind()));
    }

    public List<Link> links(DSLContext db, Subject s) {
        LinkCols l = linkCols(s.kind());
        return db.select(l.table().fields()).from(l.table()).where(l.subject().eq(s.id())).orderBy(l.id())
                .fetch(r -> toLink(r, s.kind()));
    }

    public void deleteLink(DSLContext tx, Subject.Kind kind, long id) {
        LinkCols l = linkCols(kind);
        tx.deleteFrom(l.table()).where(l.id().eq(id)).execute();
    }

    /** Counts one view, unless the link is used up: true if it was counted. */
    public boolean countLinkView(DSLContext tx, Subject.Kind kind, long id) {
        LinkCols l = linkCols(kind);
        return tx.update(l.table()).set(l.views(), l.views().plus(1))
                .where(l.id().eq(id).and(l.maxViews().isNull().or(l.views().lt(l.maxViews()))))
                .execute() == 1;
    }

    private static Password toPassword(Record r) {
        var p = VIDEO_PASSWORDS;
        return new Password(r.get(p.ID), r.get(p.VIDEO_ID), r.get(p.HASH), r.get(p.CREATED_AT));
    }

    private static Share toShare(Record r, Subject.Kind kind) {
        ShareCols c = shareCols(kind);
        return new Share(r.get(c.id()), new Subject(kind, r.get(c.subject())), r.get(c.account()), r.get(ACCOUNTS.NAME),
                r.get(ACCOUNTS.HOST), r.get(ACCOUNTS.DISPLAY_NAME), r.get(c.createdAt()));
    }

    private static Link toLink(Record r, Subject.Kind kind) {
        LinkCols l = linkCols(kind);
        Long max = r.get(l.maxViews());
        return new Link(r.get(l.id()), new Subject(kind, r.get(l.subject())), r.get(l.tokenHash()), r.get(l.expiresAt()),
                max == null ? null : max.intValue(), r.get(l.views()).intValue(), r.get(l.createdAt()));
    }
}
