package org.peerlet.federation;

import org.junit.jupiter.api.Test;
import org.peerlet.federation.net.OutgoingHttp;

import java.net.URI;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outgoing client never reaches internal addresses, plain http or blocked hosts in production mode. */
class OutgoingRequestsRefuseInternalAddresses {
    final OutgoingHttp strict = new OutgoingHttp(false, false, h -> h.equals("blocked.example"), Clock.systemUTC(), "t");
    final OutgoingHttp dev = new OutgoingHttp(true, true, h -> false, Clock.systemUTC(), "t");

    @Test
    void privateLoopbackLinkLocalAndUniqueLocalAddressesAreRefused() {
        for (String u : new String[]{"https://127.0.0.1/", "https://10.1.2.3/", "https://192.168.1.1/", "https://172.16.0.1/",
                "https://169.254.169.254/latest/meta-data", "https://[::1]/", "https://[fd00::1]/", "https://[fe80::1]/",
                "https://100.64.0.1/", "https://0.0.0.0/", "https://[::ffff:127.0.0.1]/", "https://localhost/"}) {
            assertThatThrownBy(() -> strict.check(URI.create(u))).as(u).isInstanceOf(OutgoingHttp.RefusedException.class);
        }
    }

    @Test
    void plainHttpAndBlockedHostsAreRefused() {
        assertThatThrownBy(() -> strict.check(URI.create("http://93.184.215.14/"))).isInstanceOf(OutgoingHttp.RefusedException.class);
        assertThatThrownBy(() -> strict.check(URI.create("https://blocked.example/"))).isInstanceOf(OutgoingHttp.RefusedException.class);
        assertThatCode(() -> strict.check(URI.create("https://93.184.215.14/"))).doesNotThrowAnyException();
    }

    @Test
    void developmentModeAllowsLoopbackButStillNotPrivateNetworks() {
        assertThatCode(() -> dev.check(URI.create("http://127.0.0.1:9000/"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> dev.check(URI.create("http://10.0.0.1/"))).isInstanceOf(OutgoingHttp.RefusedException.class);
    }
}
