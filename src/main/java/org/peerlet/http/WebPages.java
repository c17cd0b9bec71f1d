package org.peerlet.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The web UI's addresses, read once from {@code web/pages.json}: the same file the browser app
 * routes by, so a page added there is answered by the server too. Pages get the app's shell;
 * the "server" prefixes (API, media, feeds, ...) never do.
 */
record WebPages(List<Pattern> pages, List<String> serverPrefixes) {

    static WebPages load() {
        try (InputStream in = WebPages.class.getResourceAsStream("/web/pages.json")) {
            if (in == null) return new WebPages(List.of(), List.of());
            JsonNode root = Json.MAPPER.readTree(in);
            List<Pattern> pages = new ArrayList<>();
            root.get("pages").fieldNames().forEachRemaining(p -> pages.add(pattern(p)));
            List<String> prefixes = new ArrayList<>();
            root.get("server").forEach(p -> prefixes.add(p.asText()));
            return new WebPages(List.copyOf(pages), List.copyOf(prefixes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "/c/{handle}" matches "/c/anything" (one path segment per parameter), as in the app. */
    private static Pattern pattern(String address) {
        StringBuilder re = new StringBuilder();
        for (String part : address.split("\\{[^/}]+}", -1)) {
            if (!re.isEmpty()) re.append("[^/]+");
            re.append(Pattern.quote(part));
        }
        return Pattern.compile(re.toString());
    }

    /** One of the app's pages (a trailing slash aside, as the app reads it). */
    boolean isPage(String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return pages.stream().anyMatch(re -> re.matcher(p).matches());
    }

    /** An address the server answers itself (API, media, feeds): never the app's shell. */
    boolean isServerPath(String path) {
        return serverPrefixes.stream().anyMatch(path::startsWith);
    }
}
