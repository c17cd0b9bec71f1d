package org.peerlet.http;

import io.javalin.http.Context;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Who is really asking, when Peerlet sits behind a reverse proxy (Caddy or nginx for HTTPS): the
 * proxy's address is every visitor's, so limits per address (logins, views, the tracker) would
 * lump a whole family, or a whole audience, together. Requests from a trusted proxy are credited
 * to the address it names in X-Forwarded-For: the list is read from the right, skipping trusted
 * proxies, so the first address no trusted proxy vouches for is the client. Reading from the left
 * would believe whatever a client wrote itself, and let it pick a new address per guess.
 *
 * <p>The setting is a comma-separated list of {@code loopback}, {@code private} (the LAN ranges),
 * {@code none}, IP addresses and CIDR ranges. Addresses are parsed, never looked up in DNS.
 */
public final class TrustedProxies {
    public static final String HEADER = "X-Forwarded-For";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F.]*:[0-9a-fA-F:.]*");

    private record Range(byte[] prefix, int bits) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) return false;
            int whole = bits / 8, rest = bits % 8;
            for (int i = 0; i < whole; i++) if (address[i] != prefix[i]) return false;
            if (rest == 0) return true;
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[whole] & mask) == (prefix[whole] & mask);
        }
    }

    private final List<Range> ranges;
    private final String spec;

    private TrustedProxies(List<Range> ranges, String spec) {
        this.ranges = List.copyOf(ranges);
        this.spec = spec;
    }

    /** Reads the setting; throws IllegalArgumentException naming the part it cannot read. */
    public static TrustedProxies parse(String spec) {
        List<Range> ranges = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            switch (p) {
                case "", "none" -> { }
                case "loopback" -> {
                    ranges.add(range("127.0.0.0/8"));
                    ranges.add(range("::1/128"));
                }
                case "private" -> {
                    for (String r : List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7")) ranges.add(range(r));
                }
                default -> ranges.add(range(p));
            }
        }
        return new TrustedProxies(ranges, spec.strip());
    }

    private static Range range(String text) {
        int slash = text.indexOf('/');
        byte[] address = literal(slash < 0 ? text : text.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("'" + text + "' is not loopback, private, none, an IP address or a CIDR range");
        }
        int bits = address.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > address.length * 8) throw new IllegalArgumentException("'" + text + "' has a bad prefix length");
        }
        return new Range(address, bits);
    }

    /** The client's address for a request that came from {@code remote} carrying {@code forwardedFor}. */
    public String clientOf(String remote, String forwardedFor) {
        byte[] hop = literal(strip(remote));
        if (hop == null) return remote;
        if (forwardedFor != null && !ranges.isEmpty()) {
            String[] named = forwardedFor.split(",");
            for (int i = named.length - 1; i >= 0 && trusted(hop); i--) {
                byte[] next = literal(strip(named[i]));
                if (next == null) break; // a proxy we trust wrote nonsense: stop at that proxy
                hop = next;
            }
        }
        return text(hop);
    }

    public String clientOf(Context ctx) {
        return clientOf(ctx.req().getRemoteAddr(), ctx.header(HEADER));
    }

    private boolean trusted(byte[] address) {
        for (Range r : ranges) if (r.contains(address)) return true;
        return false;
    }

    @Override
    public String toString() {
        return spec;
    }

    /** "[::1]", "[::1]:443", "1.2.3.4:5678" and plain addresses, down to the address. */
    private static String strip(String s) {
        String t = s.strip();
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            return close > 0 ? t.substring(1, close) : t;
        }
        int colon = t.indexOf(':');
        return colon > 0 && colon == t.lastIndexOf(':') ? t.substring(0, colon) : t;
    }

    /** The bytes of an IP literal (IPv4-mapped IPv6 as IPv4), or null; never a DNS lookup. */
    private static byte[] literal(String s) {
        if (IPV4.matcher(s).matches()) {
            String[] parts = s.split("\\.");
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                int v = Integer.parseInt(parts[i]);
                if (v > 255) return null;
                b[i] = (byte) v;
            }
            return b;
        }
        if (!IPV6.matcher(s).matches()) return null;
        try {
            // Hex digits, dots and a colon: the JDK parses an IPv6 literal or refuses; it never asks DNS.
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    private static String text(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
