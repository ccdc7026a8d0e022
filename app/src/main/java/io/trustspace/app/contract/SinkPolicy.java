package io.trustspace.app.contract;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a push transfer may send data (no SSRF): only http(s) URLs whose host resolves to public addresses — never
 * loopback, link-local, private (RFC 1918, ULA), multicast or unspecified — unless the operator allows it: all
 * private destinations (a closed network where consumers sit on private addresses), or only the origins it lists
 * (one receiving service of a known consumer, without opening the rest of the internal network).
 */
public final class SinkPolicy {

    private final boolean allowPrivate;
    private final Set<String> allowedOrigins;

    public SinkPolicy(boolean allowPrivate) {
        this(allowPrivate, List.of());
    }

    /**
     * @param allowedOrigins origins ({@code scheme://host:port}, the port may be left out for the scheme's default)
     *     allowed even where they are private
     * @throws IllegalArgumentException for an entry that is not such an origin
     */
    public SinkPolicy(boolean allowPrivate, List<String> allowedOrigins) {
        this.allowPrivate = allowPrivate;
        this.allowedOrigins = allowedOrigins.stream()
                .map(origin -> {
                    URI uri;
                    try {
                        uri = URI.create(origin.strip());
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("allowed sink " + origin + " is not a URL", e);
                    }
                    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
                    String scheme =
                            uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                    if (!(scheme.equals("http") || scheme.equals("https"))
                            || uri.getHost() == null
                            || !(path.isEmpty() || path.equals("/"))
                            || uri.getRawQuery() != null
                            || uri.getRawUserInfo() != null) {
                        throw new IllegalArgumentException(
                                "allowed sink " + origin + " must be an origin: scheme://host[:port], nothing else");
                    }
                    return origin(uri);
                })
                .collect(Collectors.toUnmodifiableSet());
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
        if (allowPrivate || allowedOrigins.contains(origin(uri))) {
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
                    || isCarrierGradeNat(address)
                    || isReservedIpv4(address)
                    || isNat64(address)) {
                return Optional.of("the push destination " + uri.getHost() + " resolves to a non-public address "
                        + address.getHostAddress() + "; the operator has not allowed private destinations");
            }
        }
        return Optional.empty();
    }

    private static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    private static boolean isUniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }

    /**
     * IPv4 blocks that are not the public internet either (RFC 6890): IETF protocol assignments 192.0.0.0/24,
     * benchmarking 198.18.0.0/15, reserved 240.0.0.0/4 and the limited broadcast address.
     */
    private static boolean isReservedIpv4(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != 4) {
            return false;
        }
        int a = bytes[0] & 0xff;
        int b = bytes[1] & 0xff;
        int c = bytes[2] & 0xff;
        return (a == 192 && b == 0 && c == 0) || (a == 198 && (b & 0xfe) == 18) || a >= 240;
    }

    /** 64:ff9b::/96 (RFC 6052): through a NAT64 gateway it reaches whatever IPv4 address it embeds, private ones too. */
    private static boolean isNat64(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != 16) {
            return false;
        }
        byte[] prefix = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
        return java.util.Arrays.equals(bytes, 0, 12, prefix, 0, 12);
    }

    private static boolean isCarrierGradeNat(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
    }
}
