package io.trustspace.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The facts of one request, against which a {@link CompiledPolicy} decides. Built once per request with
 * {@link #builder(Action, Instant)}; an absent fact never satisfies a constraint on it (not even {@code neq} or
 * {@code isNoneOf}: we do not permit on what we were not told). Immutable and thread-safe.
 *
 * <p>{@code odrl:count} is compared with {@code priorUses + 1}, the number of uses including the one being decided,
 * so {@code count lteq 3} permits the first three uses. {@code odrl:elapsedTime} is {@code now - agreementStart}.
 */
public final class EvaluationContext {

    /** Marks an absent verification level in the primitive field the hot path reads. */
    static final long ABSENT = Long.MIN_VALUE;

    final Action action;
    final Instant now;
    final Instant agreementStart;
    final Duration elapsed;
    final long useNumber;
    final String purpose;
    final String region;
    final String participant;
    final String industry;
    final Set<String> roles;
    final long verificationLevel;
    final String space;
    final String classification;

    private EvaluationContext(Builder b) {
        this.action = b.action;
        this.now = b.now;
        this.agreementStart = b.agreementStart;
        this.elapsed = b.agreementStart == null ? null : Duration.between(b.agreementStart, b.now);
        this.useNumber = b.priorUses + 1;
        this.purpose = b.purpose;
        this.region = b.region;
        this.participant = b.participant;
        this.industry = b.industry;
        this.roles = Set.copyOf(b.roles);
        this.verificationLevel = b.verificationLevel;
        this.space = b.space;
        this.classification = b.classification;
    }

    /** A builder for a request to perform {@code action} at {@code now}. */
    public static Builder builder(Action action, Instant now) {
        return new Builder(action, now);
    }

    public Action action() {
        return action;
    }

    public Instant now() {
        return now;
    }

    public Optional<Instant> agreementStart() {
        return Optional.ofNullable(agreementStart);
    }

    /** Uses made before this one. */
    public long priorUses() {
        return useNumber - 1;
    }

    public Optional<String> purpose() {
        return Optional.ofNullable(purpose);
    }

    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    public Optional<String> participant() {
        return Optional.ofNullable(participant);
    }

    public Optional<String> industry() {
        return Optional.ofNullable(industry);
    }

    public Set<String> roles() {
        return roles;
    }

    public OptionalInt verificationLevel() {
        return verificationLevel == ABSENT ? OptionalInt.empty() : OptionalInt.of((int) verificationLevel);
    }

    public Optional<String> space() {
        return Optional.ofNullable(space);
    }

    public Optional<String> classification() {
        return Optional.ofNullable(classification);
    }

    /** Collects the facts of a request; not thread-safe, use one per request. */
    public static final class Builder {
        private final Action action;
        private final Instant now;
        private Instant agreementStart;
        private long priorUses;
        private String purpose;
        private String region;
        private String participant;
        private String industry;
        private Set<String> roles = Set.of();
        private long verificationLevel = ABSENT;
        private String space;
        private String classification;

        private Builder(Action action, Instant now) {
            this.action = Objects.requireNonNull(action, "action");
            this.now = Objects.requireNonNull(now, "now");
        }

        /** When the agreement was concluded; {@code odrl:elapsedTime} counts from here. Not after {@code now}. */
        public Builder agreementStart(Instant start) {
            if (start.isAfter(now)) {
                throw new IllegalArgumentException("agreement start " + start + " is after now " + now);
            }
            this.agreementStart = start;
            return this;
        }

        /** Uses of the agreement already made (0 for the first). */
        public Builder priorUses(long uses) {
            if (uses < 0 || uses == Long.MAX_VALUE) {
                throw new IllegalArgumentException("prior uses out of range: " + uses);
            }
            this.priorUses = uses;
            return this;
        }

        public Builder purpose(String purpose) {
            this.purpose = Objects.requireNonNull(purpose, "purpose");
            return this;
        }

        /** The requester's region, e.g. {@code CN}, compared with {@code odrl:spatial}. */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        public Builder participant(String participantId) {
            this.participant = Objects.requireNonNull(participantId, "participantId");
            return this;
        }

        public Builder industry(String industry) {
            this.industry = Objects.requireNonNull(industry, "industry");
            return this;
        }

        public Builder roles(Set<String> roles) {
            this.roles = Set.copyOf(roles);
            return this;
        }

        public Builder verificationLevel(int level) {
            if (level < 0) {
                throw new IllegalArgumentException("verification level is negative: " + level);
            }
            this.verificationLevel = level;
            return this;
        }

        public Builder space(String space) {
            this.space = Objects.requireNonNull(space, "space");
            return this;
        }

        /** The classification of the requested resource. */
        public Builder classification(String classification) {
            this.classification = Objects.requireNonNull(classification, "classification");
            return this;
        }

        public EvaluationContext build() {
            return new EvaluationContext(this);
        }
    }
}
