package io.trustspace.app.config;

/** What a node runs: the space's common services, or one participant's connector. */
public enum NodeRole {
    OPERATOR,
    CONNECTOR
}
