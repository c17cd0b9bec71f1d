package org.peerlet.video;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.peerlet.http.Json;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Ladders as earlier versions wrote them into {@code videos.hls} read into the record and write back unchanged. */
class LaddersStoredBeforeReadTheSame {
    private static final String HASH = "0123456789abcdef0123456789abcdef01234567";

    /** As the transcode worker wrote a ladder: relative file names, codecs and info-hash per rung. */
    private static final String LOCAL = "{\"master\":\"master.m3u8\",\"sha256\":\"segments-sha256.json\",\"rungs\":["
            + "{\"height\":144,\"width\":256,\"fps\":25.0,\"bandwidth\":187000,\"size\":91234,\"playlist\":\"144.m3u8\","
            + "\"codecs\":\"avc1.4d400c,mp4a.40.2\",\"infoHash\":\"" + HASH + "\"},"
            + "{\"height\":1280,\"width\":720,\"fps\":29.97,\"bandwidth\":2400000,\"size\":1234567,\"playlist\":\"720.m3u8\","
            + "\"codecs\":\"avc1.64001f,mp4a.40.2\",\"infoHash\":\"" + HASH.replace('0', 'f') + "\"}],"
            + "\"truncated\":true,\"warnings\":[\"the source ended early\"]}";

    /** As a Peerlet from before torrents wrote it: no info-hash keys. */
    private static final String LOCAL_BEFORE_TORRENTS = "{\"master\":\"master.m3u8\",\"sha256\":\"segments-sha256.json\","
            + "\"rungs\":[{\"height\":240,\"width\":426,\"fps\":25.0,\"bandwidth\":300000,\"size\":5000,"
            + "\"playlist\":\"240.m3u8\",\"codecs\":\"avc1.4d4015,mp4a.40.2\"}],\"truncated\":false,\"warnings\":[]}";

    /** As federation stored another server's video: the origin's folder and tracker, absolute hash list. */
    private static final String REMOTE = "{\"base\":\"https://origin.example/static/streaming-playlists/hls/u/\","
            + "\"master\":\"master.m3u8\",\"sha256\":\"https://cdn.origin.example/sha.json\",\"rungs\":["
            + "{\"height\":240,\"width\":426,\"fps\":30.0,\"bandwidth\":310000,\"size\":7000,\"playlist\":\"240.m3u8\"}],"
            + "\"tracker\":\"wss://origin.example/tracker/socket\"}";

    /** A remote video whose origin named neither a hash list nor a tracker. */
    private static final String REMOTE_BARE = "{\"base\":\"https://origin.example/hls/\",\"master\":\"m.m3u8\","
            + "\"sha256\":null,\"rungs\":[]}";

    @Test
    void aLocalLadderReadsByType() {
        Ladder l = Ladder.fromJson(LOCAL);
        assertThat(l.base()).isNull();
        assertThat(l.tracker()).isNull();
        assertThat(l.master()).isEqualTo("master.m3u8");
        assertThat(l.sha256()).isEqualTo("segments-sha256.json");
        assertThat(l.truncated()).isTrue();
        assertThat(l.warnings()).containsExactly("the source ended early");
        assertThat(l.rungs()).extracting(Ladder.Rung::resolution).containsExactly(144, 720);
        Ladder.Rung upright = l.top();
        assertThat(upright).isEqualTo(new Ladder.Rung(1280, 720, 29.97, 2_400_000, 1_234_567, "720.m3u8",
                "avc1.64001f,mp4a.40.2", HASH.replace('0', 'f')));
        assertThat(l.rungs().get(0).infoHash()).isEqualTo(HASH);
    }

    @Test
    void aRemoteLadderReadsByType() {
        Ladder l = Ladder.fromJson(REMOTE);
        assertThat(l.base()).isEqualTo("https://origin.example/static/streaming-playlists/hls/u/");
        assertThat(l.tracker()).isEqualTo("wss://origin.example/tracker/socket");
        assertThat(l.truncated()).isNull();
        assertThat(l.warnings()).isNull();
        assertThat(Ladder.at(l.base(), l.sha256())).isEqualTo("https://cdn.origin.example/sha.json");
        assertThat(Ladder.at(l.base(), l.rungs().get(0).playlist()))
                .isEqualTo("https://origin.example/static/streaming-playlists/hls/u/240.m3u8");
        assertThat(l.rungs().get(0).codecs()).isNull();
        assertThat(l.rungs().get(0).infoHash()).isNull();
        Ladder bare = Ladder.fromJson(REMOTE_BARE);
        assertThat(bare.sha256()).isNull();
        assertThat(bare.tracker()).isNull();
        assertThat(bare.top()).isNull();
    }

    @Test
    void everyStoredShapeWritesBackAsItWas() {
        for (String stored : List.of(LOCAL, LOCAL_BEFORE_TORRENTS, REMOTE, REMOTE_BARE)) {
            String written = Ladder.toJson(Ladder.fromJson(stored));
            JsonNode before = Json.read(stored);
            assertThat(Json.read(written)).as(stored).isEqualTo(before);
            assertThat(written).as("same keys, same order").isEqualTo(stored);
            assertThat(Ladder.fromJson(written)).isEqualTo(Ladder.fromJson(stored));
        }
        assertThat(Ladder.fromJson(null)).isNull();
        assertThat(Ladder.toJson(null)).isNull();
    }

    @Test
    void infoHashesFillOnlyTheRungsWithout() {
        Ladder before = Ladder.fromJson(LOCAL_BEFORE_TORRENTS);
        Ladder after = before.withInfoHashes(Map.of(240, HASH));
        assertThat(after.rungs().get(0).infoHash()).isEqualTo(HASH);
        assertThat(after.withInfoHashes(Map.of(240, "other")).rungs().get(0).infoHash()).isEqualTo(HASH);
        assertThat(Ladder.toJson(after)).isEqualTo(LOCAL_BEFORE_TORRENTS.replace("\"codecs\":\"avc1.4d4015,mp4a.40.2\"",
                "\"codecs\":\"avc1.4d4015,mp4a.40.2\",\"infoHash\":\"" + HASH + "\""));
    }
}
