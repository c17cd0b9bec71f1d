package org.peerlet.chapter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chapters written in a description, by PeerTube's rule: consecutive lines that start with a
 * timecode ({@code 1:02:03}, {@code 02:03} or {@code 1h2m3s}) and a space; the first line that
 * does not ends the list; one line alone is no list.
 */
final class DescriptionChapters {
    private static final Pattern LINE = Pattern.compile("^((\\d+[h:])?(\\d+[m:])?\\d+s?)\\s");
    private static final Pattern LETTERS = Pattern.compile("^(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s?)?$");

    private DescriptionChapters() {
    }

    static List<Chapter> of(String description) {
        if (description == null || description.isEmpty()) return List.of();
        List<Chapter> chapters = new ArrayList<>();
        for (String line : description.split("\\r?\\n|\\r")) {
            Matcher m = LINE.matcher(line);
            if (!m.find()) {
                if (!chapters.isEmpty()) break;
                continue;
            }
            String title = line.substring(m.end());
            if (title.length() > Chapter.TITLE_MAX) title = title.substring(0, Chapter.TITLE_MAX);
            chapters.add(new Chapter(seconds(m.group(1)), title));
        }
        return chapters.size() > 1 ? chapters : List.of();
    }

    /** {@code 1h2m3s}, or {@code 1:02:03} read from the right; what cannot be read is 0. */
    static int seconds(String timecode) {
        Matcher m = LETTERS.matcher(timecode);
        if (m.matches()) return part(m.group(1)) * 3600 + part(m.group(2)) * 60 + part(m.group(3));
        String[] parts = timecode.split(":");
        int total = 0;
        for (int i = parts.length - 1, unit = 1; i >= 0 && unit <= 3600; i--, unit *= 60) {
            String p = parts[i].replaceAll("\\D", "");
            if (p.isEmpty()) return 0;
            total += part(p) * unit;
        }
        return total;
    }

    private static int part(String digits) {
        if (digits == null) return 0;
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
