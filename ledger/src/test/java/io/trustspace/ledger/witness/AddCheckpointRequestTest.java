package io.trustspace.ledger.witness;

import static io.trustspace.ledger.witness.WitnessTest.INTL;
import static io.trustspace.ledger.witness.WitnessTest.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustspace.common.Result;
import io.trustspace.ledger.note.Checkpoint;
import io.trustspace.ledger.note.SignedNote;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddCheckpointRequestTest {

    /** The example request body of c2sp.org/tlog-witness. */
    static final String SPEC_EXAMPLE = """
            old 20852014
            PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=
            jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=
            5+pKlUdi2LeF/BcMHBn+Ku6yhPGNCswZZD1X/6QgPd8=
            /6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0=

            example.com/behind-the-sofa
            20852163
            CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=

            — example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=
            — example.com/behind-the-sofa opLqBQsREYCgu6xQkYQwJr9fo45a62DN9EdmHXnZdXNqlcVGlCum2Wks+49/V6267UEjw6QUXTS5Rovnzv++qbSzm9Q=
            """;

    @Test
    void specExample_parses_andFormatsBackByteForByte() {
        AddCheckpointRequest request = AddCheckpointRequest.parse(SPEC_EXAMPLE.getBytes(StandardCharsets.UTF_8))
                .orElseThrow();

        assertThat(request.oldSize()).isEqualTo(20852014);
        assertThat(request.consistencyProof()).hasSize(4);
        assertThat(Base64.getEncoder().encodeToString(request.consistencyProof().get(0)))
                .isEqualTo("PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=");
        assertThat(request.checkpoint().origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(request.checkpoint().size()).isEqualTo(20852163);
        assertThat(request.note().signatures()).hasSize(2);
        assertThat(request.proof().oldSize()).isEqualTo(20852014);
        assertThat(request.proof().newSize()).isEqualTo(20852163);
        assertThat(request.format()).isEqualTo(SPEC_EXAMPLE);
    }

    @Test
    void requestsBuiltFromALog_roundTrip() {
        GrowingLog log = new GrowingLog(ORIGIN, INTL).append(13, "entry");
        for (long old : new long[] {0, 1, 7, 8, 13}) {
            AddCheckpointRequest request = log.request(old);
            AddCheckpointRequest parsed =
                    AddCheckpointRequest.parse(request.format()).orElseThrow();
            assertThat(parsed).isEqualTo(request).hasSameHashCodeAs(request);
            assertThat(parsed.proof()).isEqualTo(log.proof(old, 13));
        }
        assertThat(log.request(0).format()).startsWith("old 0\n\n" + ORIGIN + "\n13\n");
    }

    @Test
    void proofHashes_areCopiedInAndOut() {
        GrowingLog log = new GrowingLog(ORIGIN, INTL).append(5, "entry");
        List<byte[]> hashes = log.proof(3, 5).hashes();
        AddCheckpointRequest request = new AddCheckpointRequest(3, hashes, log.checkpoint());
        hashes.get(0)[0] ^= 1;
        request.consistencyProof().get(0)[0] ^= 1;
        assertThat(request.proof()).isEqualTo(log.proof(3, 5));
    }

    @Test
    void malformedBodies_areRefusedWithTheReason() {
        String note =
                new GrowingLog(ORIGIN, INTL).append(5, "entry").checkpoint().format();
        String hash = Base64.getEncoder().encodeToString(new byte[32]);

        assertReason("", "no complete line");
        assertReason("old 3", "no complete line");
        assertReason("Old 3\n\n" + note, "first line must be 'old <size>', not 'Old 3'");
        assertReason("old  3\n\n" + note, "old size ' 3' is not a decimal without sign or leading zeros");
        assertReason("old 03\n\n" + note, "old size '03' is not a decimal");
        assertReason("old -1\n\n" + note, "old size '-1' is not a decimal");
        assertReason("old +1\n\n" + note, "old size '+1' is not a decimal");
        assertReason("old 3\r\n\n" + note, "old size '3\r' is not a decimal");
        assertReason("old\n\n" + note, "first line must be 'old <size>'");
        assertReason("old 9223372036854775808\n\n" + note, "old size 9223372036854775808 exceeds 2^63 - 1");
        assertReason("old 3\n" + hash + "\n" + note, "consistency proof line 2 is not base64");
        assertReason("old 3\n" + hash, "no blank line between the consistency proof and the checkpoint");
        assertReason("old 3\n" + hash + "\n", "no blank line between the consistency proof and the checkpoint");
        assertReason("old 3\nnot base64!\n\n" + note, "consistency proof line 1 is not base64");
        assertReason("old 3\nAAB=\n\n" + note, "consistency proof line 1 is not canonical padded base64");
        assertReason("old 3\nAAAA\r\n\n" + note, "consistency proof line 1 is not base64");
        assertReason("old 3\n" + "A".repeat(92) + "\n\n" + note, "consistency proof line 1 has 92 chars");
        assertReason("old 3\n" + (hash + "\n").repeat(65) + "\n" + note, "more than 64 consistency proof lines");
        assertReason("old 3\n\nnot a note\n", "checkpoint note: note has no blank line");
        assertReason("old 3\n\n" + note.replace("\n5\n", "\n05\n"), "note text: checkpoint tree size '05'");
        assertReason("old 6\n\n" + note, "old size 6 is larger than the checkpoint size 5");
        assertReason("old 0\n" + hash + "\n\n" + note, "consistency proof must be empty when the old size is 0");
    }

    @Test
    void proofLineLimit_isExactly64() {
        GrowingLog log = new GrowingLog(ORIGIN, INTL).append(5, "entry");
        String hash = Base64.getEncoder().encodeToString(new byte[32]);
        String body =
                "old 3\n" + (hash + "\n").repeat(64) + "\n" + log.checkpoint().format();
        assertThat(AddCheckpointRequest.parse(body).orElseThrow().consistencyProof())
                .hasSize(64);
    }

    @Test
    void bodiesOverOneMebibyte_orNotUtf8_areRefusedBeforeParsing() {
        byte[] large = new byte[AddCheckpointRequest.MAX_BODY_BYTES + 1];
        assertReason(AddCheckpointRequest.parse(large), "request body of 1048577 bytes exceeds the limit of 1048576");
        String largeText = "old 0\n\n" + "é".repeat(AddCheckpointRequest.MAX_BODY_BYTES / 2);
        assertReason(AddCheckpointRequest.parse(largeText), "request body exceeds the limit of 1048576 bytes");
        byte[] latin1 = "old 0\n\nsp\u00e9ce.example/log\n1\nAAAA\n\n".getBytes(StandardCharsets.ISO_8859_1);
        assertReason(AddCheckpointRequest.parse(latin1), "request body is not valid UTF-8");
    }

    @Test
    void constructor_refusesWhatParseRefuses() {
        SignedNote note = new GrowingLog(ORIGIN, INTL).append(5, "entry").checkpoint();
        assertThatThrownBy(() -> new AddCheckpointRequest(-1, List.of(), note)).hasMessage("old size -1 is negative");
        assertThatThrownBy(() -> new AddCheckpointRequest(6, List.of(), note))
                .hasMessage("old size 6 is larger than the checkpoint size 5");
        assertThatThrownBy(() -> new AddCheckpointRequest(0, List.of(new byte[32]), note))
                .hasMessageContaining("must be empty when the old size is 0");
        assertThatThrownBy(() -> new AddCheckpointRequest(3, List.of(new byte[0]), note))
                .hasMessage("consistency proof hash 1 has 0 bytes");
        SignedNote notACheckpoint = new SignedNote("hello\n", note.signatures());
        assertThatThrownBy(() -> new AddCheckpointRequest(0, List.of(), notACheckpoint))
                .hasMessage("note text is not a checkpoint");
        GrowingLog log = new GrowingLog(ORIGIN, INTL).append(8, "entry");
        assertThatThrownBy(() -> AddCheckpointRequest.of(log.proof(3, 7), log.checkpoint()))
                .hasMessage("proof runs to size 7 but the checkpoint has size 8");
    }

    @Test
    void checkpointExtensionLines_survive() {
        GrowingLog log = new GrowingLog(ORIGIN, INTL);
        Checkpoint extended = new Checkpoint(ORIGIN, 0, INTL.digest(), List.of("extension line"));
        AddCheckpointRequest request = new AddCheckpointRequest(0, List.of(), extended.sign(List.of(log.signer())));
        assertThat(AddCheckpointRequest.parse(request.format()).orElseThrow().checkpoint())
                .isEqualTo(extended);
    }

    private static void assertReason(String body, String reason) {
        assertReason(AddCheckpointRequest.parse(body), reason);
    }

    static void assertReason(Result<?> result, String reason) {
        assertThat(result).isInstanceOf(Result.Failure.class);
        assertThat(((Result.Failure<?>) result).reason()).contains(reason);
    }
}
