package org.peerlet.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/** Copies a file and hashes it in the same read, keeping its time and permissions (keys stay owner-only). */
final class FileCopy {
    private static final int BUFFER = 1 << 20;

    private FileCopy() {
    }

    /** Copies {@code from} to {@code to} (which must not exist); returns the SHA-256 of the bytes read. */
    static String copy(Path from, Path to, long mtime) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = Files.newInputStream(from);
             OutputStream out = Files.newOutputStream(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] buf = new byte[BUFFER];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
                out.write(buf, 0, n);
            }
        }
        keepAttributes(from, to, mtime);
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The SHA-256 of a file's bytes. */
    static String hash(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[BUFFER];
            for (int n; (n = in.read(buf)) > 0; ) sha.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * A hard link {@code to} the earlier copy {@code from}; false where the file system has none
     * (a FAT-formatted USB disk), and the caller copies instead.
     */
    static boolean link(Path to, Path from) throws IOException {
        try {
            Files.createLink(to, from);
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        } catch (IOException e) {
            if (Files.exists(to)) throw e;
            return false; // EPERM/EXDEV/too many links: a plain copy does the same job
        }
    }

    private static void keepAttributes(Path from, Path to, long mtime) throws IOException {
        Files.setLastModifiedTime(to, FileTime.fromMillis(mtime));
        PosixFileAttributeView view = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (view == null) return;
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(from);
            view.setPermissions(perms);
        } catch (UnsupportedOperationException | IOException e) {
            // a file system without POSIX permissions (FAT): nothing to keep
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
