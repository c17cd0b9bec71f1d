package org.peerlet.federation.inbox;

import org.peerlet.blocklist.Blocklists;
import org.peerlet.channel.ChannelService;
import org.peerlet.federation.model.RemoteActor;

import java.util.function.Predicate;

/** Actors whose account the instance muted, directly or as the owner of their channel: their activities are refused. */
public record MutedActors(Blocklists mutes, ChannelService channels) implements Predicate<RemoteActor> {
    @Override
    public boolean test(RemoteActor a) {
        if (a.accountId() != null && mutes.mutedByInstance(a.accountId())) return true;
        return a.channelId() != null && channels.byId(a.channelId()).map(c -> mutes.mutedByInstance(c.accountId())).orElse(false);
    }
}
