package org.peerlet.backup;

import java.io.PrintStream;
import java.util.Locale;

/** One line on the terminal, rewritten in place a few times a second; nothing when the output is not a terminal. */
final class TerminalProgress implements Progress {
    private static final long EVERY_NANOS = 250_000_000L;
    private final String what;
    private final PrintStream out;
    private final boolean terminal;
    private long last;
    private boolean shown;

    TerminalProgress(String what, PrintStream out, boolean terminal) {
        this.what = what;
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void at(int files, int totalFiles, long bytes, long totalBytes) {
        long now = System.nanoTime();
        if (!terminal || (now - last < EVERY_NANOS && files < totalFiles)) return;
        last = now;
        int pct = totalBytes == 0 ? 100 : (int) (bytes * 100 / totalBytes);
        out.print(String.format(Locale.ROOT, "\r%s: %d/%d files, %s of %s (%d%%)   ", what, files, totalFiles,
                Sizes.human(bytes), Sizes.human(totalBytes), pct));
        out.flush();
        shown = true;
    }

    /** Ends the progress line so what follows starts on its own. */
    void end() {
        if (shown) out.println();
        shown = false;
    }
}
