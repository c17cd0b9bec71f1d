package org.peerlet.privacy;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

import java.util.List;
import java.util.Optional;

import static org.jooq.impl.DSL.field;

/** The only place with SQL for video passwords, shares and share links (migrations V004, V005). */
public final class PrivacyRepository {
    // Plain SQL on SQLite reads INTEGER columns as int: coerce, or epoch milliseconds wrap around.
    private static final Field<?>[] PASSWORD_FIELDS = {field("id", Long.class), field("video_id", Long.class),
            field("hash", String.class), field("created_at", Long.class)};
    private static final Field<?>[] SHARE_FIELDS = {field("id", Long.class), field("video_id", Long.class),
            field("account_id", Long.class), field("name", String.class), field("host", String.class),
            field("display_name", String.class), field("created_at", Long.class)};
    private static final Field<?>[] LINK_FIELDS = {field("id", Long.class), field("video_id", Long.class),
            field("token_hash", String.class), field("expires_at", Long.class), field("max_views", Integer.class),
            field("views", Integer.class), field("created_at", Long.class)};

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
        return tx.fetchOne("INSERT INTO video_passwords (video_id, hash, created_at) VALUES (?, ?, ?) RETURNING id",
                videoId, hash, now).get(0, Long.class);
    }

    public List<Password> passwords(DSLContext db, long videoId) {
        return db.resultQuery("SELECT id, video_id, hash, created_at FROM video_passwords WHERE video_id = ? ORDER BY id", videoId)
                .coerce(PASSWORD_FIELDS).fetch().map(PrivacyRepository::toPassword);
    }

    /** Is this stored value one of the video's passwords? One lookup in (video_id, hash). */
    public boolean passwordExists(DSLContext db, long videoId, String hash) {
        return db.fetchExists(db.selectOne().from("video_passwords").where("video_id = ? AND hash = ?", videoId, hash));
    }

    /** The video's passwords stored in a scheme whose values start so (LIKE pattern). */
    public List<Password> passwordsLike(DSLContext db, long videoId, String pattern) {
        return db.resultQuery("SELECT id, video_id, hash, created_at FROM video_passwords WHERE video_id = ? AND hash LIKE ? ORDER BY id",
                videoId, pattern).coerce(PASSWORD_FIELDS).fetch().map(PrivacyRepository::toPassword);
    }

    public void setPasswordHash(DSLContext tx, long id, String hash) {
        tx.execute("UPDATE video_passwords SET hash = ? WHERE id = ?", hash, id);
    }

    public int deletePassword(DSLContext tx, long videoId, long id) {
        return tx.execute("DELETE FROM video_passwords WHERE video_id = ? AND id = ?", videoId, id);
    }

    public void deletePasswords(DSLContext tx, long videoId) {
        tx.execute("DELETE FROM video_passwords WHERE video_id = ?", videoId);
    }

    // ---- shares

    private static final String SHARE = "SELECT s.id, s.video_id, s.account_id, a.name, a.host, a.display_name, s.created_at "
            + "FROM video_shares s JOIN accounts a ON a.id = s.account_id ";

    public Share insertShare(DSLContext tx, long videoId, long accountId, long now) {
        tx.execute("INSERT OR IGNORE INTO video_shares (video_id, account_id, created_at) VALUES (?, ?, ?)", videoId, accountId, now);
        return tx.resultQuery(SHARE + "WHERE s.video_id = ? AND s.account_id = ?", videoId, accountId)
                .coerce(SHARE_FIELDS).fetchOptional().map(PrivacyRepository::toShare).orElseThrow();
    }

    public List<Share> shares(DSLContext db, long videoId) {
        return db.resultQuery(SHARE + "WHERE s.video_id = ? ORDER BY s.id", videoId).coerce(SHARE_FIELDS).fetch().map(PrivacyRepository::toShare);
    }

    public Optional<Share> share(DSLContext db, long videoId, long id) {
        return db.resultQuery(SHARE + "WHERE s.video_id = ? AND s.id = ?", videoId, id).coerce(SHARE_FIELDS).fetchOptional().map(PrivacyRepository::toShare);
    }

    public void deleteShare(DSLContext tx, long id) {
        tx.execute("DELETE FROM video_shares WHERE id = ?", id);
    }

    /** Makes the audience of a video exactly these accounts (a restricted remote video). */
    public void replaceShares(DSLContext tx, long videoId, List<Long> accountIds, long now) {
        tx.execute("DELETE FROM video_shares WHERE video_id = ?", videoId);
        for (long a : accountIds) {
            tx.execute("INSERT OR IGNORE INTO video_shares (video_id, account_id, created_at) VALUES (?, ?, ?)", videoId, a, now);
        }
    }

    public boolean sharedWithUser(DSLContext db, long videoId, long userId) {
        return db.fetchExists(db.selectOne().from("video_shares s JOIN accounts a ON a.id = s.account_id")
                .where("s.video_id = ? AND a.user_id = ?", videoId, userId));
    }

    public boolean sharedWithAccount(DSLContext db, long videoId, long accountId) {
        return db.fetchExists(db.selectOne().from("video_shares").where("video_id = ? AND account_id = ?", videoId, accountId));
    }

    public List<Long> videosSharedWithUser(DSLContext db, long userId, int start, int count) {
        return db.fetch("SELECT s.video_id FROM video_shares s JOIN accounts a ON a.id = s.account_id "
                + "WHERE a.user_id = ? ORDER BY s.created_at DESC, s.id DESC LIMIT ? OFFSET ?", userId, count, start)
                .map(r -> ((Number) r.get(0)).longValue());
    }

    public int countSharedWithUser(DSLContext db, long userId) {
        return db.fetchOne("SELECT count(*) FROM video_shares s JOIN accounts a ON a.id = s.account_id WHERE a.user_id = ?",
                userId).get(0, Integer.class);
    }

    // ---- links

    private static final String LINK = "SELECT id, video_id, token_hash, expires_at, max_views, views, created_at FROM video_share_links ";

    public long insertLink(DSLContext tx, long videoId, String tokenHash, Long expiresAt, Integer maxViews, long now) {
        return tx.fetchOne("INSERT INTO video_share_links (video_id, token_hash, expires_at, max_views, created_at) "
                + "VALUES (?, ?, ?, ?, ?) RETURNING id", videoId, tokenHash, expiresAt, maxViews, now).get(0, Long.class);
    }

    public Optional<Link> linkByHash(DSLContext db, String tokenHash) {
        return db.resultQuery(LINK + "WHERE token_hash = ?", tokenHash).coerce(LINK_FIELDS).fetchOptional().map(PrivacyRepository::toLink);
    }

    public Optional<Link> link(DSLContext db, long videoId, long id) {
        return db.resultQuery(LINK + "WHERE video_id = ? AND id = ?", videoId, id).coerce(LINK_FIELDS).fetchOptional().map(PrivacyRepository::toLink);
    }

    public List<Link> links(DSLContext db, long videoId) {
        return db.resultQuery(LINK + "WHERE video_id = ? ORDER BY id", videoId).coerce(LINK_FIELDS).fetch().map(PrivacyRepository::toLink);
    }

    public void deleteLink(DSLContext tx, long id) {
        tx.execute("DELETE FROM video_share_links WHERE id = ?", id);
    }

    /** Counts one view, unless the link is used up: true if it was counted. */
    public boolean countLinkView(DSLContext tx, long id) {
        return tx.execute("UPDATE video_share_links SET views = views + 1 WHERE id = ? AND (max_views IS NULL OR views < max_views)", id) == 1;
    }

    private static Password toPassword(Record r) {
        return new Password(r.get(0, Long.class), r.get(1, Long.class), r.get(2, String.class), r.get(3, Long.class));
    }

    private static Share toShare(Record r) {
        return new Share(r.get(0, Long.class), r.get(1, Long.class), r.get(2, Long.class), r.get(3, String.class),
                r.get(4, String.class), r.get(5, String.class), r.get(6, Long.class));
    }

    private static Link toLink(Record r) {
        return new Link(r.get(0, Long.class), r.get(1, Long.class), r.get(2, String.class), r.get(3, Long.class),
                r.get(4, Integer.class), r.get(5, Integer.class), r.get(6, Long.class));
    }
}
