package org.peerlet.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The browser app's shell page ({@code web/index.html}): the answer to every page address. */
public final class WebShell {
    private static final byte[] HTML = load();

    private WebShell() {
    }

    public static byte[] html() {
        return HTML;
    }

    private static byte[] load() {
        try (InputStream in = WebShell.class.getResourceAsStream("/web/index.html")) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
