package io.trustspace.app.did;

import io.trustspace.common.Result;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * did:web identifiers (W3C did:web method): {@code did:web:host%3Aport[:path…]} names the DID document at
 * {@code https://host:port[/path…]/.well-known/did.json} (or {@code /path…/did.json} with a path).
 */
public final class DidWeb {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:]+\\]");
    private static final int MAX_LENGTH = 500;

    private DidWeb() {}

    /** The DID of a node reachable at {@code baseUrl} (scheme, host, optional port; no path). */
    public static String forBaseUrl(String baseUrl) {
        URI uri = URI.create(baseUrl);
        String host = uri.getHost();
        String authority = uri.getPort() > 0 ? host + ":" + uri.getPort() : host;
        return "did:web:" + URLEncoder.encode(authority, StandardCharsets.UTF_8);
    }

    /** Where the DID document of {@code did} is served; http only when allowed (loopback demos and tests). */
    public static Result<URI> documentUrl(String did, boolean httpOnLoopback) {
        if (did == null || did.length() > MAX_LENGTH || !did.startsWith("did:web:")) {
            return Result.invalid("not a did:web identifier");
        }
        String[] parts = did.substring("did:web:".length()).split(":", -1);
        String authority;
        try {
            authority = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Result.invalid("did:web host is not percent-encoded correctly");
        }
        int colon = authority.lastIndexOf(':');
        boolean hasPort = colon > 0 && !authority.endsWith("]");
        String host = hasPort ? authority.substring(0, colon) : authority;
        if (!HOST.matcher(host).matches()) {
            return Result.invalid("did:web host '" + host + "' is not a host name or address");
        }
        if (hasPort) {
            String port = authority.substring(colon + 1);
            if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65_535) {
                return Result.invalid("did:web port '" + port + "' is not a port number (1 to 65535)");
            }
        }
        StringBuilder path = new StringBuilder();
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].isEmpty() || parts[i].contains("/") || parts[i].contains("..")) {
                return Result.invalid("did:web path segment is empty or unsafe");
            }
            path.append('/').append(parts[i]);
        }
        String file = path.length() == 0 ? "/.well-known/did.json" : path + "/did.json";
        boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
        String scheme = httpOnLoopback && loopback ? "http" : "https";
        try {
            return Result.ok(URI.create(scheme + "://" + authority + file));
        } catch (IllegalArgumentException e) {
            return Result.invalid("did:web does not form a URL");
        }
    }
}
