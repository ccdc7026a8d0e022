package io.trustspace.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the policy JSON fixtures under {@code src/test/resources/policy/}. */
final class Fixtures {

    private Fixtures() {}

    static String read(String name) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream("policy/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Policy policy(String name) {
        return PolicyParser.parse(read(name)).orElseThrow();
    }

    static CompiledPolicy compiled(String name) {
        return PolicyCompiler.compile(policy(name));
    }
}
