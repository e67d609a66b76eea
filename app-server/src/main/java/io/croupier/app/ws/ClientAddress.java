package io.croupier.app.ws;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who the client is, as an IP address: the socket's peer, unless that peer is one of our own proxies, in which case
 * the address that proxy saw, from {@code X-Forwarded-For}.
 *
 * <p>{@code X-Forwarded-For} is a list each proxy appends its peer to ({@code client, proxy1, proxy2}); everything
 * left of what our own proxies wrote is whatever the client sent, so it is read from the right: skip entries that are
 * trusted proxies, take the first that is not. A client connecting directly (not from a trusted proxy) gets its
 * header ignored: otherwise anyone could claim any address, escape the MULTI_ACCOUNT address check or implicate
 * another player. Only IP literals are parsed; nothing here ever resolves a name.
 */
final class ClientAddress {
    private final List<Range> trusted;

    /** @param trustedProxies addresses ({@code 127.0.0.1}) or ranges ({@code 10.0.0.0/8}) of our own proxies */
    ClientAddress(List<String> trustedProxies) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : trustedProxies) {
            ranges.add(Range.parse(entry.trim()).orElseThrow(() -> new IllegalArgumentException(
                    "croupier.app.ws.trusted-proxies: not an IP address or CIDR range: " + entry)));
        }
        this.trusted = List.copyOf(ranges);
    }

    /**
     * @param peer         the socket's peer address (may be null when the container does not say)
     * @param forwardedFor the request's {@code X-Forwarded-For} header values, in order (empty if none)
     */
    String resolve(String peer, List<String> forwardedFor) {
        Optional<InetAddress> peerAddress = peer == null ? Optional.empty() : literal(peer);
        if (peerAddress.isEmpty() || !isTrusted(peerAddress.get())) {
            return peerAddress.map(InetAddress::getHostAddress).orElse(peer);
        }
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            for (String hop : value.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        InetAddress nearest = peerAddress.get();
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(hops.get(i));
            if (hop.isEmpty()) {
                // Not an address: our proxy would not have written it, so trust stops at the hop to its right.
                break;
            }
            nearest = hop.get();
            if (!isTrusted(nearest)) {
                break;
            }
        }
        return nearest.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        for (Range r : trusted) {
            if (r.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** An IPv4 dotted quad or an IPv6 literal (brackets allowed), parsed without any name lookup. */
    static Optional<InetAddress> literal(String text) {
        String s = text.trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.isEmpty() || s.length() > 45) {
            return Optional.empty();
        }
        try {
            if (s.indexOf(':') >= 0) {
                // With a colon, InetAddress parses an IPv6 literal or fails; it never resolves a name.
                return s.matches("[0-9A-Fa-f:.]+") ? Optional.of(InetAddress.getByName(s)) : Optional.empty();
            }
            String[] parts = s.split("\\.", -1);
            if (parts.length != 4) {
                return Optional.empty();
            }
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                if (!parts[i].matches("[0-9]{1,3}") || Integer.parseInt(parts[i]) > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) Integer.parseInt(parts[i]);
            }
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address and how many leading bits of it must match. */
    private record Range(byte[] network, int prefixBits) {
        static Optional<Range> parse(String text) {
            int slash = text.indexOf('/');
            Optional<InetAddress> address = literal(slash < 0 ? text : text.substring(0, slash));
            if (address.isEmpty()) {
                return Optional.empty();
            }
            byte[] bytes = address.get().getAddress();
            int bits = bytes.length * 8;
            if (slash >= 0) {
                String prefix = text.substring(slash + 1);
                if (!prefix.matches("[0-9]{1,3}") || Integer.parseInt(prefix) > bits) {
                    return Optional.empty();
                }
                bits = Integer.parseInt(prefix);
            }
            return Optional.of(new Range(bytes, bits));
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefixBits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((a[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
