package io.trustspace.common.json;

/**
 * Why a JSON text or tree cannot be canonicalised. Thrown inside this package only and turned into a
 * {@link io.trustspace.common.Result} failure at the public entry points; carries no stack trace because it is an
 * expected outcome, not a bug.
 */
final class JsonRejection extends RuntimeException {

    JsonRejection(String reason) {
        super(reason, null, false, false);
    }
}
