package org.peerlet.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Readers for setting values; each throws with a short reason on a bad value. */
final class Parsers {
    private Parsers() {
    }

    static Function<String, Integer> intRange(int min, int max) {
        return s -> {
            int v;
            try {
                v = Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a whole number");
            }
            if (v < min || v > max) {
                throw new IllegalArgumentException("must be between " + min + " and " + max);
            }
            return v;
        };
    }

    static Function<String, Long> size() {
        return s -> {
            String t = s.toUpperCase();
            long unit = 1;
            if (t.endsWith("K") || t.endsWith("KB")) unit = 1L << 10;
            else if (t.endsWith("M") || t.endsWith("MB")) unit = 1L << 20;
            else if (t.endsWith("G") || t.endsWith("GB")) unit = 1L << 30;
            String digits = t.replaceAll("[KMGB]+$", "");
            try {
                long v = Long.parseLong(digits) * unit;
                if (v < 0) throw new IllegalArgumentException("must not be negative");
                return v;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a size such as 512M or 4G");
            }
        };
    }

    static Function<String, Boolean> bool() {
        return s -> switch (s.toLowerCase()) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        };
    }

    static Function<String, String> text() {
        return s -> s;
    }

    static Function<String, Path> path() {
        return s -> {
            if (s.isEmpty()) throw new IllegalArgumentException("must not be empty");
            return Path.of(s);
        };
    }

    /** An absolute http(s) URL without a trailing slash, or empty for "derive from the port". */
    static Function<String, String> baseUrl() {
        return s -> {
            if (s.isEmpty()) return "";
            URI u;
            try {
                u = URI.create(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a URL");
            }
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                throw new IllegalArgumentException("must be an absolute http:// or https:// URL");
            }
            if (u.getRawQuery() != null || u.getRawFragment() != null) {
                throw new IllegalArgumentException("must not have a query or fragment");
            }
            return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        };
    }

    static Function<String, List<Integer>> resolutions() {
        return s -> {
            List<Integer> out = new ArrayList<>();
            for (String part : s.split(",")) {
                String p = part.trim().toLowerCase().replace("p", "");
                if (p.isEmpty()) continue;
                int v;
                try {
                    v = Integer.parseInt(p);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("a comma-separated list of resolutions such as 240,360,720");
                }
                if (!List.of(144, 240, 360, 480, 720, 1080, 1440, 2160).contains(v)) {
                    throw new IllegalArgumentException(v + " is not one of 144,240,360,480,720,1080,1440,2160");
                }
                if (!out.contains(v)) out.add(v);
            }
            if (out.isEmpty()) throw new IllegalArgumentException("at least one resolution");
            out.sort(null);
            return List.copyOf(out);
        };
    }

    static Function<String, String> oneOf(String... allowed) {
        return s -> {
            for (String a : allowed) if (a.equals(s)) return s;
            throw new IllegalArgumentException("must be one of " + String.join(", ", allowed));
        };
    }
}
