package org.peerlet.federation.net;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * Which IP addresses outgoing requests may reach: the rules, written once. An IPv6 address that
 * carries an IPv4 address inside (IPv4-compatible, IPv4-mapped, IPv4-translated, NAT64, 6to4,
 * Teredo) is judged by that IPv4 address, since a translator or relay would deliver it there.
 *
 * <p>Only the forms the kernel itself delivers to this machine (plain loopback, IPv4-mapped
 * loopback, the unspecified address) count as {@link Kind#LOOPBACK}, which development mode may
 * reach; loopback inside a translated form reaches a translator's own loopback, never ours, so it
 * is internal. The local-use NAT64 prefix {@code 64:ff9b:1::/48} is a network's own translator
 * and is internal whatever it carries. IPv6 outside {@code 2000::/3} (global unicast) is internal.
 */
public final class AddressRules {
    /** What an address is to an outgoing request. */
    public enum Kind { PUBLIC, LOOPBACK, INTERNAL }

    private AddressRules() {
    }

    /** True if a URL's host is an IP address written out ({@code 192.0.2.1}, {@code [::1]}), not a name. */
    public static boolean isLiteral(String host) {
        return host != null && (host.startsWith("[") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}"));
    }

    public static Kind of(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 4 ? ipv4(b) : ipv6(b);
    }

    static Kind ipv4(byte[] b) {
        int b0 = b[0] & 0xff, b1 = b[1] & 0xff, b2 = b[2] & 0xff;
        if (b0 == 127 || (b0 == 0 && b1 == 0 && b2 == 0 && b[3] == 0)) return Kind.LOOPBACK;
        boolean internal = b0 == 0 || b0 == 10 || b0 >= 224                  // "this network", private, multicast, reserved
                || (b0 == 100 && b1 >= 64 && b1 < 128)                       // carrier-grade NAT
                || (b0 == 169 && b1 == 254) || (b0 == 172 && b1 >= 16 && b1 < 32) || (b0 == 192 && b1 == 168)
                || (b0 == 192 && b1 == 0 && (b2 == 0 || b2 == 2))            // IETF assignments, documentation
                || (b0 == 192 && b1 == 88 && b2 == 99)                       // 6to4 relays
                || (b0 == 198 && (b1 == 18 || b1 == 19))                     // benchmarking
                || (b0 == 198 && b1 == 51 && b2 == 100) || (b0 == 203 && b1 == 0 && b2 == 113); // documentation
        return internal ? Kind.INTERNAL : Kind.PUBLIC;
    }

    static Kind ipv6(byte[] b) {
        if (zero(b, 0, 15) && (b[15] == 0 || b[15] == 1)) return Kind.LOOPBACK; // :: and ::1
        if (zero(b, 0, 10) && b[10] == (byte) 0xff && b[11] == (byte) 0xff) return ipv4(slice(b, 12)); // mapped
        byte[] embedded = embeddedIpv4(b);
        if (embedded != null) return ipv4(embedded) == Kind.PUBLIC ? Kind.PUBLIC : Kind.INTERNAL;
        int w0 = word(b, 0), w1 = word(b, 2), w2 = word(b, 4);
        if (w0 == 0x64 && w1 == 0xff9b && w2 == 1) return Kind.INTERNAL;        // NAT64 local-use 64:ff9b:1::/48
        if ((w0 & 0xe000) != 0x2000) return Kind.INTERNAL;                      // not global unicast 2000::/3
        if (w0 == 0x2001 && w1 < 0x200) return Kind.INTERNAL;                   // IETF protocol assignments 2001::/23
        if (w0 == 0x2001 && w1 == 0xdb8) return Kind.INTERNAL;                  // documentation 2001:db8::/32
        if (w0 == 0x3fff && w1 < 0x1000) return Kind.INTERNAL;                  // documentation 3fff::/20
        return Kind.PUBLIC;
    }

    /**
     * The IPv4 address inside an IPv6 address that carries one (mapped is handled before), or
     * null. Teredo carries two, the relay server's and the client's (inverted): the worse decides,
     * so the server's is returned when the client's is public.
     */
    private static byte[] embeddedIpv4(byte[] b) {
        int w0 = word(b, 0), w1 = word(b, 2);
        if (zero(b, 0, 12)) return slice(b, 12);                                                  // ::a.b.c.d compatible
        if (zero(b, 0, 8) && word(b, 8) == 0xffff && word(b, 10) == 0) return slice(b, 12);      // ::ffff:0:a.b.c.d
        if (w0 == 0x64 && w1 == 0xff9b && zero(b, 4, 12)) return slice(b, 12);                  // NAT64 64:ff9b::/96
        if (w0 == 0x2002) return slice(b, 2);                                                     // 6to4 2002::/16
        if (w0 == 0x2001 && w1 == 0) {                                                            // Teredo 2001::/32
            byte[] client = slice(b, 12);
            for (int i = 0; i < 4; i++) client[i] = (byte) ~client[i];
            return ipv4(client) == Kind.PUBLIC ? slice(b, 4) : client;
        }
        return null;
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] != 0) return false;
        return true;
    }

    private static int word(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }

    private static byte[] slice(byte[] b, int at) {
        return Arrays.copyOfRange(b, at, at + 4);
    }
}
