package org.peerlet;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every arrow points down: the infrastructure packages know no feature, no two packages need
 * each other, SQL lives in repositories, and a feature's tables are its own. Read from the
 * sources' references to {@code org.peerlet.<package>.}, imports and qualified names alike.
 */
class LayeringTest {
    private static final Path SOURCES = Path.of("src/main/java/org/peerlet");
    private static final Set<String> LOWER = Set.of("http", "db", "config", "common");
    private static final Pattern REFERENCE = Pattern.compile("org\\.peerlet\\.([a-z]+)((?:\\.[a-z]+)*)\\.([A-Z]\\w*)");

    /** package -> referenced package -> the files that refer to it. */
    private static Map<String, Map<String, Set<String>>> references() throws IOException {
        Map<String, Map<String, Set<String>>> out = new TreeMap<>();
        for (Path f : javaFiles()) {
            String from = topPackage(f);
            Matcher m = REFERENCE.matcher(Files.readString(f));
            while (m.find()) {
                if (!m.group(1).equals(from)) {
                    out.computeIfAbsent(from, k -> new TreeMap<>()).computeIfAbsent(m.group(1), k -> new TreeSet<>())
                            .add(SOURCES.relativize(f).toString());
                }
            }
        }
        return out;
    }

    private static String topPackage(Path file) {
        Path rel = SOURCES.relativize(file);
        return rel.getNameCount() == 1 ? "" : rel.getName(0).toString();
    }

    @Test
    void infrastructureKnowsNoFeature() throws IOException {
        List<String> up = new ArrayList<>();
        references().forEach((from, tos) -> tos.forEach((to, files) -> {
            if (LOWER.contains(from) && !LOWER.contains(to)) up.add(from + " -> " + to + " in " + files);
        }));
        assertThat(up).isEmpty();
    }

    @Test
    void noTwoPackagesNeedEachOther() throws IOException {
        Map<String, Map<String, Set<String>>> refs = references();
        List<String> cycles = new ArrayList<>();
        refs.forEach((a, tos) -> tos.forEach((b, files) -> {
            if (a.compareTo(b) < 0 && refs.getOrDefault(b, Map.of()).containsKey(a)) {
                cycles.add(a + " <-> " + b + ": " + files + " / " + refs.get(b).get(a));
            }
        }));
        assertThat(cycles).isEmpty();
    }

    @Test
    void sqlIsWrittenInRepositoriesOnly() throws IOException {
        Pattern sql = Pattern.compile("\\.(execute|fetch|fetchOne|resultQuery|query)\\(\"|(table|field)\\(name\\(");
        List<String> outside = new ArrayList<>();
        for (Path f : javaFiles()) {
            String name = f.getFileName().toString();
            if (name.endsWith("Repository.java") || name.equals("Migrator.java")) continue;
            if (sql.matcher(Files.readString(f)).find()) outside.add(SOURCES.relativize(f).toString());
        }
        assertThat(outside).isEmpty();
    }

    /** The tables of a video (row, tags, search index) are the video feature's: others ask VideoService. */
    @Test
    void onlyTheVideoFeatureTouchesTheVideosTables() throws IOException {
        Pattern tables = Pattern.compile("\\b(VIDEOS|VIDEO_TAGS|VIDEO_SEARCH)\\b|VideoRepository");
        List<String> outside = new ArrayList<>();
        for (Path f : javaFiles()) {
            if (!topPackage(f).equals("video") && tables.matcher(Files.readString(f)).find()) {
                outside.add(SOURCES.relativize(f).toString());
            }
        }
        assertThat(outside).isEmpty();
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }
}
