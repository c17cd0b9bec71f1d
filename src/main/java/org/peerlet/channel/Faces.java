package org.peerlet.channel;

import org.peerlet.account.Account;
import org.peerlet.account.AccountDirectory;
import org.peerlet.account.AccountService;
import org.peerlet.account.User;
import org.peerlet.common.Events;
import org.peerlet.media.Face;
import org.peerlet.media.FaceFiles;

import java.io.InputStream;
import java.util.function.Function;

/**
 * Avatars of accounts, avatars and banners of channels: the files are made first, then the row
 * points at them, then the files of the face it replaced go (a reader sees the old face or the
 * new one, never a missing one). Remote actors' images come here already fetched.
 */
public final class Faces {
    private final FaceFiles files;
    private final AccountService accounts;
    private final AccountDirectory accountDir;
    private final ChannelService channels;
    private final Events events;

    /** One of our accounts (channelId null) or channels changed face: its followers are to hear. */
    public record Changed(Long accountId, Long channelId) {
    }

    public Faces(FaceFiles files, AccountService accounts, AccountDirectory accountDir, ChannelService channels,
                 Events events) {
        this.files = files;
        this.events = events;
        this.accounts = accounts;
        this.accountDir = accountDir;
        this.channels = channels;
    }

    public FaceFiles files() {
        return files;
    }

    /** The asker's own avatar, from an upload; the account as it now is. */
    public Account pickAvatar(User me, InputStream in, long size) {
        long id = own(me).id();
        replace(Face.Kind.AVATAR, files.store(Face.Kind.AVATAR, in, size, "avatarfile"),
                stem -> accounts.setAvatar(id, stem, null));
        events.publish(new Changed(id, null));
        return accountDir.byId(id).orElseThrow();
    }

    public void removeAvatar(User me) {
        long id = own(me).id();
        files.delete(Face.Kind.AVATAR, accounts.setAvatar(id, null, null));
        events.publish(new Changed(id, null));
    }

    /** A channel's avatar or banner, from an upload by someone who may change the channel. */
    public Channel pick(User me, String handle, Face.Kind kind, InputStream in, long size) {
        Channel c = channels.requireEditable(me, handle);
        String field = kind == Face.Kind.AVATAR ? "avatarfile" : "bannerfile";
        replace(kind, files.store(kind, in, size, field), stem -> channels.setFace(c.id(), kind, stem, null));
        events.publish(new Changed(null, c.id()));
        return channels.byId(c.id()).orElseThrow();
    }

    public void remove(User me, String handle, Face.Kind kind) {
        Channel c = channels.requireEditable(me, handle);
        files.delete(kind, channels.setFace(c.id(), kind, null, null));
        events.publish(new Changed(null, c.id()));
    }

    /** Removes one of our channels, then its avatar's and banner's files. */
    public void deleteChannel(User me, String handle) {
        forget(channels.delete(me, handle));
    }

    /**
     * A user is being removed (their rows are still there): the files of their account's avatar
     * and of their channels' faces go; nothing will point at them once the rows are gone.
     */
    public void accountRemoving(long accountId) {
        accountDir.byId(accountId).ifPresent(a -> files.delete(Face.Kind.AVATAR, stem(a.avatar())));
        channels.ofAccount(accountId).forEach(this::forget);
    }

    private void forget(Channel c) {
        files.delete(Face.Kind.AVATAR, stem(c.avatar()));
        files.delete(Face.Kind.BANNER, stem(c.banner()));
    }

    private static String stem(Face f) {
        return f == null ? null : f.stem();
    }

    /**
     * A remote account's avatar, fetched by federation from {@code source}; {@code image} null
     * when the actor has none (any cached one goes). Unreadable images are ignored.
     */
    public void remoteAvatar(long accountId, String source, byte[] image) {
        String stem = image == null ? null : storeQuietly(Face.Kind.AVATAR, image);
        if (image != null && stem == null) return;
        replace(Face.Kind.AVATAR, stem, s -> accounts.setAvatar(accountId, s, source));
    }

    /** A remote channel's avatar or banner, as {@link #remoteAvatar}. */
    public void remoteChannelFace(long channelId, Face.Kind kind, String source, byte[] image) {
        String stem = image == null ? null : storeQuietly(kind, image);
        if (image != null && stem == null) return;
        replace(kind, stem, s -> channels.setFace(channelId, kind, s, source));
    }

    /** Whether a remote actor's image at {@code source} is the one we hold already. */
    public boolean holds(Long accountId, Long channelId, Face.Kind kind, String source) {
        String held = accountId != null ? accounts.avatarSource(accountId) : channels.faceSource(channelId, kind);
        return java.util.Objects.equals(held, source);
    }

    private String storeQuietly(Face.Kind kind, byte[] image) {
        try {
            return files.store(kind, image, "image");
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void replace(Face.Kind kind, String stem, Function<String, String> set) {
        String old;
        try {
            old = set.apply(stem);
        } catch (RuntimeException e) {
            files.delete(kind, stem);
            throw e;
        }
        if (old != null && !old.equals(stem)) files.delete(kind, old);
    }

    private Account own(User me) {
        return accountDir.byUserId(me.id()).orElseThrow();
    }
}
