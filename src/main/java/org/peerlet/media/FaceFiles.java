package org.peerlet.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The files of avatars and banners: an upload (or a remote actor's image) checked as
 * {@link Images} checks any, cut to the kind's shape and written at each of its sizes under a
 * new random stem; a replaced face's files go.
 */
public final class FaceFiles {
    private static final Pattern NAME = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-\\d{2,4}\\.jpg");

    private final Path root;

    public FaceFiles(MediaLayout media) {
        this.root = media.root();
    }

    /** Makes the files of a new face from an upload; returns its stem. 400/413 for bad input. */
    public String store(Face.Kind kind, InputStream in, long declaredSize, String field) {
        return store(kind, Images.readCapped(in, declaredSize, field), field);
    }

    public String store(Face.Kind kind, byte[] bytes, String field) {
        Face.Size largest = kind.sizes.get(0);
        BufferedImage img = Images.decode(bytes, largest.width(), largest.height(), field);
        String stem = UUID.randomUUID().toString();
        Face face = new Face(kind, stem, 0);
        try {
            for (Face.Size s : kind.sizes) Images.storeCropped(img, dir(kind).resolve(face.file(s)), s.width(), s.height());
        } catch (RuntimeException e) {
            delete(kind, stem);
            throw e;
        }
        return stem;
    }

    public void delete(Face.Kind kind, String stem) {
        if (stem == null) return;
        for (Face.Size s : kind.sizes) {
            try {
                Files.deleteIfExists(dir(kind).resolve(new Face(kind, stem, 0).file(s)));
            } catch (IOException e) {
                // left for the next clean-up: a stray file harms no one
            }
        }
    }

    /** A served file by its name, if the name is one we make and the file is there. */
    public Optional<Path> file(Face.Kind kind, String name) {
        if (name == null || !NAME.matcher(name).matches()) return Optional.empty();
        Path p = dir(kind).resolve(name);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    private Path dir(Face.Kind kind) {
        return root.resolve(kind.dir);
    }
}
