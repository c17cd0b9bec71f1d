package org.peerlet.video;

import org.peerlet.account.User;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who may see and change a video: the one place that decides, so every path (API, files,
 * feeds, player) asks the same question.
 */
public final class VideoAccess {
    private VideoAccess() {
    }

    public static boolean isOwner(Video v, Optional<User> viewer) {
        return viewer.isPresent() && v.ownerUserId() != null && v.ownerUserId() == viewer.get().id();
    }

    /** May this viewer watch the video, knowing its link? */
    public static boolean canView(Video v, Optional<User> viewer) {
        if (isOwner(v, viewer) || viewer.map(User::canModerate).orElse(false)) return true;
        if (v.state() != VideoState.PUBLISHED) return false;
        return switch (v.privacy()) {
            case PUBLIC, UNLISTED -> true;
            case INTERNAL -> viewer.isPresent();
            case PRIVATE, PASSWORD_PROTECTED -> false;
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
