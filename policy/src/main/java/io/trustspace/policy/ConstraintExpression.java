package io.trustspace.policy;

/** A node of a rule's constraint tree: an atomic {@link Constraint} or a {@link LogicalConstraint}. */
public sealed interface ConstraintExpression permits Constraint, LogicalConstraint {}
