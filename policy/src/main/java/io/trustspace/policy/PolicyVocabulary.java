package io.trustspace.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The namespaces of our policies and the TrustSpace policy JSON-LD context, kept in this module as
 * {@code policy/trustspace-policy-context.jsonld} and served by the node at {@link #CONTEXT_IRI} so that a
 * counterparty can expand our terms. Thread-safe.
 */
public final class PolicyVocabulary {

    public static final String ODRL = "http://www.w3.org/ns/odrl/2/";
    public static final String TS = "https://trustspace.io/ns/policy#";
    public static final String XSD = "http://www.w3.org/2001/XMLSchema#";

    /** Where the context is published; the node serves {@link #contextDocument()} there. */
    public static final String CONTEXT_IRI = "https://trustspace.io/ns/policy/context.jsonld";

    /** The classpath resource holding the context. */
    public static final String CONTEXT_RESOURCE = "policy/trustspace-policy-context.jsonld";

    private static final String CONTEXT = load();

    private PolicyVocabulary() {}

    /** The JSON-LD context document, as served ({@code application/ld+json}). */
    public static String contextDocument() {
        return CONTEXT;
    }

    private static String load() {
        try (InputStream in = PolicyVocabulary.class.getClassLoader().getResourceAsStream(CONTEXT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CONTEXT_RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
