package org.peerlet;

/** Peerlet's version, shown in the API and federation. */
public final class Version {
    public static final String VERSION = "0.1.0";

    private Version() {
    }
}
