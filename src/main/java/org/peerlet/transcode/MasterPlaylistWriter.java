package org.peerlet.transcode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes master.m3u8: one #EXT-X-STREAM-INF per rung, lowest first. */
final class MasterPlaylistWriter {

    static final String FILE_NAME = "master.m3u8";

    private MasterPlaylistWriter() {
    }

    static String write(Path dir, List<TranscodeResult.Rung> rungs) throws IOException {
        StringBuilder sb = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n\n");
        for (TranscodeResult.Rung r : rungs) {
            sb.append(String.format(Locale.ROOT,
                    "#EXT-X-STREAM-INF:BANDWIDTH=%d,AVERAGE-BANDWIDTH=%d,RESOLUTION=%dx%d,CODECS=\"%s\",FRAME-RATE=%.3f%n",
                    r.bandwidth(), r.averageBandwidth(), r.width(), r.height(), r.codecs(), r.fps()));
            sb.append(r.playlist()).append('\n');
        }
        Files.writeString(dir.resolve(FILE_NAME), sb.toString().replace(System.lineSeparator(), "\n"), StandardCharsets.UTF_8);
        return FILE_NAME;
    }
}
