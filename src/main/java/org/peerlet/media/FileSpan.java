package org.peerlet.media;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code count} bytes from {@code first} of files read back to back, as a channel: each file is
 * opened only when reached, and those before {@code first} are skipped by their sizes (a range
 * near the end of a long download costs no reading of what comes before it). Reads go straight
 * into the caller's buffer (Jetty's pooled direct ones), never through a heap array.
 */
final class FileSpan implements ReadableByteChannel {
    private final List<Path> files;
    private int index;
    private long position;
    private long left;
    private FileChannel current;
    private boolean open = true;

    FileSpan(List<Path> files, long[] sizes, long first, long count) {
        this.files = files;
        this.left = count;
        long skip = first;
        while (index < sizes.length && skip >= sizes[index]) skip -= sizes[index++];
        this.position = skip;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (left <= 0) return -1;
        if (!dst.hasRemaining()) return 0;
        while (index < files.size()) {
            if (current == null) current = FileChannel.open(files.get(index));
            int limit = dst.limit();
            if (dst.remaining() > left) dst.limit(dst.position() + (int) left);
            int n = current.read(dst, position);
            dst.limit(limit);
            if (n > 0) {
                position += n;
                left -= n;
                return n;
            }
            // This file ended (or shrank under us): go on with the next; the length tells the client.
            current.close();
            current = null;
            index++;
            position = 0;
        }
        return -1;
    }

    /** For a stream that is not Jetty's: through a small buffer, bounded by the span. */
    void copyTo(OutputStream out) throws IOException {
        WritableByteChannel to = Channels.newChannel(out);
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        while (read(buf) > 0) {
            buf.flip();
            while (buf.hasRemaining()) to.write(buf);
            buf.clear();
        }
        out.flush();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() throws IOException {
        open = false;
        if (current != null) current.close();
        current = null;
    }
}
