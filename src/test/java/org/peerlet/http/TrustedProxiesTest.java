package org.peerlet.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which address a request is credited to, for each way a proxy chain can look. */
class TrustedProxiesTest {
    final TrustedProxies loopback = TrustedProxies.parse("loopback");
    final TrustedProxies lan = TrustedProxies.parse("loopback, private");

    @Test
    void aTrustedProxyNamesTheClient() {
        assertThat(loopback.clientOf("127.0.0.1", "203.0.113.5")).isEqualTo("203.0.113.5");
        assertThat(loopback.clientOf("0:0:0:0:0:0:0:1", "203.0.113.5")).isEqualTo("203.0.113.5");
        assertThat(loopback.clientOf("127.0.0.1", null)).isEqualTo("127.0.0.1");
    }

    @Test
    void anyoneElseIsCreditedWithTheirOwnAddressWhateverTheyClaim() {
        assertThat(loopback.clientOf("198.51.100.7", "127.0.0.1")).isEqualTo("198.51.100.7");
        assertThat(TrustedProxies.parse("none").clientOf("127.0.0.1", "203.0.113.5")).isEqualTo("127.0.0.1");
    }

    @Test
    void theChainIsReadFromTheRightSoAClientCannotPickItsAddress() {
        assertThat(loopback.clientOf("127.0.0.1", "1.2.3.4, 203.0.113.5")).isEqualTo("203.0.113.5");
        // Through a LAN proxy (on the router, say) and then the local one.
        assertThat(lan.clientOf("127.0.0.1", "1.2.3.4, 203.0.113.5, 192.168.1.2")).isEqualTo("203.0.113.5");
        assertThat(loopback.clientOf("127.0.0.1", "1.2.3.4, 203.0.113.5, 192.168.1.2")).isEqualTo("192.168.1.2");
        // Everyone in the chain trusted: the leftmost is the best there is.
        assertThat(lan.clientOf("127.0.0.1", "10.0.0.8, 192.168.1.2")).isEqualTo("10.0.0.8");
    }

    @Test
    void portsBracketsAndIpv6AreUnderstood() {
        assertThat(loopback.clientOf("127.0.0.1", "203.0.113.5:51234")).isEqualTo("203.0.113.5");
        assertThat(loopback.clientOf("127.0.0.1", "[2001:db8::7]:443")).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(loopback.clientOf("127.0.0.1", " 2001:db8::7 ")).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(loopback.clientOf("::ffff:127.0.0.1", "203.0.113.5")).isEqualTo("203.0.113.5");
    }

    @Test
    void nonsenseStopsTheWalkAtTheProxyThatWroteItAndIsNeverLookedUp() {
        for (String junk : new String[]{"evil.example", "999.1.1.1", "unknown", "zz:1", ""}) {
            assertThat(loopback.clientOf("127.0.0.1", junk)).as(junk).isEqualTo("127.0.0.1");
        }
        assertThat(lan.clientOf("127.0.0.1", "203.0.113.5, evil.example, 192.168.1.2")).isEqualTo("192.168.1.2");
    }

    @Test
    void rangesAreMatchedByTheirPrefix() {
        TrustedProxies ranges = TrustedProxies.parse("10.1.0.0/16, 2001:db8::/32, 192.0.2.1");
        assertThat(ranges.clientOf("10.1.200.3", "203.0.113.5")).isEqualTo("203.0.113.5");
        assertThat(ranges.clientOf("10.2.0.1", "203.0.113.5")).isEqualTo("10.2.0.1");
        assertThat(ranges.clientOf("2001:db8:ffff::1", "203.0.113.5")).isEqualTo("203.0.113.5");
        assertThat(ranges.clientOf("192.0.2.1", "203.0.113.5")).isEqualTo("203.0.113.5");
        assertThat(ranges.clientOf("192.0.2.2", "203.0.113.5")).isEqualTo("192.0.2.2");
        assertThat(TrustedProxies.parse("172.16.0.0/12").clientOf("172.31.255.254", "203.0.113.5")).isEqualTo("203.0.113.5");
        assertThat(TrustedProxies.parse("172.16.0.0/12").clientOf("172.32.0.1", "203.0.113.5")).isEqualTo("172.32.0.1");
    }

    @Test
    void aBadSettingSaysWhichPartItCannotRead() {
        assertThatThrownBy(() -> TrustedProxies.parse("loopback, proxy.example")).hasMessageContaining("'proxy.example'");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).hasMessageContaining("'10.0.0.0/33'");
        assertThatThrownBy(() -> TrustedProxies.parse("300.1.1.1")).hasMessageContaining("'300.1.1.1'");
    }
}
