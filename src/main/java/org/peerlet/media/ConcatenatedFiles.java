package org.peerlet.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Files read back to back as one stream, each opened only when reached, or a range of them:
 * {@link #skip} jumps over whole files by their sizes and seeks into the next, so a range near the
 * end of a long download (a BitTorrent web seed asks piece by piece) costs no reading of what
 * comes before it.
 */
public final class ConcatenatedFiles extends InputStream {
    private final List<Path> files;
    private final long[] sizes;
    private int next;
    private InputStream current;
    private long left = Long.MAX_VALUE;

    public ConcatenatedFiles(List<Path> files, long[] sizes) {
        this.files = files;
        this.sizes = sizes;
    }

    /** Only {@code count} bytes from {@code first} on. */
    public static ConcatenatedFiles range(List<Path> files, long[] sizes, long first, long count) throws IOException {
        ConcatenatedFiles in = new ConcatenatedFiles(files, sizes);
        if (in.skip(first) != first) throw new IOException("the files are shorter than " + first + " bytes");
        in.left = count;
        return in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (left <= 0) return -1;
        len = (int) Math.min(len, left);
        while (true) {
            if (current == null && !open(0)) return -1;
            int n = current.read(b, off, len);
            if (n > 0) {
                left -= n;
                return n;
            }
            current.close();
            current = null;
        }
    }

    /** Skips exactly {@code n} bytes unless the end comes first. */
    @Override
    public long skip(long n) throws IOException {
        long left = n;
        if (current != null && left > 0) {
            left -= current.skip(left);
            if (left == 0) return n;
            current.close();
            current = null;
        }
        while (left > 0 && next < files.size()) {
            if (left < sizes[next]) {
                open(left);
                return n;
            }
            left -= sizes[next++];
        }
        return n - left;
    }

    private boolean open(long position) throws IOException {
        if (next >= files.size()) return false;
        SeekableByteChannel ch = Files.newByteChannel(files.get(next++));
        ch.position(position);
        current = Channels.newInputStream(ch);
        return true;
    }

    @Override
    public void close() throws IOException {
        if (current != null) current.close();
        current = null;
        next = files.size();
    }
}
