package io.trustspace.app.contract;

import io.trustspace.identity.auth.VerifiedCaller;
import io.trustspace.identity.credential.MembershipClaim;
import io.trustspace.policy.EvaluationContext;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The verified claims of a counterparty that policies evaluate: kept with each negotiation decision so that usage
 * control, on every later access, judges the same participant the contract was made with.
 *
 * <p>{@code region} is the country (ISO 3166-1 alpha-2) of the registered region: a Chinese administrative division
 * code (GB/T 2260, six digits) is {@code CN}, {@code CN-31} is {@code CN}; policies' {@code spatial} constraints
 * ("domestic use only") compare countries.
 */
public record ConsumerClaims(
        String participant, String industry, String region, String space, Set<String> roles, int verificationLevel) {

    public ConsumerClaims {
        roles = Set.copyOf(roles == null ? Set.of() : roles);
    }

    public static ConsumerClaims none() {
        return new ConsumerClaims(null, null, null, null, Set.of(), 0);
    }

    public static ConsumerClaims of(VerifiedCaller caller) {
        return new ConsumerClaims(
                caller.claim(MembershipClaim.USCC).orElse(caller.did()),
                caller.industry().orElse(null),
                caller.region().map(ConsumerClaims::country).orElse(null),
                caller.space(),
                caller.roles(),
                caller.verificationLevel().map(ConsumerClaims::level).orElse(0));
    }

    public EvaluationContext.Builder applyTo(EvaluationContext.Builder context) {
        if (participant != null) {
            context.participant(participant);
        }
        if (industry != null) {
            context.industry(industry);
        }
        if (region != null) {
            context.region(region);
        }
        if (space != null) {
            context.space(space);
        }
        context.roles(roles);
        context.verificationLevel(verificationLevel);
        return context;
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("participant", participant);
        node.put("industry", industry);
        node.put("region", region);
        node.put("space", space);
        roles.stream().sorted().forEach(node.withArray("roles")::add);
        node.put("verificationLevel", verificationLevel);
        return node;
    }

    public static ConsumerClaims fromJson(JsonNode node) {
        Set<String> roles = new TreeSet<>();
        node.path("roles").forEach(role -> roles.add(role.asString()));
        return new ConsumerClaims(
                node.path("participant").asString(null),
                node.path("industry").asString(null),
                node.path("region").asString(null),
                node.path("space").asString(null),
                roles,
                node.path("verificationLevel").asInt(0));
    }

    /** The country of a registered region: 310115 → CN, CN-31 → CN, HK → HK. */
    public static String country(String region) {
        String value = region.strip().toUpperCase(Locale.ROOT);
        if (value.matches("[0-9]{6}")) {
            return "CN";
        }
        if (value.matches("[A-Z]{2}(-.*)?")) {
            return value.substring(0, 2);
        }
        return value;
    }

    /** NONE 0, LOW 1, SUBSTANTIAL 2, HIGH 3. */
    static int level(String level) {
        return switch (level.toUpperCase(Locale.ROOT)) {
            case "LOW" -> 1;
            case "SUBSTANTIAL" -> 2;
            case "HIGH" -> 3;
            default -> 0;
        };
    }
}
