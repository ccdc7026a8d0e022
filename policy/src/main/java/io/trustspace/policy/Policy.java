package io.trustspace.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An ODRL 2.2 policy as parsed from its DSP JSON-LD form. {@code obligations} are policy-level duties, returned with
 * every permit. Parties and target are kept as IRIs/ids; the policy module does not resolve them. Immutable.
 */
public record Policy(
        String uid,
        PolicyType type,
        Optional<String> assigner,
        Optional<String> assignee,
        Optional<String> target,
        List<Permission> permissions,
        List<Prohibition> prohibitions,
        List<Duty> obligations) {

    public Policy {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(assigner, "assigner");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(target, "target");
        permissions = List.copyOf(permissions);
        prohibitions = List.copyOf(prohibitions);
        obligations = List.copyOf(obligations);
    }
}
