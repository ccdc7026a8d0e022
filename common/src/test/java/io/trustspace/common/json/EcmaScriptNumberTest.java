package io.trustspace.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EcmaScriptNumberTest {

    static Stream<Arguments> appendixB() throws IOException {
        return fixtureLines("/json/appendix-b.txt").stream().map(line -> {
            String[] parts = line.split(" ");
            return Arguments.of(parts[0], parts[1]);
        });
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("appendixB")
    void format_matchesRfc8785AppendixB(String bits, String expected) {
        double value = Double.longBitsToDouble(HexFormat.fromHexDigitsToLong(bits));
        if (expected.equals("error")) {
            assertThatThrownBy(() -> EcmaScriptNumber.format(value)).isInstanceOf(IllegalArgumentException.class);
        } else {
            assertThat(EcmaScriptNumber.format(value)).isEqualTo(expected);
        }
    }

    @Test
    void format_matchesV8OnThousandsOfSeededDoubles() throws IOException {
        List<String> lines = fixtureLines("/json/es6-numbers.txt");
        assertThat(lines).hasSizeGreaterThan(3000);
        List<String> mismatches = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.split(" ");
            double value = Double.longBitsToDouble(HexFormat.fromHexDigitsToLong(parts[0]));
            String actual = EcmaScriptNumber.format(value);
            if (!actual.equals(parts[1])) {
                mismatches.add(parts[0] + ": expected " + parts[1] + " but got " + actual);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void format_isShorterThanJava17WhereDoubleToStringIsNotShortest() {
        double twoToMinus44 = Math.scalb(1.0, -44);
        assertThat(EcmaScriptNumber.format(twoToMinus44)).isEqualTo("5.684341886080802e-14");
        assertThat(EcmaScriptNumber.format(2e-3)).isEqualTo("0.002");
        assertThat(EcmaScriptNumber.format(1e21)).isEqualTo("1e+21");
        assertThat(EcmaScriptNumber.format(1e20)).isEqualTo("100000000000000000000");
        assertThat(EcmaScriptNumber.format(1e-7)).isEqualTo("1e-7");
        assertThat(EcmaScriptNumber.format(-1.5)).isEqualTo("-1.5");
        assertThat(EcmaScriptNumber.format(0x1p60)).isEqualTo("1152921504606847000");
        assertThat(EcmaScriptNumber.format(0.1f)).isEqualTo("0.10000000149011612");
    }

    @Test
    void format_roundTripsSeededRandomDoubles() {
        SplittableRandom random = new SplittableRandom(8785);
        for (int i = 0; i < 20_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(value)) {
                continue;
            }
            String text = EcmaScriptNumber.format(value);
            assertThat(Double.parseDouble(text)).as(text).isEqualTo(value == 0 ? 0.0 : value);
            assertThat(significantDigits(text)).as(text).isLessThanOrEqualTo(significantDigits(Double.toString(value)));
        }
    }

    private static int significantDigits(String text) {
        String mantissa = text.split("[eE]")[0].replace("-", "").replace(".", "");
        return mantissa.replaceAll("^0+", "").replaceAll("0+$", "").length();
    }

    static List<String> fixtureLines(String resource) throws IOException {
        try (InputStream in = EcmaScriptNumberTest.class.getResourceAsStream(resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .toList();
        }
    }
}
