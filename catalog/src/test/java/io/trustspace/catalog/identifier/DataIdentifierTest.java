package io.trustspace.catalog.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustspace.common.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DataIdentifierTest {

    private static final String PARTICIPANT = "urn:trustspace:participant:0b6f6c2e-9a39-4a51-9d0e-3b5a8f1f6a11";

    @Test
    void format_andParse_roundTrip() {
        DataIdentifier identifier = DataIdentifier.of("ts.example.cn", PARTICIPANT, "traffic-flow_2026.v", 2);
        String text = identifier.format();
        assertThat(text).isEqualTo("ts.example.cn/" + PARTICIPANT + "/traffic-flow_2026.v@2");
        assertThat(identifier.toString()).isEqualTo(text);
        assertThat(DataIdentifier.parse(text).orElseThrow()).isEqualTo(identifier);
    }

    @Test
    void unversioned_parsesWithoutVersion() {
        DataIdentifier identifier = DataIdentifier.parse("ts.example.cn/" + PARTICIPANT + "/traffic")
                .orElseThrow();
        assertThat(identifier.isVersioned()).isFalse();
        assertThat(identifier.versionNumber()).isEmpty();
        assertThat(identifier.format()).isEqualTo("ts.example.cn/" + PARTICIPANT + "/traffic");
    }

    @Test
    void versions_nameTheSameResource() {
        DataIdentifier first = DataIdentifier.of("ts.example.cn", PARTICIPANT, "traffic", 1);
        DataIdentifier second = first.withVersion(2);
        assertThat(second.versionNumber()).hasValue(2);
        assertThat(second).isNotEqualTo(first);
        assertThat(second.sameResourceAs(first)).isTrue();
        assertThat(second.unversioned()).isEqualTo(first.unversioned());
        assertThat(first.sameResourceAs(DataIdentifier.of("ts.example.cn", PARTICIPANT, "other", 1)))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "ts.example.cn",
                "ts.example.cn/p",
                "ts.example.cn/p/a/b",
                "TS.example.cn/p/a",
                "-ts/p/a",
                "ts./p/a",
                "ts/p q/a",
                "ts/p/-a",
                "ts/p/a b",
                "ts/p/数据",
                "ts/p/a@0",
                "ts/p/a@01",
                "ts/p/a@-1",
                "ts/p/a@1000000",
                "ts/p/a@",
                "ts/p/a@1@2",
                "ts//a",
                "/p/a",
                "ts/../a",
                "ts/./a"
            })
    void parse_refusesMalformed(String text) {
        assertThat(DataIdentifier.parse(text)).isInstanceOf(Result.Failure.class);
    }

    @Test
    void parse_saysWhichPartIsWrong() {
        Result<DataIdentifier> result = DataIdentifier.parse("ts/p/a@01");
        assertThat(((Result.Failure<DataIdentifier>) result).reason()).contains("version '01'");
        Result<DataIdentifier> badLocal = DataIdentifier.parse("ts/p/-a");
        assertThat(((Result.Failure<DataIdentifier>) badLocal).reason()).contains("local id");
        assertThat(((Result.Failure<DataIdentifier>) DataIdentifier.parse(null)).kind())
                .isEqualTo(Result.Kind.INVALID);
    }

    @Test
    void parts_areBoundedSoTheWholeFitsAnEvidenceSubject() {
        String prefix = "p".repeat(DataIdentifier.MAX_PREFIX_LENGTH);
        String participant = "q".repeat(DataIdentifier.MAX_PARTICIPANT_LENGTH);
        String local = "l".repeat(DataIdentifier.MAX_LOCAL_ID_LENGTH);
        DataIdentifier longest = DataIdentifier.of(prefix, participant, local, DataIdentifier.MAX_VERSION);
        assertThat(longest.format()).hasSize(DataIdentifier.MAX_LENGTH).hasSizeLessThanOrEqualTo(200);
        assertThat(DataIdentifier.parse(longest.format()).orElseThrow()).isEqualTo(longest);
        assertThat(DataIdentifier.parse(prefix + "p/" + participant + "/" + local))
                .isInstanceOf(Result.Failure.class);
        assertThat(DataIdentifier.parse(prefix + "/" + participant + "/" + local + "l"))
                .isInstanceOf(Result.Failure.class);
    }

    @Test
    void constructor_refusesInvalidParts() {
        assertThatThrownBy(() -> DataIdentifier.of("ts", PARTICIPANT, "a", 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DataIdentifier("ts", "p/q", "a", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
