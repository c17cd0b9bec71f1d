package org.peerlet.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * A secret key kept in a file of the data dir, beside the database rather than in it: a copy of
 * the database alone (a backup, a stolen file) does not hold it. Made at first need, readable by
 * its owner only, written under a temporary name and linked into place so no one reads half a key.
 */
public final class KeyFile {
    public static final int BYTES = 32;

    private KeyFile() {
    }

    public static byte[] loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) create(file);
            byte[] key = Files.readAllBytes(file);
            if (key.length != BYTES) throw new IllegalStateException(file + " is damaged: it should hold " + BYTES + " bytes");
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[BYTES];
        new SecureRandom().nextBytes(key);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp); // not a POSIX file system
        }
        Files.write(tmp, key);
        try {
            Files.createLink(file, tmp); // unlike a rename, never replaces a key another process just made
        } catch (FileAlreadyExistsException e) {
            // that other process's key is the key
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
