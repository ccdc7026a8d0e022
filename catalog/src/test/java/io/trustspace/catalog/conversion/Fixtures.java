package io.trustspace.catalog.conversion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

final class Fixtures {

    private Fixtures() {}

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/conversion/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static String reason(io.trustspace.common.Result<?> result) {
        if (result instanceof io.trustspace.common.Result.Failure<?> failure) {
            return failure.kind() + ": " + failure.reason();
        }
        throw new AssertionError("expected a failure, got " + result);
    }
}
