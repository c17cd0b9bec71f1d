package org.peerlet.channel;

import org.jooq.DSLContext;
import org.peerlet.account.Account;
import org.peerlet.account.AccountChannels;
import org.peerlet.instance.Urls;

import java.util.List;
import java.util.Map;

/** The channels accounts ask for, answered by {@link ChannelService}. */
public final class ChannelsOfAccounts implements AccountChannels {
    private final ChannelService channels;
    private final Urls urls;

    public ChannelsOfAccounts(ChannelService channels, Urls urls) {
        this.channels = channels;
        this.urls = urls;
    }

    @Override
    public boolean localNameTaken(DSLContext tx, String name) {
        return channels.localNameTaken(tx, name);
    }

    @Override
    public long createFirst(DSLContext tx, long accountId, String name, String displayName) {
        return channels.create(tx, accountId, name, new ChannelService.Fields(displayName, null, null));
    }

    @Override
    public List<Map<String, Object>> json(Account a) {
        return channels.ofAccount(a.id()).stream().map(c -> ChannelJson.channel(c, a, urls)).toList();
    }
}
