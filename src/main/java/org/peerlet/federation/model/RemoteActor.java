package org.peerlet.federation.model;

/** An actor of another server as we last fetched it, with the account or channel row it maps to. */
public record RemoteActor(long id, String url, String type, String host, String username, String inbox,
                          String sharedInbox, String followers, String keyId, String publicPem, Long accountId,
                          Long channelId, long fetchedAt) {

    /** Where to deliver: the shared inbox when the server offers one. */
    public String deliveryInbox() {
        return sharedInbox != null && !sharedInbox.isEmpty() ? sharedInbox : inbox;
    }

    public String handle() {
        return username + "@" + host;
    }
}
