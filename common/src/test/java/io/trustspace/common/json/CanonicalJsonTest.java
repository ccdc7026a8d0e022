package io.trustspace.common.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.common.Result;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class CanonicalJsonTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"arrays", "french", "structures", "unicode", "values", "weird", "rfc8785-sorting"})
    void canonicalize_producesTheReferenceBytesForTheRfcTestData(String name) throws IOException {
        byte[] input = resource("/json/input/" + name + ".json");
        byte[] expected = HexFormat.of()
                .parseHex(new String(resource("/json/outhex/" + name + ".txt"), StandardCharsets.US_ASCII)
                        .replaceAll("\\s", ""));

        assertThat(CanonicalJson.canonicalize(input).orElseThrow()).isEqualTo(expected);
        assertThat(CanonicalJson.canonicalize(new String(input, StandardCharsets.UTF_8))
                        .orElseThrow())
                .isEqualTo(expected);
    }

    @Test
    void canonicalize_ofTheRfcSection322Sample_isTheRfcOutput() {
        String sample = "{\n  \"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n"
                + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                + "  \"literals\": [null, true, false]\n}";

        assertThat(text(CanonicalJson.canonicalize(sample)))
                .isEqualTo("{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                        + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    void canonicalize_sortsByUtf16CodeUnitsNotCodePoints() {
        // U+1F600 is D83D DE00 in UTF-16 and so sorts before U+FB33, although its code point is larger.
        String json = "{\"\\ufb33\":1,\"\\ud83d\\ude00\":2}";
        assertThat(text(CanonicalJson.canonicalize(json))).isEqualTo("{\"\uD83D\uDE00\":2,\"\uFB33\":1}");
    }

    @Test
    void canonicalize_escapesControlsAsJsonStringifyDoes() {
        String json = "\"\\u0000\\u0008\\u0009\\u000a\\u000c\\u000d\\u001f\\u007f\\u2028\"";
        assertThat(text(CanonicalJson.canonicalize(json))).isEqualTo("\"\\u0000\\b\\t\\n\\f\\r\\u001f\u007f\u2028\"");
    }

    @Test
    void canonicalize_ofATree_matchesCanonicalizeOfItsText() {
        ObjectNode tree = NODES.objectNode();
        tree.put("b", 1.0);
        tree.put("a", "x");
        ArrayNode array = tree.putArray("c");
        array.add(NODES.numberNode(new BigDecimal("4.50")));
        array.add(NODES.numberNode(-0.0));
        array.add(NODES.numberNode(1e30f));
        array.add(NODES.numberNode(BigInteger.ONE.shiftLeft(60)));
        tree.putNull("d");

        assertThat(text(CanonicalJson.canonicalize(tree)))
                .isEqualTo("{\"a\":\"x\",\"b\":1,\"c\":[4.5,0,1.0000000150474662e+30,1152921504606847000],\"d\":null}");
    }

    @Test
    void canonicalize_writesExactlyRepresentableLargeIntegersAsEcmaScriptDoes() {
        assertThat(text(CanonicalJson.canonicalize("[9007199254740992, 1152921504606846976, -9007199254740991]")))
                .isEqualTo("[9007199254740992,1152921504606847000,-9007199254740991]");
    }

    @Test
    void canonicalize_refusesIntegersThatADoubleCannotHold() {
        assertFailure(
                CanonicalJson.canonicalize("{\"n\": 9007199254740993}"),
                "integer 9007199254740993 at offset 6 cannot be represented exactly as an IEEE 754 double");
        assertFailure(
                CanonicalJson.canonicalize(NODES.objectNode().put("n", Long.MAX_VALUE)),
                "integer 9223372036854775807 at $.n cannot be represented exactly");
    }

    @Test
    void canonicalize_refusesDuplicateNames_evenWhenSpelledDifferently() {
        assertFailure(
                CanonicalJson.canonicalize("{\"a\":1,\"\\u0061\":2}"),
                "duplicate member name \"a\" at offset 7 (RFC 8785 §3.1 requires unique names)");
    }

    @Test
    void canonicalize_refusesUnpairedSurrogates() {
        assertFailure(
                CanonicalJson.canonicalize("[\"\\ud83d\"]"),
                "string at offset 1 contains the unpaired surrogate U+D83D");
        assertFailure(CanonicalJson.canonicalize("[\"\\ude00\\ud83d\"]"), "unpaired surrogate U+DE00");
        assertFailure(
                CanonicalJson.canonicalize(NODES.arrayNode().add("x\uD800")),
                "string at $[0] contains the unpaired surrogate U+D800");
    }

    @Test
    void isWellFormed_acceptsPairsAndRefusesEitherHalfAlone() {
        assertThat(CanonicalJson.isWellFormed("数据 \uD83D\uDE00 \u0000")).isTrue();
        assertThat(CanonicalJson.isWellFormed("")).isTrue();
        assertThat(CanonicalJson.isWellFormed("a\uD800")).isFalse();
        assertThat(CanonicalJson.isWellFormed("\uDE00\uD83D")).isFalse();
        assertThat(CanonicalJson.isWellFormed("\uD83Dx")).isFalse();
    }

    @Test
    void canonicalize_refusesNegativeZeroText_perErratum7920() {
        assertFailure(CanonicalJson.canonicalize("-0"), "number -0 at offset 0 is a negative zero");
        assertFailure(CanonicalJson.canonicalize("[-0.0e3]"), "number -0.0e3 at offset 1 is a negative zero");
    }

    @Test
    void canonicalize_refusesNumbersBeyondDoubleRangeAndNonFiniteNodes() {
        assertFailure(CanonicalJson.canonicalize("[1e400]"), "number 1e400 at offset 1 is beyond the range");
        assertFailure(
                CanonicalJson.canonicalize(NODES.arrayNode().add(Double.NaN)),
                "number NaN at $[0] has no JSON representation");
        assertFailure(
                CanonicalJson.canonicalize(NODES.objectNode().put("x", Double.POSITIVE_INFINITY)),
                "number Infinity at $.x has no JSON representation");
    }

    @Test
    void canonicalize_refusesNodesWithoutJsonText() {
        assertFailure(
                CanonicalJson.canonicalize(NODES.objectNode().set("bin", NODES.binaryNode(new byte[] {1}))),
                "value at $.bin is a BINARY node");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "{",
                "[1,]",
                "{\"a\":1,}",
                "01",
                "1.",
                ".5",
                "+1",
                "1e",
                "NaN",
                "Infinity",
                "[1] 2",
                "{'a':1}",
                "\"\\x\"",
                "\"\\u12\"",
                "\"tab\there\"",
                "tru",
                "[1 2]",
                "{\"a\" 1}",
                "// comment\n1",
                "\uFEFF1"
            })
    void canonicalize_refusesTextThatIsNotStrictJson(String text) {
        Result<byte[]> result = CanonicalJson.canonicalize(text);
        assertThat(result).isInstanceOf(Result.Failure.class);
        assertThat(((Result.Failure<byte[]>) result).kind()).isEqualTo(Result.Kind.INVALID);
    }

    @Test
    void canonicalize_boundsNesting() {
        String deep = "[".repeat(CanonicalJson.MAX_DEPTH + 1) + "]".repeat(CanonicalJson.MAX_DEPTH + 1);
        String limit = "[".repeat(CanonicalJson.MAX_DEPTH) + "]".repeat(CanonicalJson.MAX_DEPTH);
        assertFailure(CanonicalJson.canonicalize(deep), "JSON nesting exceeds 100 levels at offset 100");
        assertThat(text(CanonicalJson.canonicalize(limit))).isEqualTo(limit);

        JsonNode deepTree = NODES.arrayNode();
        for (int i = 0; i < CanonicalJson.MAX_DEPTH; i++) {
            deepTree = NODES.arrayNode().add(deepTree);
        }
        assertFailure(CanonicalJson.canonicalize(deepTree), "JSON nesting exceeds 100 levels");
    }

    @Test
    void canonicalize_refusesMalformedUtf8() {
        assertFailure(CanonicalJson.canonicalize(new byte[] {'"', (byte) 0xC3, '"'}), "JSON text is not valid UTF-8");
    }

    @Test
    void canonicalize_isIdempotent() throws IOException {
        byte[] once =
                CanonicalJson.canonicalize(resource("/json/input/weird.json")).orElseThrow();
        assertThat(CanonicalJson.canonicalize(once).orElseThrow()).isEqualTo(once);
    }

    private static void assertFailure(Result<?> result, String reasonFragment) {
        assertThat(result).isInstanceOf(Result.Failure.class);
        Result.Failure<?> failure = (Result.Failure<?>) result;
        assertThat(failure.kind()).isEqualTo(Result.Kind.INVALID);
        assertThat(failure.reason()).contains(reasonFragment);
    }

    private static String text(Result<byte[]> result) {
        return new String(result.orElseThrow(), StandardCharsets.UTF_8);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = CanonicalJsonTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
