package org.peerlet.caption;

import org.peerlet.http.ApiError;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A caption file as uploaded (WebVTT or SRT, UTF-8 or UTF-16 with its byte order mark) checked
 * cue by cue and written out as WebVTT, the one format players take. Anything it cannot read
 * is refused with the line where reading stopped, so the person can fix their file.
 */
final class Subtitles {
    private static final String FIELD = "captionfile";
    private static final String TIME = "(?:(\\d{1,3}):)?(\\d{2}):(\\d{2})[.,](\\d{3})";
    private static final Pattern VTT_TIMING = Pattern.compile("^" + TIME.replace("[.,]", "\\.") + "[ \\t]+-->[ \\t]+"
            + TIME.replace("[.,]", "\\.") + "([ \\t].*)?$");
    private static final Pattern SRT_TIMING = Pattern.compile("^\\s*" + TIME + "\\s*-->\\s*" + TIME + "(\\s.*)?$");

    private Subtitles() {
    }

    /** The file as WebVTT text, or a 400 that says what is wrong and where. */
    static String toWebVtt(byte[] raw) {
        List<String> lines = decode(raw).replace("\r\n", "\n").replace('\r', '\n').lines().toList();
        if (!lines.isEmpty() && lines.get(0).matches("WEBVTT([ \\t].*)?")) return checkedVtt(lines);
        return srtToVtt(lines);
    }

    /** UTF-8 (with or without its mark) or UTF-16 with a byte order mark; anything else is refused. */
    static String decode(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return strict(b, 3, StandardCharsets.UTF_8);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) return strict(b, 2, StandardCharsets.UTF_16LE);
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) return strict(b, 2, StandardCharsets.UTF_16BE);
        return strict(b, 0, StandardCharsets.UTF_8);
    }

    private static String strict(byte[] b, int skip, Charset cs) {
        try {
            String s = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, skip, b.length - skip)).toString();
            if (s.indexOf('\0') >= 0) throw new CharacterCodingException();
            return s;
        } catch (CharacterCodingException e) {
            throw ApiError.badField(FIELD, "the caption file is not text in UTF-8 (or UTF-16 with a byte order mark): "
                    + "save it as UTF-8 and send it again");
        }
    }

    /** A WebVTT file kept as it is, once each cue's timing is checked. */
    private static String checkedVtt(List<String> lines) {
        int i = 1;
        while (i < lines.size() && !lines.get(i).isBlank()) i++; // header lines
        while (i < lines.size()) {
            if (lines.get(i).isBlank()) {
                i++;
                continue;
            }
            String first = lines.get(i);
            boolean skipped = first.startsWith("NOTE") || first.startsWith("STYLE") || first.startsWith("REGION");
            if (!skipped) {
                int timing = first.contains("-->") ? i : i + 1;
                if (timing >= lines.size()) throw malformed(i + 1, "a cue identifier with no timing after it");
                Matcher m = VTT_TIMING.matcher(lines.get(timing));
                if (!m.matches()) throw malformed(timing + 1, "expected a cue timing like 00:00:01.000 --> 00:00:02.000");
                checkOrder(m, timing + 1);
                for (int t = timing + 1; t < lines.size() && !lines.get(t).isBlank(); t++) {
                    if (lines.get(t).contains("-->")) throw malformed(t + 1, "a cue timing in the middle of a cue's text");
                }
            }
            while (i < lines.size() && !lines.get(i).isBlank()) i++;
        }
        return String.join("\n", lines) + "\n";
    }

    /** SRT: numbered blocks of a timing line and text, made WebVTT cue by cue. */
    private static String srtToVtt(List<String> lines) {
        StringBuilder out = new StringBuilder("WEBVTT\n");
        int i = 0;
        int cues = 0;
        while (i < lines.size()) {
            if (lines.get(i).isBlank()) {
                i++;
                continue;
            }
            if (lines.get(i).strip().matches("\\d+")) i++;
            Matcher m = i < lines.size() ? SRT_TIMING.matcher(lines.get(i)) : null;
            if (m == null || !m.matches()) {
                throw malformed(Math.min(i, lines.size() - 1) + 1,
                        "expected a cue timing like 00:00:01,000 --> 00:00:02,000 (is this a WebVTT or SRT file?)");
            }
            checkOrder(m, i + 1);
            out.append('\n').append(vttTime(m, 1)).append(" --> ").append(vttTime(m, 5)).append('\n');
            cues++;
            for (i++; i < lines.size() && !lines.get(i).isBlank(); i++) {
                if (lines.get(i).contains("-->")) throw malformed(i + 1, "a cue timing in the middle of a cue's text");
                out.append(lines.get(i)).append('\n');
            }
        }
        if (cues == 0) throw ApiError.badField(FIELD, "the caption file has no cues");
        return out.toString();
    }

    private static void checkOrder(Matcher m, int line) {
        if (millis(m, 5, line) < millis(m, 1, line)) throw malformed(line, "the cue ends before it starts");
    }

    private static long millis(Matcher m, int g, int line) {
        long h = m.group(g) == null ? 0 : Long.parseLong(m.group(g));
        long min = Long.parseLong(m.group(g + 1));
        long s = Long.parseLong(m.group(g + 2));
        if (min > 59 || s > 59) throw malformed(line, "minutes and seconds of a cue timing go up to 59");
        return ((h * 60 + min) * 60 + s) * 1000 + Long.parseLong(m.group(g + 3));
    }

    private static String vttTime(Matcher m, int g) {
        String h = m.group(g) == null ? "00" : String.format("%02d", Integer.parseInt(m.group(g)));
        return h + ":" + m.group(g + 1) + ":" + m.group(g + 2) + "." + m.group(g + 3);
    }

    private static ApiError malformed(int line, String what) {
        return ApiError.badField(FIELD, "line " + line + " of the caption file: " + what);
    }
}
