package io.trustspace.ledger.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustspace.common.Result;
import io.trustspace.ledger.tile.EntryBundle;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EvidenceRecordTest {

    static final String DIGEST = "sha-256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final Instant TIME = Instant.parse("2025-03-01T08:00:00Z");

    static EvidenceRecord sample(String id) {
        return new EvidenceRecord(
                id,
                "contract.agreed",
                "did:web:provider.example",
                List.of("contract-7", "offer-3"),
                DIGEST,
                TIME,
                null);
    }

    @Test
    void canonicalJson_isTheRfc8785FormOfTheRecord() {
        String expected = "{\"actor\":\"did:web:provider.example\",\"id\":\"ev-1\",\"payloadDigest\":\"" + DIGEST
                + "\",\"subjects\":[\"contract-7\",\"offer-3\"],\"time\":\"2025-03-01T08:00:00.000Z\","
                + "\"type\":\"contract.agreed\"}";
        assertThat(new String(sample("ev-1").canonicalJson(), StandardCharsets.UTF_8))
                .isEqualTo(expected);

        EvidenceRecord withPrevious = new EvidenceRecord(
                "ev-2",
                "contract.terminated",
                "did:web:provider.example",
                List.of("contract-7"),
                DIGEST,
                Instant.parse("2025-03-02T09:10:11.012Z"),
                "ev-1");
        assertThat(new String(withPrevious.canonicalJson(), StandardCharsets.UTF_8))
                .contains("\"previous\":\"ev-1\",\"subjects\"")
                .contains("\"time\":\"2025-03-02T09:10:11.012Z\"");
    }

    @Test
    void fromCanonicalJson_readsBackEveryRecord() {
        EvidenceRecord record = new EvidenceRecord(
                "urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427",
                "Transfer_Started:v2",
                "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
                List.of("a"),
                DIGEST.replace("sha-256", "sm3"),
                Instant.parse("9999-12-31T23:59:59.999Z"),
                "urn:uuid:0");
        assertThat(EvidenceRecord.fromCanonicalJson(record.canonicalJson()).orElseThrow())
                .isEqualTo(record);
    }

    @Test
    void fromCanonicalJson_refusesEntriesThatAreNotTheCanonicalForm() {
        String canonical = new String(sample("ev-1").canonicalJson(), StandardCharsets.UTF_8);
        assertReason(
                EvidenceRecord.fromCanonicalJson(bytes(canonical.replace(",", ", "))),
                "not the RFC 8785 canonical form");
        assertReason(
                EvidenceRecord.fromCanonicalJson(
                        bytes(canonical.replace("{\"actor\"", "{\"previous\":null,\"actor\""))),
                "member 'previous' is not a string");
        assertReason(
                EvidenceRecord.fromCanonicalJson(bytes(canonical.replace(".000Z", "Z"))),
                "is not RFC 3339 UTC with milliseconds");
        assertReason(
                EvidenceRecord.fromCanonicalJson(bytes(canonical.replace("{", "{\"extra\":1,"))),
                "unknown member 'extra'");
        assertReason(
                EvidenceRecord.fromCanonicalJson(bytes(canonical.replace("\"ev-1\"", "1"))),
                "member 'id' is missing or not a string");
        assertReason(EvidenceRecord.fromCanonicalJson(bytes("[]")), "not a JSON object");
        assertReason(EvidenceRecord.fromCanonicalJson(bytes("{\"id\":")), "JSON text ends where a value was expected");
    }

    @Test
    void of_explainsEachInvalidField() {
        assertReason(of("", "t", "did:web:a", List.of("s"), DIGEST, TIME, null), "id is empty");
        assertReason(
                of("x".repeat(201), "t", "did:web:a", List.of("s"), DIGEST, TIME, null),
                "id has 201 characters, at most 200 allowed");
        assertReason(
                of("a b", "t", "did:web:a", List.of("s"), DIGEST, TIME, null),
                "id 'a b' may only contain visible ASCII characters");
        assertReason(
                of("id", "9lives", "did:web:a", List.of("s"), DIGEST, TIME, null),
                "type '9lives' must be 1 to 100 characters");
        assertReason(of("id", "t", "web:a", List.of("s"), DIGEST, TIME, null), "actor 'web:a' is not a DID");
        assertReason(of("id", "t", "did:Web:a", List.of("s"), DIGEST, TIME, null), "actor 'did:Web:a' is not a DID");
        assertReason(of("id", "t", "did:web:", List.of("s"), DIGEST, TIME, null), "is not a DID");
        assertReason(of("id", "t", "did:web:a", List.of(), DIGEST, TIME, null), "a record has 1 to 32 subjects, not 0");
        List<String> many = IntStream.range(0, 33).mapToObj(i -> "s" + i).toList();
        assertReason(of("id", "t", "did:web:a", many, DIGEST, TIME, null), "a record has 1 to 32 subjects, not 33");
        assertReason(of("id", "t", "did:web:a", List.of("s", "s"), DIGEST, TIME, null), "subject 's' is listed twice");
        assertReason(of("id", "t", "did:web:a", List.of("s", ""), DIGEST, TIME, null), "subject 1 is empty");
        assertReason(
                of("id", "t", "did:web:a", List.of("s"), DIGEST.toUpperCase(), TIME, null),
                "is not 'sha-256:' or 'sm3:'");
        assertReason(of("id", "t", "did:web:a", List.of("s"), "md5:abc", TIME, null), "payloadDigest 'md5:abc'");
        assertReason(
                of("id", "t", "did:web:a", List.of("s"), DIGEST, TIME.plusNanos(1), null),
                "has sub-millisecond precision");
        assertReason(
                of("id", "t", "did:web:a", List.of("s"), DIGEST, Instant.parse("1969-12-31T23:59:59Z"), null),
                "is not between 1970 and 9999");
        assertReason(of("id", "t", "did:web:a", List.of("s"), DIGEST, null, null), "time is missing");
        assertReason(
                of("id", "t", "did:web:a", List.of("s"), DIGEST, TIME, "id"), "previous 'id' is the record's own id");
        assertReason(
                of("id", "t", "did:web:a", Collections.singletonList(null), DIGEST, TIME, null),
                "subjects contain null");
        assertThat(of("id", "t", "did:web:example.com%3A8443:user:alice", List.of("s"), DIGEST, TIME, null)
                        .isOk())
                .isTrue();
    }

    @Test
    void constructor_throwsWithTheSameReason() {
        assertThatThrownBy(() -> new EvidenceRecord("id", "t", "not-a-did", List.of("s"), DIGEST, TIME, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("actor 'not-a-did' is not a DID");
    }

    @Test
    void theLargestRecord_fitsInAnEntryBundle() {
        List<String> subjects =
                IntStream.range(0, 32).mapToObj(i -> String.format("%0200d", i)).toList();
        EvidenceRecord largest = new EvidenceRecord(
                "i".repeat(200),
                "t".repeat(100),
                "did:web:" + "a".repeat(492),
                subjects,
                DIGEST,
                TIME,
                "p".repeat(200));
        assertThat(largest.canonicalJson().length).isLessThan(EntryBundle.MAX_ENTRY_LENGTH);
    }

    private static Result<EvidenceRecord> of(
            String id, String type, String actor, List<String> subjects, String digest, Instant time, String previous) {
        return EvidenceRecord.of(id, type, actor, subjects, digest, time, previous);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static void assertReason(Result<?> result, String reason) {
        assertThat(result).isInstanceOf(Result.Failure.class);
        assertThat(((Result.Failure<?>) result).kind()).isEqualTo(Result.Kind.INVALID);
        assertThat(((Result.Failure<?>) result).reason()).contains(reason);
    }
}
