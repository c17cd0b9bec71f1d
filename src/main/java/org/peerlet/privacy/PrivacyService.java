package org.peerlet.privacy;

import org.peerlet.account.Account;
import org.peerlet.account.AccountDirectory;
import org.peerlet.common.Events;
import org.peerlet.common.Secrets;
import org.peerlet.db.Database;
import org.peerlet.http.ApiError;
import org.peerlet.video.Grants;
import org.peerlet.video.Privacy;
import org.peerlet.video.PrivacyDetails;
import org.peerlet.video.Subject;
import org.peerlet.video.Video;
import org.peerlet.video.Viewer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The grants behind {@link org.peerlet.video.VideoAccess}: passwords (stored and checked by
 * {@link VideoPasswords}, guesses limited), shares with named people, share links (random
 * tokens, stored as SHA-256) and file tokens. Taking a grant back ends the video's file tokens
 * and swarm peers at once ({@link PrivacyEvents.GrantRevoked}).
 */
public final class PrivacyService implements Grants, PrivacyDetails {
    public static final int MIN_PASSWORD = 2;
    public static final int MAX_PASSWORD = 100;
    public static final int MAX_PASSWORDS = 50;

    private final Database db;
    private final PrivacyRepository repo = new PrivacyRepository();
    private final AccountDirectory accounts;
    private final VideoPasswords videoPasswords;
    private final FileTokens tokens;
    private final Clock clock;
    private final Events events;
    /** How a handle {@code name@otherhost} becomes an account: federation resolves it (WebFinger). */
    private final Function<String, Optional<Account>> remoteAccounts;

    public PrivacyService(Database db, AccountDirectory accounts, VideoPasswords videoPasswords,
                          FileTokens tokens, Function<String, Optional<Account>> remoteAccounts, Events events,
                          Clock clock) {
        this.db = db;
        this.remoteAccounts = remoteAccounts;
        this.events = events;
        this.accounts = accounts;
        this.videoPasswords = videoPasswords;
        this.tokens = tokens;
        this.clock = clock;
    }

    public FileTokens tokens() {
        return tokens;
    }

    /** Ends every file token of the video and tells listeners (tracker swarm, ...). */
    public void revoke(long videoId) {
        tokens.revokeAll(videoId);
        events.publish(new PrivacyEvents.GrantRevoked(videoId));
    }

    // ---- Grants

    @Override
    public boolean sharedWithUser(Subject s, long userId) {
        return repo.sharedWithUser(db.dsl(), s, userId);
    }

    @Override
    public boolean sharedWithAccount(Subject s, long accountId) {
        return repo.sharedWithAccount(db.dsl(), s, accountId);
    }

    @Override
    public boolean passwordMatches(Video v, Viewer w) {
        return videoPasswords.matches(v, w);
    }

    @Override
    public boolean linkValid(Subject s, String linkToken) {
        return link(linkToken).filter(l -> l.subject().equals(s)).isPresent();
    }

    @Override
    public boolean fileTokenValid(long videoId, String fileToken) {
        return tokens.valid(videoId, fileToken);
    }

    // ---- passwords

    public static List<String> checkPasswords(List<String> raw) {
        List<String> out = new ArrayList<>();
        for (String p : raw) {
            if (p == null || p.length() < MIN_PASSWORD || p.length() > MAX_PASSWORD) {
                throw ApiError.badRequest("each video password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
            }
            if (!out.contains(p)) out.add(p);
        }
        if (out.size() > MAX_PASSWORDS) throw ApiError.badRequest("at most " + MAX_PASSWORDS + " passwords per video");
        return out;
    }

    public List<PrivacyRepository.Password> passwords(Video v) {
        return repo.passwords(db.dsl(), v.id());
    }

    public long addPassword(Video v, String password) {
        checkPasswords(List.of(password == null ? "" : password));
        if (repo.passwords(db.dsl(), v.id()).size() >= MAX_PASSWORDS) {
            throw ApiError.badRequest("at most " + MAX_PASSWORDS + " passwords per video");
        }
        String hash = videoPasswords.stored(v.id(), password);
        return db.write(tx -> repo.insertPassword(tx, v.id(), hash, clock.millis()));
    }

    /** Replaces all the video's passwords (upload, update, PUT). */
    @Override
    public void replacePasswords(long videoId, List<String> passwords) {
        List<String> checked = checkPasswords(passwords);
        List<String> hashes = checked.stream().map(p -> videoPasswords.stored(videoId, p)).toList();
        db.writeVoid(tx -> {
            repo.deletePasswords(tx, videoId);
            for (String h : hashes) repo.insertPassword(tx, videoId, h, clock.millis());
        });
        revoke(videoId);
    }

    @Override
    public int countPasswords(long videoId) {
        return repo.passwords(db.dsl(), videoId).size();
    }

    public void deletePassword(Video v, long id) {
        List<PrivacyRepository.Password> all = repo.passwords(db.dsl(), v.id());
        if (all.stream().noneMatch(p -> p.id() == id)) throw ApiError.notFound("no such password");
        if (all.size() == 1 && v.privacy() == Privacy.PASSWORD_PROTECTED) {
            throw ApiError.badRequest("a password-protected video keeps at least one password");
        }
        db.writeVoid(tx -> repo.deletePassword(tx, v.id(), id));
        revoke(v.id());
    }

    // ---- shares, of a video or a playlist

    /** Shares with {@code name} (local) or {@code name@host}; remote people are resolved by federation. */
    public PrivacyRepository.Share share(Shareable it, String handle, String ourHost) {
        if (handle == null || handle.isBlank()) throw ApiError.badRequest("handle is required: a user name, or name@host");
        org.peerlet.common.Handle h = org.peerlet.common.Handle.parse(handle, ourHost);
        Account a;
        if (h.isLocal()) {
            a = accounts.byHandle(h).filter(x -> x.userId() != null)
                    .orElseThrow(() -> ApiError.notFound("no user named " + h.name() + " here"));
        } else {
            a = remoteAccounts.apply(h.toString()).orElseThrow(() -> ApiError.notFound("no person " + handle + " could be found"));
        }
        if (it.ownerAccountId() == a.id()) throw ApiError.badRequest("this is already yours");
        PrivacyRepository.Share s = db.write(tx -> repo.insertShare(tx, it.subject(), a.id(), clock.millis()));
        if (it.video() != null) {
            events.publish(new PrivacyEvents.SharesChanged(it.video(), null));
            events.publish(new PrivacyEvents.SharedWith(it.video(), a));
        }
        return s;
    }

    public List<PrivacyRepository.Share> shares(Video v) {
        return shares(Subject.video(v.id()));
    }

    /** The accounts of other servers a video is shared with: federation sends it to them alone. */
    public List<Long> remoteSharees(long videoId) {
        return shares(Subject.video(videoId)).stream().filter(x -> !x.host().isEmpty()).map(PrivacyRepository.Share::accountId).toList();
    }

    public List<PrivacyRepository.Share> shares(Subject s) {
        return repo.shares(db.dsl(), s);
    }

    public void unshare(Shareable it, long shareId) {
        PrivacyRepository.Share s = repo.share(db.dsl(), it.subject(), shareId).orElseThrow(() -> ApiError.notFound("no such share"));
        db.writeVoid(tx -> repo.deleteShare(tx, it.subject().kind(), s.id()));
        if (it.video() == null) return;
        revoke(it.video().id());
        Account gone = accounts.byId(s.accountId()).orElse(null);
        events.publish(new PrivacyEvents.SharesChanged(it.video(), gone));
    }

    /** A restricted remote video's audience here, as its origin addressed it. */
    public void setAudience(long videoId, List<Long> accountIds) {
        db.writeVoid(tx -> repo.replaceShares(tx, videoId, accountIds, clock.millis()));
    }

    /** The ids of the videos (or playlists) shared with the user, newest share first. */
    public List<Long> sharedWith(Subject.Kind kind, long userId, int start, int count) {
        return repo.sharedWithUser(db.dsl(), kind, userId, start, count);
    }

    public int countSharedWith(Subject.Kind kind, long userId) {
        return repo.countSharedWithUser(db.dsl(), kind, userId);
    }

    // ---- links

    public record NewLink(PrivacyRepository.Link link, String token) {
    }

    public NewLink createLink(Shareable it, Long expiresAt, Integer maxViews) {
        if (expiresAt != null && expiresAt <= clock.millis()) throw ApiError.badRequest("expiresAt must be in the future");
        if (maxViews != null && maxViews < 1) throw ApiError.badRequest("maxViews must be 1 or more");
        String token = Secrets.token(24);
        long id = db.write(tx -> repo.insertLink(tx, it.subject(), Secrets.sha256Hex(token), expiresAt, maxViews, clock.millis()));
        return new NewLink(repo.link(db.dsl(), it.subject(), id).orElseThrow(), token);
    }

    public List<PrivacyRepository.Link> links(Subject s) {
        return repo.links(db.dsl(), s);
    }

    public void deleteLink(Shareable it, long id) {
        repo.link(db.dsl(), it.subject(), id).orElseThrow(() -> ApiError.notFound("no such share link"));
        db.writeVoid(tx -> repo.deleteLink(tx, it.subject().kind(), id));
        if (it.video() != null) revoke(it.video().id());
    }

    /** A link that still grants: known, not expired, not used up. */
    public Optional<PrivacyRepository.Link> link(String token) {
        if (token == null || token.length() > 100) return Optional.empty();
        return repo.linkByHash(db.dsl(), Secrets.sha256Hex(token)).filter(this::usable);
    }

    public boolean usable(PrivacyRepository.Link l) {
        return (l.expiresAt() == null || l.expiresAt() > clock.millis()) && (l.maxViews() == null || l.views() < l.maxViews());
    }

    /** Counts a view against the link's limit (a player asking for file tokens); false if used up. */
    public boolean countLinkView(String token) {
        Optional<PrivacyRepository.Link> l = link(token);
        return l.isPresent() && db.write(tx -> repo.countLinkView(tx, l.get().subject().kind(), l.get().id()));
    }

    /** For the owner's badge: who can see it beyond its privacy level. */
    @Override
    public java.util.Map<String, Object> visibility(Video v) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        List<PrivacyRepository.Share> s = shares(v);
        List<PrivacyRepository.Link> links = links(Subject.video(v.id()));
        m.put("privacy", v.privacy().label);
        m.put("federated", v.isLocal() && (v.privacy() == Privacy.PUBLIC || v.privacy() == Privacy.UNLISTED));
        m.put("shares", s.size());
        m.put("remoteShares", s.stream().filter(x -> !x.host().isEmpty()).count());
        m.put("shareLinks", links.size());
        m.put("activeShareLinks", links.stream().filter(this::usable).count());
        m.put("passwords", v.privacy() == Privacy.PASSWORD_PROTECTED ? countPasswords(v.id()) : 0);
        return m;
    }
}
