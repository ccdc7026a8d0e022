package io.trustspace.policy;

import java.util.List;
import java.util.Objects;

/** The outcome of {@link CompiledPolicy#decide}: permit with duties to fulfil, or deny with reasons. Immutable. */
public sealed interface Decision {

    boolean permitted();

    /**
     * Permitted by the permission at {@code grantedBy} (e.g. {@code permission[0]}); {@code obligations} are its
     * duties followed by the policy's obligations, for the caller to fulfil: a decision does not evaluate them.
     */
    record Permit(String grantedBy, List<Duty> obligations) implements Decision {
        public Permit {
            Objects.requireNonNull(grantedBy, "grantedBy");
            obligations = List.copyOf(obligations);
        }

        @Override
        public boolean permitted() {
            return true;
        }
    }

    /** Denied; {@code reasons} is never empty. */
    record Deny(List<Reason> reasons) implements Decision {
        public Deny {
            reasons = List.copyOf(reasons);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a denial needs a reason");
            }
        }

        @Override
        public boolean permitted() {
            return false;
        }
    }
}
