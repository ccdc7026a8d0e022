package io.trustspace.common;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of a use case: a value, or an expected failure with a precise reason.
 *
 * <p>Expected outcomes (not found, policy denied, illegal transition, bad signature) are {@link Failure} values;
 * programming errors throw. Each edge (HTTP, DSP, CLI) maps a {@link Kind} to its own error form exactly once.
 */
public sealed interface Result<T> {

    /** What kind of failure this is; the edges map it to a status code. */
    enum Kind {
        INVALID,
        UNAUTHORIZED,
        FORBIDDEN,
        NOT_FOUND,
        CONFLICT,
        UNAVAILABLE
    }

    record Ok<T>(T value) implements Result<T> {}

    record Failure<T>(Kind kind, String reason) implements Result<T> {
        public Failure {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
        }

        /** The same failure, typed for another result. */
        @SuppressWarnings("unchecked")
        public <U> Failure<U> cast() {
            return (Failure<U>) this;
        }
    }

    static <T> Result<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Result<T> invalid(String reason) {
        return new Failure<>(Kind.INVALID, reason);
    }

    static <T> Result<T> unauthorized(String reason) {
        return new Failure<>(Kind.UNAUTHORIZED, reason);
    }

    static <T> Result<T> forbidden(String reason) {
        return new Failure<>(Kind.FORBIDDEN, reason);
    }

    static <T> Result<T> notFound(String reason) {
        return new Failure<>(Kind.NOT_FOUND, reason);
    }

    static <T> Result<T> conflict(String reason) {
        return new Failure<>(Kind.CONFLICT, reason);
    }

    static <T> Result<T> unavailable(String reason) {
        return new Failure<>(Kind.UNAVAILABLE, reason);
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The value; throws if this is a failure, so call it only after {@link #isOk()} or in tests. */
    default T orElseThrow() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        Failure<T> failure = (Failure<T>) this;
        throw new IllegalStateException(failure.kind() + ": " + failure.reason());
    }

    /** Either {@code ok} of the value or {@code failed} of the failure: how an edge turns a result into a response. */
    default <R> R fold(Function<? super T, ? extends R> ok, Function<? super Failure<T>, ? extends R> failed) {
        if (this instanceof Ok<T> value) {
            return ok.apply(value.value());
        }
        return failed.apply((Failure<T>) this);
    }

    default <U> Result<U> map(Function<? super T, ? extends U> mapper) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(mapper.apply(ok.value()));
        }
        return ((Failure<T>) this).cast();
    }

    default <U> Result<U> flatMap(Function<? super T, Result<U>> mapper) {
        if (this instanceof Ok<T> ok) {
            return mapper.apply(ok.value());
        }
        return ((Failure<T>) this).cast();
    }
}
