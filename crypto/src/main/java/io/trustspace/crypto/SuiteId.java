package io.trustspace.crypto;

import java.util.Locale;

/** The crypto suites a space can choose. One suite per space; every sign, hash and encrypt goes through it. */
public enum SuiteId {
    /** Ed25519 / ECDSA P-256, SHA-256, AES-256-GCM, X25519: interoperates with Eclipse EDC and other DSP connectors. */
    INTL,
    /** 国密: SM2 (with SM3 and the GB/T 32918 default user id), SM3, SM4-GCM. */
    GM;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code intl} or {@code gm}, case-insensitively. */
    public static SuiteId parse(String text) {
        for (SuiteId id : values()) {
            if (id.label().equalsIgnoreCase(text.trim())) {
                return id;
            }
        }
        throw new IllegalArgumentException("unknown crypto suite '" + text + "', expected intl or gm");
    }
}
