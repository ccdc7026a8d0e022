package io.trustspace.ledger.witness;

import static io.trustspace.ledger.witness.AddCheckpointRequestTest.assertReason;
import static io.trustspace.ledger.witness.WitnessTest.INTL;
import static io.trustspace.ledger.witness.WitnessTest.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.common.Result;
import io.trustspace.ledger.note.NoteSignature;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddCheckpointResponseTest {

    private final GrowingLog log = new GrowingLog(ORIGIN, INTL).append(9, "entry");
    private final AddCheckpointRequest sent = log.request(0);

    @Test
    void everyOutcome_hasItsStatus_andReadsBackAsItself() {
        NoteSignature w1 = NoteSignature.sign(
                WitnessTest.cosigner("witness.example/w1"), sent.note().textBytes());
        NoteSignature w2 = NoteSignature.sign(
                WitnessTest.cosigner("witness.example/w2"), sent.note().textBytes());
        List<AddCheckpointOutcome> outcomes = List.of(
                new AddCheckpointOutcome.Cosigned(List.of(w1, w2)),
                new AddCheckpointOutcome.Conflict(20852014),
                new AddCheckpointOutcome.Forked("split view: two roots for size 9"),
                new AddCheckpointOutcome.BadProof("root mismatch"),
                new AddCheckpointOutcome.UnknownLog(ORIGIN),
                new AddCheckpointOutcome.BadSignature("not signed by the log"),
                new AddCheckpointOutcome.Invalid("old size '01' is not a decimal"));
        List<Integer> statuses = List.of(200, 409, 409, 422, 404, 403, 400);

        for (int i = 0; i < outcomes.size(); i++) {
            AddCheckpointResponse response = AddCheckpointResponse.of(outcomes.get(i));
            assertThat(response.status()).isEqualTo(statuses.get(i));
            assertThat(AddCheckpointResponse.read(response.status(), response.contentType(), response.body(), sent)
                            .orElseThrow())
                    .isEqualTo(outcomes.get(i));
        }
    }

    @Test
    void bodies_areWhatTheSpecSays() {
        NoteSignature w1 = NoteSignature.sign(
                WitnessTest.cosigner("witness.example/w1"), sent.note().textBytes());
        AddCheckpointResponse cosigned = AddCheckpointResponse.of(new AddCheckpointOutcome.Cosigned(List.of(w1)));
        assertThat(cosigned.body())
                .isEqualTo(w1.line())
                .startsWith("\u2014 witness.example/w1 ")
                .endsWith("\n");

        AddCheckpointResponse conflict = AddCheckpointResponse.of(new AddCheckpointOutcome.Conflict(42));
        assertThat(conflict.contentType()).isEqualTo("text/x.tlog.size");
        assertThat(conflict.body()).isEqualTo("42\n");
    }

    @Test
    void malformedAnswers_areFailures() {
        assertReason(AddCheckpointResponse.read(200, "text/plain", "", sent), "without cosignature lines");
        assertReason(
                AddCheckpointResponse.read(200, "text/plain", "<html>ok</html>\n", sent),
                "not cosignature lines: signature line 1 does not start with an em dash");
        assertReason(
                AddCheckpointResponse.read(200, "text/plain", "\n\u2014 w AAAAAAA=\n", sent),
                "not only cosignature lines");
        assertReason(AddCheckpointResponse.read(409, "text/x.tlog.size", "12", sent), "'12' is not a decimal");
        assertReason(AddCheckpointResponse.read(409, "text/x.tlog.size", "012\n", sent), "not a decimal");
        assertReason(AddCheckpointResponse.read(409, "text/x.tlog.size", "9".repeat(40) + "\n", sent), "too long");
        assertReason(
                AddCheckpointResponse.read(409, "text/x.tlog.size", "9223372036854775808\n", sent), "exceeds 2^63 - 1");

        Result<AddCheckpointOutcome> unavailable = AddCheckpointResponse.read(503, "text/html", "x".repeat(2000), sent);
        assertThat(((Result.Failure<AddCheckpointOutcome>) unavailable).kind()).isEqualTo(Result.Kind.UNAVAILABLE);
        assertReason(unavailable, "witness answered HTTP 503: xxx");
        assertThat(((Result.Failure<AddCheckpointOutcome>) unavailable).reason())
                .hasSizeLessThan(600);
    }

    @Test
    void sizeContentType_isMatchedWithParameters_andOtherConflictsAreForks() {
        assertThat(AddCheckpointResponse.read(409, "Text/X.Tlog.Size; charset=utf-8", "7\n", sent)
                        .orElseThrow())
                .isEqualTo(new AddCheckpointOutcome.Conflict(7));
        assertThat(AddCheckpointResponse.read(409, "text/plain", "different root\n", sent)
                        .orElseThrow())
                .isEqualTo(new AddCheckpointOutcome.Forked("different root"));
    }
}
