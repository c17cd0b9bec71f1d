package org.peerlet.chapter;

/** PeerTube's VideoChapter: where it starts (whole seconds) and its title. */
public record Chapter(int timecode, String title) {
    /** PeerTube's limit on a chapter's title. */
    public static final int TITLE_MAX = 100;
}
