package org.peerlet;

import org.peerlet.account.AccountDirectory;
import org.peerlet.audit.AuditLog;
import org.peerlet.audit.AuditRoutes;
import org.peerlet.blocklist.BlocklistRoutes;
import org.peerlet.blocklist.Blocklists;
import org.peerlet.db.Database;
import org.peerlet.federation.Blocklist;
import org.peerlet.http.RouteGroup;
import org.peerlet.instance.Urls;
import org.peerlet.watchedwords.WatchedWords;
import org.peerlet.watchedwords.WatchedWordsRoutes;

import java.time.Clock;
import java.util.List;

/** What keeps a community civil beyond reports, built once for {@link App}: mutes, watched words, the audit log. */
record Community(Blocklists mutes, WatchedWords words, AuditLog audit) {

    static Community of(Database db, AccountDirectory accounts, Urls urls, Clock clock) {
        return new Community(new Blocklists(db, accounts, urls.host(), clock), new WatchedWords(db, accounts, clock),
                new AuditLog(db, clock));
    }

    /** Their routes; the instance's server blocks are federation's {@code hostBlocks}. */
    List<RouteGroup> routes(Blocklist hostBlocks, Urls urls) {
        return List.of(new BlocklistRoutes(mutes, hostBlocks::isBlocked, urls), new WatchedWordsRoutes(words),
                new AuditRoutes(audit));
    }
}
