package org.peerlet.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real answers checked against PeerTube's published model types: each answer becomes
 * {@code const x: Type = <its JSON>;} in one TypeScript file, and the pinned {@code tsc} judges
 * them all. A fresh object literal gets TypeScript's excess-property check, so a field PeerTube
 * does not have fails as surely as a missing or mistyped one; what Peerlet adds on purpose is
 * declared in the preamble the test hands over. Nulls are judged as PeerTube's own code is
 * compiled, without strict null checks: PeerTube sends {@code null} for an absent description,
 * category or date where its types say {@code string}, and clients cope with it.
 */
final class ModelContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TYPE_NAME = Pattern.compile("\\b[A-Z][A-Za-z0-9]*\\b");
    private static final Pattern TSC_LINE = Pattern.compile("^check\\.ts\\((\\d+),(\\d+)\\): (.*)$");

    /** A model as it travels in JSON: PeerTube's types say {@code Date} where the wire has an ISO string. */
    private static final String JSON_OF = """
            type Json<T> = T extends Date ? string : T extends (infer U)[] ? Json<U>[]
              : T extends object ? { [K in keyof T]: Json<T[K]> } : T
            """;

    private record Check(String operation, String type, JsonNode json) {
    }

    private final Path modules;
    private final String preamble;
    private final List<Check> checks = new ArrayList<>();

    /**
     * @param modules  the node_modules holding {@code @peertube/peertube-types} and {@code typescript}
     * @param preamble TypeScript declaring Peerlet's deliberate additions (types it names are local)
     */
    ModelContract(Path modules, String preamble) {
        this.modules = modules;
        this.preamble = preamble;
    }

    /** The answer must have succeeded and its JSON is to be of {@code type} (a TypeScript type expression). */
    JsonNode expect(String operation, String type, Api.Res res) {
        if (res.status() / 100 != 2) throw new AssertionError(operation + " answered " + res);
        return expect(operation, type, res.json());
    }

    JsonNode expect(String operation, String type, JsonNode json) {
        checks.add(new Check(operation, type, json));
        return json;
    }

    int size() {
        return checks.size();
    }

    /** Runs tsc over every check; each problem names the operation and the line of JSON it is about. */
    List<String> problems() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("peertube-contract");
        try {
            List<String> lines = new ArrayList<>();
            List<Integer> starts = new ArrayList<>();
            lines.add("import type { " + String.join(", ", importedTypes()) + " } from '@peertube/peertube-types'");
            lines.addAll(JSON_OF.lines().toList());
            lines.addAll(preamble.lines().toList());
            for (int i = 0; i < checks.size(); i++) {
                Check c = checks.get(i);
                lines.add("// " + c.operation());
                starts.add(lines.size() + 1);
                String json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(c.json());
                List<String> body = new ArrayList<>(json.lines().toList());
                body.set(0, "export const check" + i + ": Json<" + c.type() + "> = " + body.get(0));
                lines.addAll(body);
            }
            Files.write(dir.resolve("check.ts"), lines, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("tsconfig.json"), tsconfig());
            return explain(tsc(dir), lines, starts);
        } finally {
            TestFiles.deleteRecursively(dir);
        }
    }

    private List<String> importedTypes() {
        TreeSet<String> names = new TreeSet<>();
        for (Check c : checks) {
            Matcher m = TYPE_NAME.matcher(c.type());
            while (m.find()) names.add(m.group());
        }
        Matcher local = Pattern.compile("\\btype\\s+([A-Z][A-Za-z0-9]*)").matcher(preamble);
        while (local.find()) names.remove(local.group(1));
        Matcher used = TYPE_NAME.matcher(preamble.replaceAll("//[^\\n]*", ""));
        while (used.find()) names.add(used.group());
        local.reset();
        while (local.find()) names.remove(local.group(1));
        names.removeAll(List.of("Partial", "Omit", "Pick", "Record", "Date", "Json"));
        return List.copyOf(names);
    }

    private String tsconfig() {
        Path types = modules.resolve("@peertube/peertube-types/index.d.ts").toAbsolutePath();
        return """
                {"compilerOptions": {"strict": true, "strictNullChecks": false, "noEmit": true, "skipLibCheck": true, "noErrorTruncation": true,
                  "target": "es2022", "module": "es2022", "moduleResolution": "bundler", "types": [],
                  "paths": {"@peertube/peertube-types": ["%s"]}},
                 "files": ["check.ts"]}
                """.formatted(types.toString().replace("\\", "/"));
    }

    private String tsc(Path dir) throws IOException, InterruptedException {
        Path tsc = modules.resolve("typescript/bin/tsc");
        Path log = dir.resolve("tsc.log");
        Process p = new ProcessBuilder("node", tsc.toAbsolutePath().toString(), "-p", ".", "--pretty", "false")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("tsc did not end in two minutes");
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        if (p.exitValue() != 0 && !out.contains("check.ts(")) throw new AssertionError("tsc failed:\n" + out);
        return out;
    }

    private List<String> explain(String out, List<String> lines, List<Integer> starts) {
        List<String> problems = new ArrayList<>();
        String current = null;
        for (String l : out.lines().toList()) {
            Matcher m = TSC_LINE.matcher(l);
            if (m.matches()) {
                int line = Integer.parseInt(m.group(1));
                int which = -1;
                for (int i = 0; i < starts.size() && starts.get(i) <= line; i++) which = i;
                String where = which < 0 ? "preamble" : checks.get(which).operation() + " as " + checks.get(which).type();
                current = where + ", at `" + lines.get(line - 1).strip() + "`: " + m.group(3);
                problems.add(current);
            } else if (current != null && !l.isBlank()) {
                problems.set(problems.size() - 1, problems.get(problems.size() - 1) + "\n    " + l.strip());
            }
        }
        return problems;
    }
}
