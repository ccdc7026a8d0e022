package io.trustspace.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * A policy ready to decide requests. Semantics (see the module README):
 *
 * <ol>
 *   <li>A prohibition whose action includes the requested action and whose constraints all hold denies, whatever
 *       the permissions say.
 *   <li>Otherwise the first permission (in document order) whose action includes the requested action and whose
 *       constraints all hold permits; its duties and the policy's obligations are returned, not evaluated.
 *   <li>Otherwise the request is denied with every failed constraint of every applicable permission, or with
 *       {@link Reason.NoPermission} if no permission covers the action.
 * </ol>
 *
 * <p>Immutable and thread-safe; a permit allocates nothing, the {@link Decision.Permit} being built at compile time.
 */
public final class CompiledPolicy {

    /** A rule with its compiled checks; {@code permit} is null for prohibitions. */
    record CompiledRule(String path, Action action, Check[] checks, Decision.Permit permit) {}

    private final Policy policy;
    private final CompiledRule[] permissions;
    private final CompiledRule[] prohibitions;

    CompiledPolicy(Policy policy, CompiledRule[] permissions, CompiledRule[] prohibitions) {
        this.policy = policy;
        this.permissions = permissions;
        this.prohibitions = prohibitions;
    }

    /** The policy this was compiled from. */
    public Policy policy() {
        return policy;
    }

    /** Decides whether {@code context.action()} is permitted for the facts in {@code context}. */
    public Decision decide(EvaluationContext context) {
        Action requested = context.action;
        for (CompiledRule prohibition : prohibitions) {
            if (prohibition.action.includes(requested) && all(prohibition.checks, context)) {
                return new Decision.Deny(List.of(new Reason.Prohibited(prohibition.path, prohibition.action)));
            }
        }
        boolean applicable = false;
        for (CompiledRule permission : permissions) {
            if (permission.action.includes(requested)) {
                applicable = true;
                if (all(permission.checks, context)) {
                    return permission.permit;
                }
            }
        }
        if (!applicable) {
            return new Decision.Deny(List.of(new Reason.NoPermission(requested)));
        }
        List<Reason> reasons = new ArrayList<>();
        for (CompiledRule permission : permissions) {
            if (permission.action.includes(requested)) {
                for (Check check : permission.checks) {
                    if (!check.test(context)) {
                        reasons.add(check.failure(context));
                    }
                }
            }
        }
        return new Decision.Deny(reasons);
    }

    private static boolean all(Check[] checks, EvaluationContext context) {
        for (Check check : checks) {
            if (!check.test(context)) {
                return false;
            }
        }
        return true;
    }
}
