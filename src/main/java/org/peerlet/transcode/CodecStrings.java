package org.peerlet.transcode;

import org.bytedeco.ffmpeg.avcodec.AVCodecContext;

/** RFC 6381 codec names for the master playlist's CODECS attribute. */
final class CodecStrings {

    static final String AAC_LC = "mp4a.40.2";

    private CodecStrings() {
    }

    /** avc1.PPCCLL from the encoder's SPS (profile, constraint flags, level), as players expect. */
    static String avc1(AVCodecContext encoder) {
        int size = encoder.extradata_size();
        byte[] extra = new byte[Math.max(0, size)];
        if (size > 0) encoder.extradata().get(extra);
        return avc1(extra);
    }

    static String avc1(byte[] extradata) {
        int[] pcl = profileCompatLevel(extradata);
        if (pcl == null) return "avc1.64001f"; // High@3.1: a safe default if the header can't be read
        return String.format("avc1.%02x%02x%02x", pcl[0], pcl[1], pcl[2]);
    }

    private static int[] profileCompatLevel(byte[] b) {
        if (b.length >= 4 && b[0] == 1) { // avcC box: version, profile, compat, level
            return new int[] {b[1] & 0xff, b[2] & 0xff, b[3] & 0xff};
        }
        for (int i = 0; i + 6 < b.length; i++) { // Annex B: find start code + SPS NAL (type 7)
            if (b[i] == 0 && b[i + 1] == 0 && b[i + 2] == 1 && (b[i + 3] & 0x1f) == 7) {
                return new int[] {b[i + 4] & 0xff, b[i + 5] & 0xff, b[i + 6] & 0xff};
            }
        }
        return null;
    }
}
