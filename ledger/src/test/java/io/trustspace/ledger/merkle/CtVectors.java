package io.trustspace.ledger.merkle;

import io.trustspace.common.json.CanonicalJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The Certificate Transparency Merkle test vectors pinned in {@code merkle/ct-vectors.json}. */
final class CtVectors {

    static final JsonNode JSON = load();

    private CtVectors() {}

    static List<byte[]> leaves() {
        return hexList(JSON.get("leaves"));
    }

    /** Root of the first {@code size} leaves, 1 ≤ size ≤ 8. */
    static byte[] root(int size) {
        return hex(JSON.get("roots").get(size - 1).stringValue());
    }

    static byte[] emptyRoot() {
        return hex(JSON.get("emptyRoot").stringValue());
    }

    static List<byte[]> hexList(JsonNode array) {
        List<byte[]> list = new ArrayList<>();
        for (JsonNode element : array.values()) {
            list.add(hex(element.stringValue()));
        }
        return list;
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static JsonNode load() {
        try (InputStream in = CtVectors.class.getResourceAsStream("/merkle/ct-vectors.json")) {
            return CanonicalJson.parse(in.readAllBytes()).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
