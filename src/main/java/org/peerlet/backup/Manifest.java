package org.peerlet.backup;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a backup holds: one line per file, {@code sha256 TAB size TAB mtime-millis TAB path}, the
 * path relative to the data dir with {@code /}. Size and time are the source file's when it was
 * read, so the next backup knows an unchanged file without reading it again. Lines starting with
 * {@code #} describe the backup (format, Peerlet's version, when).
 */
record Manifest(Map<String, String> about, Map<String, Entry> entries) {
    static final String FILE = "manifest.tsv";

    record Entry(String path, long size, long mtime, String sha256) {
    }

    static Manifest read(Path file) {
        Map<String, String> about = new LinkedHashMap<>();
        Map<String, Entry> entries = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) continue;
                if (line.startsWith("#")) {
                    String[] kv = line.substring(1).strip().split(" ", 2);
                    about.put(kv[0], kv.length > 1 ? kv[1] : "");
                    continue;
                }
                String[] f = line.split("\t", 4);
                if (f.length != 4 || f[0].length() != 64) throw new IllegalStateException(file + " is damaged at: " + line);
                entries.put(f[3], new Entry(f[3], Long.parseLong(f[1]), Long.parseLong(f[2]), f[0]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(file + " is damaged: " + e.getMessage());
        }
        return new Manifest(about, entries);
    }

    void write(Path file) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> a : about.entrySet()) w.write("# " + a.getKey() + " " + a.getValue() + "\n");
            for (Entry e : entries.values()) {
                w.write(e.sha256() + "\t" + e.size() + "\t" + e.mtime() + "\t" + e.path() + "\n");
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    long bytes() {
        return entries.values().stream().mapToLong(Entry::size).sum();
    }

    List<Entry> list() {
        return List.copyOf(entries.values());
    }
}
