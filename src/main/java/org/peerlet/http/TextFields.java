package org.peerlet.http;

/**
 * Checks of what people type into a request's text fields, answering 400 naming the field. A
 * control character (NUL, ESC, a line break in a title) breaks the logs, feeds and other
 * instances' parsers that show the text, and is never meant.
 */
public final class TextFields {
    private TextFields() {
    }

    /** A title, name, tag or file name of {@code min..max} characters, without any control character. */
    public static void oneLine(String field, String value, int min, int max) {
        if (value == null || value.strip().length() < min || value.length() > max) {
            throw ApiError.badField(field, field + " must be " + min + " to " + max + " characters");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
            throw ApiError.badField(field, field + " must not contain control characters or line breaks");
        }
    }

    /** A text of lines (a description) of at most {@code max} characters: line breaks and tabs, no other control. */
    public static void lines(String field, String value, int max) {
        if (value == null) return;
        if (value.length() > max) throw ApiError.badField(field, field + " must be at most " + max + " characters");
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw ApiError.badField(field, field + " must not contain control characters");
        }
    }
}
