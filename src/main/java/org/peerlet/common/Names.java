package org.peerlet.common;

import java.util.regex.Pattern;

/** PeerTube's rules for account, channel and user names. */
public final class Names {
    private static final Pattern ACTOR_NAME = Pattern.compile("[a-z0-9_.]{1,50}");

    private Names() {
    }

    public static boolean isValidActorName(String name) {
        return name != null && ACTOR_NAME.matcher(name).matches();
    }
}
