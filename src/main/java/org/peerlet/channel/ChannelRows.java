package org.peerlet.channel;

import org.jooq.Field;
import org.jooq.Record;
import org.peerlet.media.Face;

import java.util.List;

import static org.peerlet.db.schema.Tables.CHANNELS;

/** Channels joined into other features' queries: the columns to select and the record they make. */
public final class ChannelRows {
    public static final List<Field<?>> COLUMNS = List.of(CHANNELS.ID, CHANNELS.ACCOUNT_ID, CHANNELS.NAME, CHANNELS.HOST,
            CHANNELS.DISPLAY_NAME, CHANNELS.DESCRIPTION, CHANNELS.SUPPORT, CHANNELS.CREATED_AT, CHANNELS.UPDATED_AT,
            CHANNELS.AVATAR, CHANNELS.AVATAR_AT, CHANNELS.BANNER, CHANNELS.BANNER_AT);

    private ChannelRows() {
    }

    public static Channel read(Record r) {
        return new Channel(r.get(CHANNELS.ID), r.get(CHANNELS.ACCOUNT_ID), r.get(CHANNELS.NAME), r.get(CHANNELS.HOST),
                r.get(CHANNELS.DISPLAY_NAME), r.get(CHANNELS.DESCRIPTION), r.get(CHANNELS.SUPPORT),
                r.get(CHANNELS.CREATED_AT), r.get(CHANNELS.UPDATED_AT),
                Face.of(Face.Kind.AVATAR, r.get(CHANNELS.AVATAR), r.get(CHANNELS.AVATAR_AT)),
                Face.of(Face.Kind.BANNER, r.get(CHANNELS.BANNER), r.get(CHANNELS.BANNER_AT)));
    }
}
