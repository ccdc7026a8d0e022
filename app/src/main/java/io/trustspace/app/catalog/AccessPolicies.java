package io.trustspace.app.catalog;

import io.trustspace.app.contract.ConsumerClaims;
import io.trustspace.common.Result;
import io.trustspace.common.json.CanonicalJson;
import io.trustspace.identity.auth.VerifiedCaller;
import io.trustspace.policy.Action;
import io.trustspace.policy.CompiledPolicy;
import io.trustspace.policy.EvaluationContext;
import io.trustspace.policy.PolicyCompiler;
import io.trustspace.policy.PolicyParser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Who may see a resource (资源可见性): its access policy, an ODRL policy evaluated for the {@code read} action
 * against the caller's verified membership claims. A resource without an access policy is public.
 *
 * <p>Policies are compiled once and kept by their key, the SHA-256 of their RFC 8785 form, so many resources that
 * share a policy cost one decision per caller — which is how search filters 10^5 resources per request. Thread-safe.
 */
public final class AccessPolicies {

    /** The key of "no access policy": visible to anyone, members or not. */
    public static final String PUBLIC = "public";

    private static final int MAX_CACHED = 100_000;

    private final Map<String, CompiledPolicy> compiled = new ConcurrentHashMap<>();
    private final Clock clock;

    public AccessPolicies(Clock clock) {
        this.clock = clock;
    }

    /** Parses and compiles {@code policy}; INVALID with the parser's path when it cannot be evaluated. */
    public Result<String> register(JsonNode policy) {
        if (policy == null || policy.isNull()) {
            return Result.ok(PUBLIC);
        }
        String key = key(policy);
        if (compiled.containsKey(key)) {
            return Result.ok(key);
        }
        return PolicyParser.parse(policy).map(parsed -> {
            // Policies are shared by many resources, so the number of distinct ones stays small; past the bound a
            // policy is still registered (the cost is memory, not correctness) and a warning tells the operator.
            if (compiled.size() == MAX_CACHED) {
                org.slf4j.LoggerFactory.getLogger(AccessPolicies.class)
                        .warn("more than {} distinct access policies are registered", MAX_CACHED);
            }
            compiled.put(key, PolicyCompiler.compile(parsed));
            return key;
        });
    }

    /** Whether {@code caller} (empty: anonymous) may see a resource whose access policy is {@code policy}. */
    public boolean visible(JsonNode policy, Optional<VerifiedCaller> caller) {
        Result<String> key = register(policy);
        return key instanceof Result.Ok<String> ok && visible(ok.value(), caller);
    }

    /** {@link #visible(JsonNode, Optional)} for a registered key; an unknown key is never visible. */
    public boolean visible(String key, Optional<VerifiedCaller> caller) {
        if (PUBLIC.equals(key) || caller.map(AccessPolicies::isOperator).orElse(false)) {
            return true;
        }
        CompiledPolicy policy = compiled.get(key);
        return policy != null && policy.decide(context(caller)).permitted();
    }

    /** The keys of every registered policy {@code caller} passes, {@link #PUBLIC} included: search's filter. */
    public java.util.Set<String> visibleKeys(Optional<VerifiedCaller> caller) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        keys.add(PUBLIC);
        EvaluationContext context = context(caller);
        compiled.forEach((key, policy) -> {
            if (policy.decide(context).permitted()) {
                keys.add(key);
            }
        });
        return keys;
    }

    /** The keys of every registered policy: what the operator's own staff (and regulators) may search through. */
    public java.util.Set<String> allKeys() {
        java.util.Set<String> keys = new java.util.HashSet<>(compiled.keySet());
        keys.add(PUBLIC);
        return keys;
    }

    /**
     * Whether the caller is a space's operator: its membership credential is self-issued (subject = issuer), which
     * only the issuer itself can present. Operators see every listed resource, with its access policy, because
     * they harvest catalogs and then enforce each policy for their own callers.
     */
    public static boolean isOperator(VerifiedCaller caller) {
        return caller.did().equals(caller.issuer());
    }

    public static String key(JsonNode policy) {
        if (policy == null || policy.isNull()) {
            return PUBLIC;
        }
        try {
            byte[] canonical = CanonicalJson.canonicalize(policy)
                    .fold(bytes -> bytes, failure -> policy.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private EvaluationContext context(Optional<VerifiedCaller> caller) {
        return caller.map(ConsumerClaims::of)
                .orElse(ConsumerClaims.none())
                .applyTo(EvaluationContext.builder(Action.READ, clock.instant()))
                .build();
    }
}
