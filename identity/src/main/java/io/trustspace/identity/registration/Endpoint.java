package io.trustspace.identity.registration;

import io.trustspace.common.Result;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A service endpoint a participant declares or the operator calls: an absolute {@code https} URL with a host and
 * without user info or fragment. Plain {@code http} is accepted only for loopback hosts ({@code localhost},
 * {@code 127.0.0.0/8}, {@code [::1]}), which is what demos and tests on one machine use. Host names are judged as
 * written and never resolved, so checking an endpoint causes no network traffic.
 *
 * <p>Immutable and thread-safe.
 */
public record Endpoint(URI uri) {

    public static final int MAX_LENGTH = 2000;

    private static final Pattern IPV4_LOOPBACK =
            Pattern.compile("127\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])"
                    + "\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])");

    public Endpoint {
        Objects.requireNonNull(uri, "uri");
        List<FieldError> errors = check("endpoint", uri.toString());
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(FieldError.describe(errors));
        }
    }

    /** The endpoint, or an INVALID failure saying which rule it breaks. */
    public static Result<Endpoint> parse(String text) {
        List<FieldError> errors = check("endpoint", text);
        return errors.isEmpty()
                ? Result.ok(new Endpoint(URI.create(text.trim())))
                : Result.invalid(FieldError.describe(errors));
    }

    /** The rule {@code text} breaks, if any: {@code required}, {@code length}, {@code url-format} or {@code https-required}. */
    public static List<FieldError> check(String field, String text) {
        if (text == null || text.isBlank()) {
            return List.of(new FieldError(field, FieldError.REQUIRED, "give an https URL"));
        }
        String trimmed = text.trim();
        if (trimmed.length() > MAX_LENGTH) {
            return List.of(new FieldError(field, FieldError.LENGTH, "at most " + MAX_LENGTH + " characters"));
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            return List.of(new FieldError(field, FieldError.URL_FORMAT, "not a URL: " + e.getReason()));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute()
                || uri.isOpaque()
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null
                || !(scheme.equals("https") || scheme.equals("http"))) {
            return List.of(new FieldError(
                    field,
                    FieldError.URL_FORMAT,
                    "give an absolute http(s) URL with a host, without user info or fragment"));
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            return List.of(new FieldError(
                    field, FieldError.HTTPS_REQUIRED, "use https; plain http is allowed only for loopback hosts"));
        }
        return List.of();
    }

    /** True for {@code localhost}, an IPv4 address in 127.0.0.0/8 or {@code [::1]}, as written (no DNS). */
    public static boolean isLoopback(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.equals("localhost")
                || IPV4_LOOPBACK.matcher(lower).matches()
                || lower.equals("[::1]")
                || lower.equals("[0:0:0:0:0:0:0:1]");
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
