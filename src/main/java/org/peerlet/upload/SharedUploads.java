package org.peerlet.upload;

import org.peerlet.common.Secrets;
import org.peerlet.http.ApiError;
import org.peerlet.media.MediaLayout;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Videos shared from a phone's share menu (the web app's share target), kept until a signed-in
 * person confirms them on the upload page. A share is a form POST that any web site could make
 * too, so nothing is published from it: the file waits under an unguessable token that only the
 * browser that posted it is sent to, for an hour at most, and few wait at once (per address and
 * in all), each no larger than an upload. Kept in memory: a restart drops them (the uploads
 * folder's clean-up at start removes their files).
 */
public final class SharedUploads {
    static final Duration KEPT_FOR = Duration.ofHours(1);
    static final int PER_ADDRESS = 3;
    static final int AT_ONCE = 20;

    /** A shared file waiting; {@code name} and {@code description} are what the sharing app offered. */
    public record Kept(String token, Path file, String filename, long size, String name, String description,
                       String address, Instant at) {
    }

    private final MediaLayout media;
    private final Clock clock;
    private final Map<String, Kept> waiting = new LinkedHashMap<>();

    public SharedUploads(MediaLayout media, Clock clock) {
        this.media = media;
        this.clock = clock;
    }

    /** Refuses a new share from this address before its body is read, when too many wait already. */
    public synchronized void checkRoom(String address) {
        sweep();
        long fromThere = waiting.values().stream().filter(k -> k.address().equals(address)).count();
        if (fromThere >= PER_ADDRESS || waiting.size() >= AT_ONCE) {
            throw ApiError.tooManyRequests("too many shared videos are waiting to be confirmed; try again later",
                    (int) KEPT_FOR.toSeconds());
        }
    }

    /** A place in the uploads folder for a new shared file; the clean-up at start removes strays. */
    Path newFile() {
        return media.uploads().resolve(".shared-" + Secrets.token(12));
    }

    /** Keeps a file written to {@link #newFile()}; returns its token. */
    public synchronized String keep(Path file, String filename, long size, String name, String description, String address) {
        String token = Secrets.token(24);
        waiting.put(token, new Kept(token, file, filename, size, name, description, address, clock.instant()));
        return token;
    }

    /** The waiting share with this token, if it has not expired. */
    public synchronized Optional<Kept> peek(String token) {
        sweep();
        return Optional.ofNullable(waiting.get(token));
    }

    /** Hands the waiting file over (the caller then owns it); 404 when unknown or expired. */
    public synchronized Kept take(String token) {
        Kept k = peek(token).orElseThrow(SharedUploads::gone);
        waiting.remove(token);
        return k;
    }

    /** The person did not want it: the file goes at once. */
    public synchronized void discard(String token) {
        Kept k = take(token);
        Intake.deleteQuietly(k.file());
    }

    static ApiError gone() {
        return ApiError.notFound("no such shared video: it was uploaded, discarded, or waited over an hour");
    }

    private void sweep() {
        Instant oldest = clock.instant().minus(KEPT_FOR);
        waiting.values().removeIf(k -> {
            if (!k.at().isBefore(oldest)) return false;
            Intake.deleteQuietly(k.file());
            return true;
        });
    }
}
