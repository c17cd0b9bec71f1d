package org.peerlet.video;

import org.peerlet.account.User;
import org.peerlet.http.ApiError;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who may see and change a video: the one place that decides, so every path (API details,
 * lists, search, comments, ratings, views, thumbnails, HLS files, the tracker, federation)
 * asks the same question through {@link #check} or {@link #listable}.
 *
 * <p>The rule, in order:
 * <ol>
 *   <li>a local video's owner and the instance's moderators and admins see it in any state;</li>
 *   <li>nothing unpublished is shown to anyone else;</li>
 *   <li>public and unlisted: anyone knowing the link; internal: anyone logged in here;</li>
 *   <li>otherwise (private, password-protected, or internal for an anonymous viewer) one grant
 *       is needed: shared with the viewer's account (local user or HTTP-signed remote person),
 *       a valid share link, a valid file token of this very video, or, for password-protected
 *       videos, one of its passwords.</li>
 * </ol>
 * Remote videos have no local owner, and moderators get no override on a restricted remote
 * video: only the people it was addressed to see it.
 */
public final class VideoAccess {
    /** Why a viewer is refused; each maps to one HTTP answer in {@link #error}. */
    public enum Refusal { NOT_FOUND, LOGIN, FORBIDDEN, PASSWORD_REQUIRED, PASSWORD_INCORRECT, TOKEN_INVALID }

    private final Grants grants;

    public VideoAccess(Grants grants) {
        this.grants = grants;
    }

    public static boolean isOwner(Video v, Optional<User> viewer) {
        return viewer.isPresent() && v.ownerUserId() != null && v.ownerUserId() == viewer.get().id();
    }

    /** Open by its privacy and not hidden by a moderator: its files need no token, its swarm is public. */
    public static boolean isOpen(Video v) {
        return isOpen(v.privacy()) && !v.isBlocked() && !v.ownerBanned();
    }

    public static boolean isOpen(Privacy p) {
        return p == Privacy.PUBLIC || p == Privacy.UNLISTED;
    }

    /**
     * May anyone at all see it, knowing its link, with no account, password or token? What link
     * previews, embeds, oEmbed and feeds may show. The same rule {@link #check} starts with.
     */
    public static boolean openToAnyone(Video v) {
        return v.state() == VideoState.PUBLISHED && isOpen(v);
    }

    /** Empty if the viewer may watch the video, else why not. */
    public Optional<Refusal> check(Video v, Viewer w) {
        Optional<User> u = w.user();
        if (isOwner(v, u) || (v.isLocal() && u.map(User::canModerate).orElse(false))) return Optional.empty();
        // A video a moderator hid: no share, link or password opens it; only the file tokens its owner
        // and moderators were given (those minted before the block died with it).
        if ((v.isBlocked() || v.ownerBanned()) && !u.map(User::canModerate).orElse(false)) {
            boolean token = w.fileToken() != null && grants.fileTokenValid(v.id(), w.fileToken());
            return token ? Optional.empty() : Optional.of(Refusal.NOT_FOUND);
        }
        if (v.state() != VideoState.PUBLISHED) return Optional.of(Refusal.NOT_FOUND);
        if (openToAnyone(v)) return Optional.empty();
        if (v.privacy() == Privacy.INTERNAL && u.isPresent() && v.isLocal()) return Optional.empty();
        if (granted(Subject.video(v.id()), w)) return Optional.empty();
        if (w.fileToken() != null && grants.fileTokenValid(v.id(), w.fileToken())) return Optional.empty();
        if (w.password() != null && grants.passwordMatches(v, w)) return Optional.empty();
        if (v.privacy() == Privacy.PASSWORD_PROTECTED) {
            return Optional.of(w.password() == null ? Refusal.PASSWORD_REQUIRED : Refusal.PASSWORD_INCORRECT);
        }
        return Optional.of(restricted(w));
    }

    /**
     * {@link #check} for a request that named the video {@code addressedAs}. Numeric ids can be
     * counted through, so by one a password-protected video is refused as a private one is (its
     * password still works): only its unguessable uuid or short uuid tells that one is needed.
     */
    public Optional<Refusal> check(Video v, Viewer w, String addressedAs) {
        Optional<Refusal> no = check(v, w);
        boolean aboutPassword = no.isPresent() && (no.get() == Refusal.PASSWORD_REQUIRED || no.get() == Refusal.PASSWORD_INCORRECT);
        return aboutPassword && addressedAs.chars().allMatch(Character::isDigit) ? Optional.of(restricted(w)) : no;
    }

    /** Shared with the viewer (a local user or an HTTP-signed remote person), or a valid share link of it. */
    private boolean granted(Subject s, Viewer w) {
        Optional<User> u = w.user();
        if (u.isPresent() && grants.sharedWithUser(s, u.get().id())) return true;
        if (w.remoteAccountId() != null && grants.sharedWithAccount(s, w.remoteAccountId())) return true;
        return w.shareLink() != null && grants.linkValid(s, w.shareLink());
    }

    /**
     * Something restricted by the same levels as a video but with no files, states or passwords
     * of its own: a playlist. {@code ownerUserId} is null when it belongs to another server.
     */
    public record Guarded(Subject subject, Long ownerUserId, boolean local, Privacy privacy) {
    }

    /**
     * The same rule as for a video: its owner and, for ours, moderators; anyone for public and
     * unlisted; else a share with the viewer or a valid share link of it.
     */
    public Optional<Refusal> check(Guarded g, Viewer w) {
        Optional<User> u = w.user();
        boolean owner = u.isPresent() && g.ownerUserId() != null && g.ownerUserId() == u.get().id();
        if (owner || (g.local() && u.map(User::canModerate).orElse(false))) return Optional.empty();
        if (isOpen(g.privacy())) return Optional.empty();
        if (granted(g.subject(), w)) return Optional.empty();
        return Optional.of(restricted(w));
    }

    /** The refusal of a private video for a viewer with no grant. */
    private static Refusal restricted(Viewer w) {
        if (w.fileToken() != null) return Refusal.TOKEN_INVALID;
        return w.user().isEmpty() ? Refusal.LOGIN : Refusal.FORBIDDEN;
    }

    public boolean canView(Video v, Viewer w) {
        return check(v, w).isEmpty();
    }

    /** The answer for a refusal. Nothing of the video is in it. */
    public static ApiError error(Refusal r) {
        return switch (r) {
            case NOT_FOUND -> ApiError.notFound("Video not found");
            case LOGIN -> ApiError.unauthorized("this video is not public: log in to watch it");
            case FORBIDDEN -> ApiError.forbidden("you are not allowed to watch this video");
            case PASSWORD_REQUIRED -> new ApiError(403, "video_requires_password",
                    "this video is password protected: send its password in the " + Viewer.PASSWORD_HEADER + " header");
            case PASSWORD_INCORRECT -> new ApiError(403, "incorrect_video_password", "this password is not one of the video's");
            case TOKEN_INVALID -> ApiError.forbidden("the video file token is invalid or expired");
        };
    }

    public static boolean canManage(Video v, User user) {
        return isOwner(v, Optional.of(user)) || user.canModerate();
    }

    /** The privacies that general lists (home, search, channels) show to this viewer. */
    public static Set<Privacy> listable(Optional<User> viewer) {
        return viewer.isPresent() ? EnumSet.of(Privacy.PUBLIC, Privacy.INTERNAL) : EnumSet.of(Privacy.PUBLIC);
    }
}
