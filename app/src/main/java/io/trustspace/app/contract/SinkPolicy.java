package io.trustspace.app.contract;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a push transfer may send data (no SSRF): only http(s) URLs whose host resolves to public addresses — never
 * loopback, link-local, private (RFC 1918, ULA), multicast or unspecified — unless the operator's configuration
 * allows private destinations (a closed network where consumers sit on private addresses).
 */
public final class SinkPolicy {

    private final boolean allowPrivate;

    public SinkPolicy(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    public Optional<String> refused(String endpoint) {
        URI uri;
        try {
            uri = URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            return Optional.of("the push destination is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("the push destination must be an http(s) URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            return Optional.of("the push destination must name a host and carry no user info");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("the push destination's host does not resolve");
        }
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress()
                    || address.isLinkLocalAddress()
                    || address.isSiteLocalAddress()
                    || address.isAnyLocalAddress()
                    || address.isMulticastAddress()
                    || isUniqueLocal(address)
                    || isCarrierGradeNat(address)) {
                return Optional.of("the push destination " + uri.getHost() + " resolves to a non-public address "
                        + address.getHostAddress() + "; the operator has not allowed private destinations");
            }
        }
        return Optional.empty();
    }

    private static boolean isUniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }

    private static boolean isCarrierGradeNat(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
    }
}
