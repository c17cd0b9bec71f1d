package org.peerlet.db;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a migration file into statements. A statement ends with a semicolon at the end of
 * a line; inside {@code BEGIN ... END} (trigger bodies) it ends only at {@code END;}.
 */
final class SqlScript {
    private SqlScript() {
    }

    static List<String> split(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inBody = false;
        for (String line : script.split("\n")) {
            String t = line.strip();
            if (t.startsWith("--") || t.isEmpty()) continue;
            cur.append(line).append('\n');
            String upper = t.toUpperCase();
            if (upper.endsWith("BEGIN")) inBody = true;
            boolean ends = inBody ? upper.equals("END;") : t.endsWith(";");
            if (ends) {
                inBody = false;
                String s = cur.toString().strip();
                out.add(s.substring(0, s.length() - 1));
                cur.setLength(0);
            }
        }
        if (!cur.toString().isBlank()) out.add(cur.toString().strip());
        return out;
    }
}
