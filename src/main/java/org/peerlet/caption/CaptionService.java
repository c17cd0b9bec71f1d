package org.peerlet.caption;

import org.peerlet.common.Events;
import org.peerlet.db.Database;
import org.peerlet.http.ApiError;
import org.peerlet.media.MediaLayout;
import org.peerlet.video.Video;
import org.peerlet.video.VideoConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A video's captions: uploaded as WebVTT or SRT, kept as WebVTT files (one per language) under
 * media's captions folder; a remote video's are the addresses its origin published.
 */
public final class CaptionService {
    private static final Logger LOG = LoggerFactory.getLogger("captions");
    /** Far above any real subtitle file (a feature film's is ~100 kB); PeerTube allows 20 MB. */
    public static final long MAX_BYTES = 2L * 1024 * 1024;

    /** A caption as federation carries it: the language and the address of its WebVTT file. */
    public record Link(String language, String url) {
    }

    /** A local video's captions changed (one added, replaced or removed): followers hear of it. */
    public record CaptionsChanged(Video video) {
    }

    private final Database db;
    private final CaptionRepository repo = new CaptionRepository();
    private final MediaLayout media;
    private final Clock clock;
    private final Events events;
    private final SecureRandom random = new SecureRandom();

    public CaptionService(Database db, MediaLayout media, Events events, Clock clock) {
        this.events = events;
        this.db = db;
        this.media = media;
        this.clock = clock;
    }

    public List<Caption> of(Video v) {
        return repo.ofVideo(db.dsl(), v.id());
    }

    /** The caption stored under this file name, if any (what a caption URL names). */
    public Optional<Caption> byFile(String file) {
        return repo.byFile(db.dsl(), file);
    }

    public Path path(Caption c) {
        return media.captions().resolve(c.file());
    }

    /** PeerTube's language codes only, as its caption API takes. */
    public static String checkLanguage(String language) {
        if (!VideoConstants.LANGUAGES.containsKey(language)) {
            throw ApiError.invalidParam("params", "captionLanguage", language, "Should have a valid caption language");
        }
        return language;
    }

    /** Adds or replaces the video's caption in this language; the old file goes once the new one is in place. */
    public Caption put(Video v, String language, InputStream in, long size) {
        checkLanguage(language);
        if (size > MAX_BYTES) throw ApiError.tooLarge("a caption file may have up to " + MAX_BYTES / 1024 + " kB");
        String vtt = Subtitles.toWebVtt(read(in));
        String file = v.uuid() + "-" + language + "-" + HexFormat.of().formatHex(bytes()) + ".vtt";
        Path target = media.captions().resolve(file);
        try {
            Path tmp = Files.createTempFile(media.captions(), ".part-", ".vtt");
            Files.writeString(tmp, vtt, StandardCharsets.UTF_8);
            MediaLayout.moveAtomically(tmp, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Optional<Caption> old = repo.one(db.dsl(), v.id(), language);
        Caption c = new Caption(v.id(), language, file, null, clock.millis());
        db.writeVoid(tx -> repo.save(tx, c));
        old.filter(o -> !o.isRemote()).ifPresent(this::deleteFile);
        events.publish(new CaptionsChanged(v));
        return c;
    }

    public void delete(Video v, String language) {
        checkLanguage(language);
        Caption c = repo.one(db.dsl(), v.id(), language).orElseThrow(() -> ApiError.notFound("Video caption not found"));
        db.writeVoid(tx -> repo.delete(tx, v.id(), language));
        if (!c.isRemote()) deleteFile(c);
        events.publish(new CaptionsChanged(v));
    }

    /** The video's captions with their addresses ({@code base}: this instance's public URL), to federate. */
    public List<Link> links(Video v, String base) {
        return of(v).stream().filter(c -> !c.isRemote()).map(c -> new Link(c.language(), base + Caption.PATH + c.file())).toList();
    }

    /** A remote video's captions as its origin lists them now; they are linked, not copied. */
    public void storeRemote(long videoId, List<Link> links) {
        long now = clock.millis();
        List<Caption> captions = links.stream()
                .filter(l -> VideoConstants.LANGUAGES.containsKey(l.language())).distinct()
                .map(l -> new Caption(videoId, l.language(), "remote-" + videoId + "-" + l.language(), l.url(), now)).toList();
        db.writeVoid(tx -> repo.replaceRemote(tx, videoId, captions));
    }

    /** A deleted video's caption files go with it (its rows went with the video's row). */
    public void videoDeleted(Video v) {
        try (var files = Files.list(media.captions())) {
            files.filter(p -> p.getFileName().toString().startsWith(v.uuid() + "-")).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("cannot remove caption {}: {}", p.getFileName(), e.toString());
                }
            });
        } catch (IOException e) {
            LOG.warn("cannot list captions: {}", e.toString());
        }
    }

    private byte[] bytes() {
        byte[] b = new byte[4];
        random.nextBytes(b);
        return b;
    }

    private void deleteFile(Caption c) {
        try {
            Files.deleteIfExists(path(c));
        } catch (IOException e) {
            LOG.warn("cannot remove caption {}: {}", c.file(), e.toString());
        }
    }

    private static byte[] read(InputStream in) {
        try (in) {
            byte[] b = in.readNBytes((int) MAX_BYTES + 1);
            if (b.length > MAX_BYTES) throw ApiError.tooLarge("a caption file may have up to " + MAX_BYTES / 1024 + " kB");
            return b;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
