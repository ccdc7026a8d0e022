package io.trustspace.policy;

import java.util.List;

/**
 * An ODRL rule: an action under constraints. All constraints of a rule must hold for it to apply (ODRL's implicit
 * conjunction). Immutable.
 */
public sealed interface Rule permits Permission, Prohibition, Duty {

    Action action();

    List<ConstraintExpression> constraints();
}
