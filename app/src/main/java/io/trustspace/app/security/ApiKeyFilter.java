package io.trustspace.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates machines by API key ({@code X-Api-Key: <key>}). Keys are configured by their SHA-256, so the
 * configuration holds no secret; comparison is constant-time. A wrong key is not an error here: the request simply
 * stays unauthenticated and the authorisation rules answer 401.
 */
public final class ApiKeyFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Api-Key";

    /** A configured key: its name (for logs and evidence), SHA-256 of the key, and roles. */
    public record ApiKey(String name, byte[] sha256, List<ApiRole> roles) {}

    private final Map<String, ApiKey> keysByHashHex;

    public ApiKeyFilter(List<ApiKey> keys) {
        this.keysByHashHex = keys.stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(
                        key -> HexFormat.of().formatHex(key.sha256()), key -> key));
    }

    public static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented != null && !presented.isBlank() && presented.length() <= 256) {
            byte[] hash = sha256(presented.strip());
            ApiKey match = null;
            for (ApiKey key : keysByHashHex.values()) {
                if (MessageDigest.isEqual(key.sha256(), hash)) {
                    match = key;
                }
            }
            if (match != null) {
                List<SimpleGrantedAuthority> authorities = match.roles().stream()
                        .map(role -> new SimpleGrantedAuthority(role.authority()))
                        .toList();
                SecurityContextHolder.getContext()
                        .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                                "api-key:" + match.name(), null, authorities));
            }
        }
        chain.doFilter(request, response);
    }
}
