package io.trustspace.ledger.witness;

import static io.trustspace.ledger.witness.AddCheckpointRequestTest.assertReason;
import static io.trustspace.ledger.witness.WitnessTest.GM;
import static io.trustspace.ledger.witness.WitnessTest.INTL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustspace.crypto.SuiteId;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnownLogTest {

    @Test
    void logKeyType_choosesTheTreeHash() {
        KnownLog intl = new GrowingLog("space.example.org/ledger", INTL).known();
        KnownLog gm = new GrowingLog("space.example.cn/ledger", GM).known();

        assertThat(intl.origin()).isEqualTo("space.example.org/ledger");
        assertThat(intl.suite().id()).isEqualTo(SuiteId.INTL);
        assertThat(gm.origin()).isEqualTo("space.example.cn/ledger");
        assertThat(gm.suite().id()).isEqualTo(SuiteId.GM);
    }

    @Test
    void originMayDifferFromTheKeyName() {
        String key = new GrowingLog("log-key", INTL).signer().key().toVerifierKey();
        assertThat(KnownLog.fromVerifierKey("sum.golang.example", key)
                        .orElseThrow()
                        .origin())
                .isEqualTo("sum.golang.example");
    }

    @Test
    void cosignatureKeys_badKeys_andBadOrigins_areRefused() {
        String cosigner = WitnessTest.cosigner("witness.example/w1").key().toVerifierKey();
        assertReason(KnownLog.fromVerifierKey(cosigner), "has type COSIGNATURE_V1; a log signs checkpoints with");
        assertReason(KnownLog.fromVerifierKey("log+0000+AA"), "is not 8 hex digits");
        String key = new GrowingLog("log", INTL).signer().key().toVerifierKey();
        assertReason(KnownLog.fromVerifierKey("two\nlines", key), "cannot be the first line of a checkpoint");
        assertThatThrownBy(() -> new KnownLog("log", List.of(), INTL)).hasMessage("log log needs at least one key");
    }
}
