package io.trustspace.identity.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustspace.common.Result;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineRegistryVerifierTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC);

    private final OfflineRegistryVerifier registry = load("/identity/offline-registry.json");

    static OfflineRegistryVerifier load(String resource) {
        try (InputStream in = OfflineRegistryVerifierTest.class.getResourceAsStream(resource)) {
            return OfflineRegistryVerifier.fromJson(in.readAllBytes(), AssuranceLevel.LOW, CLOCK)
                    .orElseThrow();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void knownOrganisation_withMatchingClaims_isVerifiedAtTheConfiguredLevel() {
        VerificationResult result = registry.verify(Subjects.organisation("91110105MA01C3D718", "北京星河数据科技有限公司", "张伟"));

        assertThat(result.method()).isEqualTo(VerificationMethod.OFFLINE_REGISTRY);
        assertThat(result.outcome()).isEqualTo(VerificationOutcome.VERIFIED);
        assertThat(result.level()).isEqualTo(AssuranceLevel.LOW);
        assertThat(result.checkedAt()).isEqualTo(CLOCK.instant());
        assertThat(result.details()).contains("91110105MA01C3D718").contains("存续");
    }

    @Test
    void fullWidthAndHalfWidthBrackets_compareEqual() {
        VerificationResult result =
                registry.verify(Subjects.organisation("91110108MA00FN3K4E", "北京中关村数据(集团)有限公司", "郑伟"));

        assertThat(result.outcome()).isEqualTo(VerificationOutcome.VERIFIED);
    }

    @Test
    void otherName_isAMismatch_namingTheField() {
        VerificationResult result = registry.verify(Subjects.organisation("91110105MA01C3D718", "北京星河科技有限公司", "张伟"));

        assertThat(result.outcome()).isEqualTo(VerificationOutcome.MISMATCH);
        assertThat(result.level()).isEqualTo(AssuranceLevel.NONE);
        assertThat(result.details()).contains("name (registry: 北京星河数据科技有限公司)");
    }

    @Test
    void otherLegalRepresentative_isAMismatch() {
        VerificationResult result =
                registry.verify(Subjects.organisation("91440305MA5F9L3PX8", "深圳南山云链信息技术有限公司", "王刚"));

        assertThat(result.outcome()).isEqualTo(VerificationOutcome.MISMATCH);
        assertThat(result.details()).contains("legal representative");
    }

    @Test
    void revokedOrCancelledOrganisations_areMismatches() {
        assertThat(registry.verify(Subjects.organisation("91310115MA1GX2P67Q", "上海临港数据经纪有限公司", "周杰")))
                .satisfies(result -> {
                    assertThat(result.outcome()).isEqualTo(VerificationOutcome.MISMATCH);
                    assertThat(result.details()).contains("吊销");
                });
        assertThat(registry.verify(Subjects.organisation("91330106MA27WX8H1X", "杭州云栖数据科技有限公司", "孙丽"))
                        .outcome())
                .isEqualTo(VerificationOutcome.MISMATCH);
    }

    @Test
    void unknownCode_isNotFound() {
        VerificationResult result = registry.verify(Subjects.organisation("91350100M000100Y43", "某某公司", "某人"));

        assertThat(result.outcome()).isEqualTo(VerificationOutcome.NOT_FOUND);
    }

    @Test
    void individuals_areNotInAnEnterpriseRegistry() {
        assertThat(registry.appliesTo(Subjects.individual("110105199003071239", "李娜")))
                .isFalse();
        assertThat(registry.appliesTo(Subjects.organisation("91350100M000100Y43", "某某公司", "某人")))
                .isTrue();
    }

    @Test
    void fromFile_readsTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("registry.json");
        Files.writeString(
                file,
                "[{\"uscc\":\"91350100M000100Y43\",\"name\":\"示例公司\",\"legalRepresentative\":\"某人\",\"status\":\"存续\"}]");

        OfflineRegistryVerifier fromFile = OfflineRegistryVerifier.fromFile(file, AssuranceLevel.SUBSTANTIAL, CLOCK);

        assertThat(fromFile.verify(Subjects.organisation("91350100M000100Y43", "示例公司", "某人"))
                        .level())
                .isEqualTo(AssuranceLevel.SUBSTANTIAL);
        assertThatThrownBy(
                        () -> OfflineRegistryVerifier.fromFile(dir.resolve("missing.json"), AssuranceLevel.LOW, CLOCK))
                .hasMessageContaining("missing.json");
    }

    @Test
    void malformedFiles_areRefusedWithTheReason() {
        assertThat(reason("{}")).contains("array");
        assertThat(
                        reason(
                                "[{\"uscc\":\"91350100M000100Y4A\",\"name\":\"a\",\"legalRepresentative\":\"b\",\"status\":\"存续\"}]"))
                .contains("entry 0")
                .contains("check-character");
        assertThat(reason("[{\"uscc\":\"91350100M000100Y43\",\"name\":\"a\",\"legalRep\":\"b\",\"status\":\"存续\"}]"))
                .contains("unknown member 'legalRep'");
        assertThat(reason("[{\"uscc\":\"91350100M000100Y43\",\"name\":\"a\",\"status\":\"存续\"}]"))
                .contains("legalRepresentative");
        String entry =
                "{\"uscc\":\"91350100M000100Y43\",\"name\":\"a\",\"legalRepresentative\":\"b\",\"status\":\"存续\"}";
        assertThat(reason("[" + entry + "," + entry + "]")).contains("twice");
        assertThat(reason("[1]")).contains("not an object");
        assertThat(reason("not json")).isNotEmpty();
    }

    private static String reason(String json) {
        Result<OfflineRegistryVerifier> result =
                OfflineRegistryVerifier.fromJson(json.getBytes(StandardCharsets.UTF_8), AssuranceLevel.LOW, CLOCK);
        assertThat(result.isOk()).as(json).isFalse();
        return ((Result.Failure<OfflineRegistryVerifier>) result).reason();
    }
}
