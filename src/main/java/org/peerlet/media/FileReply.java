package org.peerlet.media;

import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.HttpOutput;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.DateGenerator;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.util.BufferUtil;
import org.peerlet.http.ApiError;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * A published file (or several back to back, as a download) answered as file servers answer:
 * a strong ETag and Last-Modified from its size and time, conditional requests as RFC 9110
 * (section 13) orders them (412, 304, If-Range), one byte range ({@link ByteRange}), HEAD without
 * a body; the bytes go from the file into Jetty's pooled direct buffers, not through the heap.
 */
public final class FileReply {
    /** Jetty's buffer pool keeps buffers up to this size; larger ones would be made per request. */
    private static final int BUFFER = 64 * 1024;

    private final List<Path> files;
    private final long[] sizes;
    private final long length;
    private final long modifiedSeconds;

    private FileReply(List<Path> files, long[] sizes, long length, long modifiedSeconds) {
        this.files = files;
        this.sizes = sizes;
        this.length = length;
        this.modifiedSeconds = modifiedSeconds;
    }

    /** One file; {@link NoSuchFileException} when it is not a regular file. One stat for size and time. */
    public static FileReply of(Path file) throws IOException {
        return of(List.of(file));
    }

    /** Files sent back to back as one body; the newest one's time is the whole's. */
    public static FileReply of(List<Path> files) throws IOException {
        long[] sizes = new long[files.size()];
        long length = 0;
        long modified = 0;
        for (int i = 0; i < sizes.length; i++) {
            BasicFileAttributes a = Files.readAttributes(files.get(i), BasicFileAttributes.class);
            if (!a.isRegularFile()) throw new NoSuchFileException(files.get(i).toString());
            sizes[i] = a.size();
            length += a.size();
            modified = Math.max(modified, a.lastModifiedTime().toMillis() / 1000);
        }
        return new FileReply(files, sizes, length, modified);
    }

    public long length() {
        return length;
    }

    /** Strong: published files are written once, so size and time tell one version from another. */
    public String etag() {
        return "\"" + Long.toHexString(modifiedSeconds) + "-" + Long.toHexString(length) + "\"";
    }

    /** Answers the request: 304 or 412 by its conditions, else the file or the one range it may have. */
    public void send(Context ctx, String type) throws IOException {
        ctx.header("Accept-Ranges", "bytes");
        ctx.header("ETag", etag());
        ctx.header("Last-Modified", DateGenerator.formatDate(modifiedSeconds * 1000));
        if (!Preconditions.holdFor(ctx, etag(), modifiedSeconds)) {
            throw new ApiError(412, null, "the file is not the version the request's conditions name");
        }
        if (Preconditions.notModified(ctx, etag(), modifiedSeconds)) {
            ctx.status(304);
            return;
        }
        String range = Preconditions.rangeApplies(ctx, etag(), modifiedSeconds) ? ctx.header("Range") : null;
        ByteRange r = ByteRange.of(range, length).orElse(null);
        if (r == null) {
            ctx.header("Content-Range", ByteRange.unsatisfied(length));
            throw new ApiError(416, null, "the range asked for starts beyond the file's " + length + " bytes");
        }
        if (r.partial()) ctx.status(206).header("Content-Range", r.contentRange(length));
        // Binary files carry no charset (the default JSON type would add one).
        ctx.res().setCharacterEncoding(null);
        ctx.contentType(type).header("Content-Length", Long.toString(r.length()));
        if ("HEAD".equals(ctx.req().getMethod()) || r.length() == 0) return;
        write(ctx, r);
    }

    private void write(Context ctx, ByteRange r) throws IOException {
        OutputStream out = ctx.res().getOutputStream();
        ServletContextRequest jetty = ServletContextRequest.getServletContextRequest(ctx.req());
        try (FileSpan span = new FileSpan(files, sizes, r.first(), r.length())) {
            if (!(out instanceof HttpOutput jettyOut) || jetty == null) {
                span.copyTo(out);
                return;
            }
            // A pooled direct buffer: the file is read into it and the socket written from it (no heap copy).
            RetainableByteBuffer pooled = jetty.getComponents().getByteBufferPool().acquire((int) Math.min(BUFFER, r.length()), true);
            ByteBuffer buf = pooled.getByteBuffer();
            try {
                while (true) {
                    buf.clear();
                    if (span.read(buf) <= 0) break;
                    buf.flip();
                    jettyOut.write(buf);
                }
            } finally {
                BufferUtil.clear(buf);
                pooled.release();
            }
        }
    }
}
