package org.peerlet.media;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SHA-1 of every piece of one file, fed its bytes in order as they go by (the publish step
 * reads each segment once for its SHA-256 and hands the same bytes here).
 */
public final class PieceHasher {
    static final int MIN_PIECE = 16 * 1024;
    static final int MAX_PIECE = 16 * 1024 * 1024;
    /** About this many pieces at most: a small .torrent, and web seeds asked for few, large ranges. */
    static final long TARGET_PIECES = 1024;

    private final long length;
    private final int pieceLength;
    private final MessageDigest sha1;
    private final ByteArrayOutputStream hashes = new ByteArrayOutputStream();
    private long fed;
    private int inPiece;

    /** Hashes a file of {@code length} bytes (known from the sizes of its parts before reading). */
    public PieceHasher(long length) {
        if (length <= 0) throw new IllegalArgumentException("a torrent's file has bytes, got " + length);
        this.length = length;
        this.pieceLength = pieceLengthFor(length);
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The smallest power of two from 16 KiB to 16 MiB that cuts the file into about 1,024 pieces or fewer. */
    static int pieceLengthFor(long length) {
        int p = MIN_PIECE;
        while (p < MAX_PIECE && (length + p - 1) / p > TARGET_PIECES) p <<= 1;
        return p;
    }

    public void update(byte[] b, int off, int len) {
        if (fed + len > length) throw new IllegalStateException("more bytes than the " + length + " announced");
        fed += len;
        while (len > 0) {
            int n = Math.min(len, pieceLength - inPiece);
            sha1.update(b, off, n);
            off += n;
            len -= n;
            inPiece += n;
            if (inPiece == pieceLength) endPiece();
        }
    }

    private void endPiece() {
        hashes.writeBytes(sha1.digest());
        inPiece = 0;
    }

    /** The pieces, once every announced byte was fed. */
    public Pieces finish() {
        if (fed != length) throw new IllegalStateException(fed + " bytes hashed of the " + length + " announced");
        if (inPiece > 0) endPiece();
        return new Pieces(length, pieceLength, hashes.toByteArray());
    }

    /** What a torrent's info dictionary says of its one file's content. */
    public record Pieces(long length, int pieceLength, byte[] hashes) {
    }
}
