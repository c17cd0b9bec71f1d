package org.peerlet.transcode;

import org.peerlet.media.MediaPlaylist;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.peerlet.testing.TestClips;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ALadderIsMadeFromOneDecode {

    @TempDir
    static Path dir;

    private Path out;
    private TranscodeResult result;
    private final List<Double> progress = new CopyOnWriteArrayList<>();
    private final List<Map<Integer, Double>> perRung = new CopyOnWriteArrayList<>();

    @BeforeAll
    void transcodeA3SecondClip() throws Exception {
        Path source = TestClips.h264Aac(dir.resolve("src.mp4"), 640, 360, 3, 25);
        out = dir.resolve("out");
        result = new FfmpegEngine().transcode(
                TranscodeRequest.of(source, out).withResolutions(List.of(144, 240, 360, 480, 720)),
                (f, r) -> { progress.add(f); perRung.add(r); }, CancelToken.none());
    }

    @Test
    void rungs_above_the_source_are_dropped_and_sizes_keep_the_aspect() {
        assertThat(result.rungs()).extracting(TranscodeResult.Rung::height).containsExactly(144, 240, 360);
        assertThat(result.rungs()).extracting(TranscodeResult.Rung::width).containsExactly(256, 426, 640);
        for (TranscodeResult.Rung r : result.rungs()) {
            HlsOutput.RungContent c = HlsOutput.rung(out, r.playlist());
            assertThat(c.width()).isEqualTo(r.width());
            assertThat(c.height()).isEqualTo(r.height());
            assertThat(c.videoCodec()).isEqualTo("h264");
            assertThat(c.audioCodec()).isEqualTo("aac");
            assertThat(c.pixelFormat()).isEqualTo("yuv420p");
            assertThat(c.videoFrames()).isEqualTo(75);
            assertThat(c.videoSeconds()).isCloseTo(3.0, offset(0.1));
            assertThat(c.audioSeconds()).isCloseTo(3.0, offset(0.1));
        }
    }

    @Test
    void duration_matches_the_source() {
        assertThat(result.durationSeconds()).isCloseTo(3.0, offset(0.1));
        assertThat(result.truncated()).isFalse();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void every_segment_starts_with_a_keyframe_at_the_same_instant_in_every_rung() {
        List<List<HlsOutput.SegmentStart>> all = new ArrayList<>();
        for (TranscodeResult.Rung r : result.rungs()) {
            List<HlsOutput.SegmentStart> starts = HlsOutput.segmentStarts(out, r.playlist());
            assertThat(starts).allMatch(HlsOutput.SegmentStart::keyframe);
            all.add(starts);
        }
        // The muxer shifts everything by the B-frame delay (a few frames), the same in every rung.
        double first = all.get(0).get(0).seconds();
        assertThat(first).isBetween(0.0, 0.2);
        assertThat(all.get(0)).extracting(HlsOutput.SegmentStart::seconds).containsExactly(first, first + 2.0);
        for (List<HlsOutput.SegmentStart> s : all) assertThat(s).isEqualTo(all.get(0));
        List<Double> keys = HlsOutput.rung(out, result.rungs().get(0).playlist()).keyframeTimes();
        assertThat(keys).containsExactly(first, first + 2.0);
    }

    @Test
    void media_playlists_are_valid_vod_playlists_with_two_second_segments() {
        for (TranscodeResult.Rung r : result.rungs()) {
            MediaPlaylist p = MediaPlaylist.read(out.resolve(r.playlist()));
            assertThat(r.playlist()).isEqualTo(r.height() + ".m3u8");
            assertThat(p.playlistType()).isEqualTo("VOD");
            assertThat(p.ended()).isTrue();
            assertThat(p.targetDuration()).isEqualTo(2);
            assertThat(p.initSegment()).isEqualTo(r.height() + "-init.mp4").isEqualTo(r.initSegment());
            assertThat(p.segments()).extracting(MediaPlaylist.Segment::uri)
                    .containsExactly(r.height() + "-0.m4s", r.height() + "-1.m4s");
            assertThat(p.segments().get(0).duration()).isCloseTo(2.0, offset(0.001));
            assertThat(p.totalDuration()).isCloseTo(3.0, offset(0.1));
            assertThat(r.segmentCount()).isEqualTo(2);
            assertThat(Files.exists(out.resolve(r.initSegment()))).isTrue();
        }
    }

    @Test
    void the_master_playlist_lists_every_rung_with_bandwidth_resolution_codecs_and_frame_rate() throws Exception {
        List<String> lines = Files.readAllLines(out.resolve(result.masterPlaylist()));
        assertThat(result.masterPlaylist()).isEqualTo("master.m3u8");
        assertThat(lines.get(0)).isEqualTo("#EXTM3U");
        assertThat(lines).contains("#EXT-X-VERSION:7");
        List<String> inf = lines.stream().filter(l -> l.startsWith("#EXT-X-STREAM-INF:")).toList();
        assertThat(inf).hasSize(3);
        for (int i = 0; i < 3; i++) {
            TranscodeResult.Rung r = result.rungs().get(i);
            assertThat(inf.get(i)).contains("BANDWIDTH=" + r.bandwidth(), "RESOLUTION=" + r.width() + "x" + r.height(),
                    "CODECS=\"" + r.codecs() + "\"", "FRAME-RATE=25.000");
            assertThat(lines.get(lines.indexOf(inf.get(i)) + 1)).isEqualTo(r.playlist());
            assertThat(r.codecs()).matches("avc1\\.[0-9a-f]{6},mp4a\\.40\\.2");
            assertThat(r.bandwidth()).isPositive();
            assertThat(r.fps()).isEqualTo(25.0);
        }
    }

    @Test
    void the_sha256_file_matches_every_segment() throws Exception {
        String json = Files.readString(out.resolve(result.segmentsSha256()));
        assertThat(result.segmentsSha256()).isEqualTo("segments-sha256.json");
        int count = 0;
        for (TranscodeResult.Rung r : result.rungs()) {
            for (MediaPlaylist.Segment s : MediaPlaylist.read(out.resolve(r.playlist())).segments()) {
                String hash = SegmentHashWriter.sha256(out.resolve(s.uri()));
                assertThat(json).contains("\"" + s.uri() + "\": \"" + hash + "\"");
                count++;
            }
        }
        assertThat(json.chars().filter(c -> c == ':').count()).isEqualTo(count);
    }

    @Test
    void thumbnail_and_preview_are_decodable_jpegs_of_the_right_size() throws Exception {
        var thumb = javax.imageio.ImageIO.read(out.resolve(result.thumbnail()).toFile());
        var preview = javax.imageio.ImageIO.read(out.resolve(result.preview()).toFile());
        assertThat(thumb.getWidth()).isEqualTo(278); // 16:9 fitted inside 280x157, even
        assertThat(thumb.getHeight()).isEqualTo(156);
        assertThat(preview.getWidth()).isEqualTo(640); // fitted in 850x480 but never enlarged
        assertThat(preview.getHeight()).isEqualTo(360);
    }

    @Test
    void progress_climbs_to_one_for_the_whole_and_each_rung() {
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1)).isEqualTo(1.0);
        assertThat(perRung.get(perRung.size() - 1)).containsOnlyKeys(144, 240, 360).allSatisfy((k, v) -> assertThat(v).isEqualTo(1.0));
        for (int i = 1; i < progress.size(); i++) assertThat(progress.get(i)).isGreaterThanOrEqualTo(progress.get(i - 1));
    }
}
