package org.peerlet.instance;

/** Where this instance lives, and the public addresses of what it hosts. */
public record Urls(String base, String host) {

    public String account(String name) {
        return base + "/accounts/" + name;
    }

    public String channel(String name) {
        return base + "/video-channels/" + name;
    }

    public String watch(String shortUuid) {
        return base + "/w/" + shortUuid;
    }

    public String video(String uuid) {
        return base + "/videos/watch/" + uuid;
    }
}
