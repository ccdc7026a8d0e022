package io.trustspace.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a parsed {@link Policy} once into a {@link CompiledPolicy} whose decisions do no parsing and no lookup by
 * name. The model types already enforce that every constraint is well-typed, so compilation cannot fail on a valid
 * {@code Policy}. Stateless and thread-safe.
 */
public final class PolicyCompiler {

    private PolicyCompiler() {}

    public static CompiledPolicy compile(Policy policy) {
        List<CompiledPolicy.CompiledRule> permissions = new ArrayList<>();
        for (int i = 0; i < policy.permissions().size(); i++) {
            Permission permission = policy.permissions().get(i);
            String path = "permission[" + i + "]";
            List<Duty> obligations = new ArrayList<>(permission.duties());
            obligations.addAll(policy.obligations());
            permissions.add(new CompiledPolicy.CompiledRule(
                    path,
                    permission.action(),
                    checks(permission.constraints(), path),
                    new Decision.Permit(path, obligations)));
        }
        List<CompiledPolicy.CompiledRule> prohibitions = new ArrayList<>();
        for (int i = 0; i < policy.prohibitions().size(); i++) {
            Prohibition prohibition = policy.prohibitions().get(i);
            String path = "prohibition[" + i + "]";
            prohibitions.add(new CompiledPolicy.CompiledRule(
                    path, prohibition.action(), checks(prohibition.constraints(), path), null));
        }
        return new CompiledPolicy(
                policy,
                permissions.toArray(CompiledPolicy.CompiledRule[]::new),
                prohibitions.toArray(CompiledPolicy.CompiledRule[]::new));
    }

    private static Check[] checks(List<ConstraintExpression> constraints, String rulePath) {
        Check[] checks = new Check[constraints.size()];
        for (int i = 0; i < checks.length; i++) {
            checks[i] = Check.of(constraints.get(i), rulePath + ".constraint[" + i + "]");
        }
        return checks;
    }
}
