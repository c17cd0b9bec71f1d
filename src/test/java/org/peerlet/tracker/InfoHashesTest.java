package org.peerlet.tracker;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InfoHashesTest {
    static final String MASTER = "https://videos.example.org/static/streaming-playlists/hls/9c9de5e8-0a1b-4f4e-9c6b-0123456789ab/master.m3u8";

    @Test
    void aPlaylistVariantHashesLikeP2pMediaLoaderZeroSix() {
        // sha1("2" + MASTER + "+V1"), computed independently with Python's hashlib
        assertThat(InfoHashes.toHex(InfoHashes.forPlaylist(MASTER, 1))).isEqualTo("4f3222fdec188fe746fe6b774355185d1964c789");
        assertThat(InfoHashes.forPlaylist(MASTER + "?token=abc", 1)).as("the query is not part of the swarm id")
                .isEqualTo(InfoHashes.forPlaylist(MASTER, 1));
        assertThat(InfoHashes.forPlaylist(MASTER, 0)).isNotEqualTo(InfoHashes.forPlaylist(MASTER, 1));
        assertThat(InfoHashes.isWellFormed(InfoHashes.forPlaylist(MASTER, 0))).isTrue();
    }

    @Test
    void aStreamSwarmIdHashesLikeP2pMediaLoaderTwo() {
        String id = InfoHashes.peerTubeSwarmId(2, "9c9de5e8-0a1b-4f4e-9c6b-0123456789ab", 720);
        assertThat(id).isEqualTo("pt-v2-9c9de5e8-0a1b-4f4e-9c6b-0123456789ab-main-default-720");
        // base64(sha1(id)[0..15]), computed independently with Python
        assertThat(InfoHashes.forStreamSwarmId(id)).isEqualTo("IxBedJelAW2a+91p8twy").hasSize(20);
        assertThat(InfoHashes.peerTubeSwarmId(2, "u", 0)).isEqualTo("pt-v2-u-secondary-default-default");
    }

    @Test
    void hexAndBinaryFormsRoundTrip() {
        String h = InfoHashes.forPlaylist(MASTER, 3);
        assertThat(InfoHashes.fromHex(InfoHashes.toHex(h))).isEqualTo(h);
        assertThat(InfoHashes.isWellFormed("x".repeat(19))).isFalse();
        assertThat(InfoHashes.isWellFormed("\u0100" + "x".repeat(19))).isFalse();
        assertThatThrownBy(() -> InfoHashes.forPlaylist(" ", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KnownSwarms().admit("short")).hasMessageContaining("5 chars");
    }
}
