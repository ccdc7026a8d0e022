package io.trustspace.app.dsp;

import io.trustspace.app.web.DspErrorBodies;
import io.trustspace.app.web.RequestIdFilter;
import io.trustspace.app.web.RoutedPath;
import io.trustspace.identity.auth.AccessTokenVerifier;
import io.trustspace.identity.auth.AuthFailure;
import io.trustspace.identity.auth.AuthOutcome;
import io.trustspace.identity.auth.VerifiedCaller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every request to a DSP endpoint ({@code /dsp/**}) must carry {@code Authorization: Bearer <token>}: a short-lived,
 * audience-bound, single-use token self-issued by the caller with its membership credential. It is checked before
 * anything else; the verified caller is handed on as a request attribute, and a refusal is a 401 naming the reason
 * code (and recorded as evidence by the verifier) — or a 503 with Retry-After when the token could not be checked
 * right now.
 */
public final class DspAuthFilter extends OncePerRequestFilter {

    public static final String CALLER = DspAuthFilter.class.getName() + ".caller";
    private static final Logger log = LoggerFactory.getLogger(DspAuthFilter.class);
    private static final String INTEROP_PROFILE = "urn:trustspace:interop-profile";
    private static final int MAX_TOKEN = 16 * 1024;

    private final AccessTokenVerifier verifier;
    private static final int MAX_PARTICIPANT_ID = 256;

    private final VerifiedCaller interopCaller;
    private final boolean interopFromToken;
    private final JsonMapper json = JsonMapper.builder().build();

    public DspAuthFilter(AccessTokenVerifier verifier) {
        this(verifier, null);
    }

    /**
     * With {@code interopCaller}, any request that carries some Authorization header is accepted as that caller
     * (the explicit interoperability profile for the DSP TCK and EDC's iam-mock; see {@code trustspace.dsp}).
     */
    public DspAuthFilter(AccessTokenVerifier verifier, VerifiedCaller interopCaller) {
        this(verifier, interopCaller, false);
    }

    /**
     * With {@code interopFromToken}, the interop profile names each caller by the {@code clientId} of its iam-mock
     * token (the JSON {@code {"region":…,"audience":…,"clientId":…}} EDC sends raw in Authorization), with
     * {@code interopCaller} as the template for everything else; a header that is not such a token is refused.
     */
    public DspAuthFilter(AccessTokenVerifier verifier, VerifiedCaller interopCaller, boolean interopFromToken) {
        if (interopFromToken && interopCaller == null) {
            throw new IllegalArgumentException("interopFromToken needs an interop caller template");
        }
        this.verifier = verifier;
        this.interopCaller = interopCaller;
        this.interopFromToken = interopFromToken;
    }

    /** The caller an interop profile stands in for every peer: no credential, claims or roles of any kind. */
    public static VerifiedCaller interopCaller(String participantId, java.time.Instant validUntil) {
        return new VerifiedCaller(
                participantId,
                INTEROP_PROFILE,
                INTEROP_PROFILE,
                java.util.Set.of(),
                Map.of(),
                INTEROP_PROFILE,
                validUntil);
    }

    /** Whether {@code caller} stands for a peer of the interop profile, which names no DID and proved nothing. */
    public static boolean isInteropCaller(VerifiedCaller caller) {
        return INTEROP_PROFILE.equals(caller.issuer());
    }

    /** The {@code clientId} of an iam-mock token (optionally after "Bearer "), or null if it is not one. */
    String mockTokenClientId(String header) {
        String token = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7) : header;
        token = token.strip();
        if (token.length() > MAX_TOKEN || !token.startsWith("{")) {
            return null;
        }
        try {
            tools.jackson.databind.JsonNode clientId = json.readTree(token).path("clientId");
            if (!clientId.isString()) {
                return null;
            }
            String id = clientId.stringValue().strip();
            return id.isEmpty()
                            || id.length() > MAX_PARTICIPANT_ID
                            || id.chars().anyMatch(Character::isISOControl)
                    ? null
                    : id;
        } catch (tools.jackson.core.JacksonException e) {
            return null;
        }
    }

    /**
     * The caller this filter verified for {@code request}. DSP handlers take it from here: a request that reached
     * one without passing this filter is refused (401) instead of failing on a missing caller.
     */
    public static VerifiedCaller caller(HttpServletRequest request) {
        if (request.getAttribute(CALLER) instanceof VerifiedCaller caller) {
            return caller;
        }
        log.error("{} {} reached a DSP handler without a verified caller", request.getMethod(), RoutedPath.of(request));
        throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "send Authorization: Bearer <access token>");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = RoutedPath.of(request);
        // Version discovery is public by definition: peers call it before they know how to authenticate.
        return !path.startsWith("/dsp/") || path.startsWith("/dsp/.well-known/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (interopCaller != null && header != null && !header.isBlank()) {
            VerifiedCaller caller = interopCaller;
            if (interopFromToken) {
                String clientId = mockTokenClientId(header);
                if (clientId == null) {
                    refuse(
                            request,
                            response,
                            AuthFailure.MALFORMED,
                            "interop profile: send Authorization: {\"clientId\": \"<participant id>\", …}");
                    return;
                }
                caller = interopCaller(clientId, interopCaller.credentialValidUntil());
            }
            request.setAttribute(CALLER, caller);
            chain.doFilter(request, response);
            return;
        }
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() > MAX_TOKEN) {
            refuse(request, response, AuthFailure.MALFORMED, "send Authorization: Bearer <access token>");
            return;
        }
        AuthOutcome outcome = verifier.verify(header.substring(7).strip());
        if (outcome instanceof AuthOutcome.Rejected rejected) {
            refuse(request, response, rejected.failure(), rejected.detail());
            return;
        }
        VerifiedCaller caller = ((AuthOutcome.Authenticated) outcome).caller();
        request.setAttribute(CALLER, caller);
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, AuthFailure failure, String detail)
            throws IOException {
        String type = DspErrorBodies.errorType(RoutedPath.of(request));
        if (type != null) {
            // DSP peers expect the protocol's own error messages, not problem JSON.
            tools.jackson.databind.node.ObjectNode error = DspErrorBodies.error(type, failure.name(), detail);
            status(response, failure);
            response.setContentType("application/json");
            json.writeValue(response.getOutputStream(), error);
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        boolean unavailable = failure.isTransient();
        problem.put("type", "https://trustspace.io/problems/" + (unavailable ? "unavailable" : "unauthorized"));
        problem.put("title", unavailable ? "Service Unavailable" : "Unauthorized");
        problem.put("status", status(failure));
        problem.put("code", failure.name());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        String requestId = RequestIdFilter.currentId(request);
        if (requestId != null) {
            problem.put("requestId", requestId);
        }
        status(response, failure);
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), problem);
    }

    /**
     * 401 for a token that is not acceptable; 503 when it could not be checked right now (the caller's DID document
     * or a status list unreachable, the replay cache full), so the caller retries instead of giving up.
     */
    static int status(AuthFailure failure) {
        return failure.isTransient() ? 503 : 401;
    }

    private static void status(HttpServletResponse response, AuthFailure failure) {
        response.setStatus(status(failure));
        if (failure.isTransient()) {
            response.setHeader("Retry-After", "1");
        } else {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
    }
}
