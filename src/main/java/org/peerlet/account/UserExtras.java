package org.peerlet.account;

import java.util.Map;

/**
 * Fields other features add to a user's own {@code /users/me} (say, the unread notification
 * count), so that account needs to know none of them.
 */
@FunctionalInterface
public interface UserExtras {
    UserExtras NONE = userId -> Map.of();

    Map<String, Object> of(long userId);
}
