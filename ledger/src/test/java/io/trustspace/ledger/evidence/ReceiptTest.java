package io.trustspace.ledger.evidence;

import static io.trustspace.ledger.evidence.EvidenceRecordTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.crypto.CryptoSuite;
import io.trustspace.ledger.TestSuites;
import io.trustspace.ledger.merkle.InMemoryTreeHashes;
import io.trustspace.ledger.merkle.MerkleLog;
import io.trustspace.ledger.note.Checkpoint;
import io.trustspace.ledger.note.NoteKey;
import io.trustspace.ledger.note.NoteVerifier;
import io.trustspace.ledger.note.SuiteNoteSigner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiptTest {

    private static final CryptoSuite SUITE = TestSuites.jdk();

    /** A ledger of 100 records with a signed checkpoint, as the operator would keep it. */
    private static final class Ledger {
        final List<EvidenceRecord> records = new ArrayList<>();
        final InMemoryTreeHashes tree = new InMemoryTreeHashes(SUITE);
        final SuiteNoteSigner logKey =
                SuiteNoteSigner.create("space.example.org/ledger", SUITE.generateSigningKeyPair(), SUITE);

        Ledger() {
            for (int i = 0; i < 100; i++) {
                EvidenceRecord record = EvidenceRecordTest.sample("ev-" + i);
                records.add(record);
                tree.append(record.canonicalJson());
            }
        }

        Receipt receipt(int index) {
            String checkpoint = new Checkpoint(logKey.name(), tree.size(), tree.rootHash())
                    .sign(List.of(logKey))
                    .format();
            List<byte[]> proof = new MerkleLog(tree, SUITE)
                    .inclusionProof(index, tree.size())
                    .orElseThrow()
                    .hashes();
            return new Receipt(records.get(index).id(), index, checkpoint, proof);
        }

        NoteVerifier verifier() {
            return NoteKey.parse(logKey.key().toVerifierKey())
                    .orElseThrow()
                    .verifier(SUITE)
                    .orElseThrow();
        }
    }

    @Test
    void verify_provesARecordIsInTheLog() {
        Ledger ledger = new Ledger();
        Receipt receipt = ledger.receipt(42);

        Checkpoint checkpoint =
                receipt.verify(ledger.records.get(42), SUITE, ledger.verifier()).orElseThrow();

        assertThat(checkpoint.size()).isEqualTo(100);
        assertThat(checkpoint.origin()).isEqualTo("space.example.org/ledger");
    }

    @Test
    void verify_refusesAnAlteredRecord() {
        Ledger ledger = new Ledger();
        EvidenceRecord original = ledger.records.get(42);
        EvidenceRecord altered = new EvidenceRecord(
                original.id(),
                "contract.rejected",
                original.actor(),
                original.subjects(),
                original.payloadDigest(),
                original.time(),
                original.previous());

        assertReason(ledger.receipt(42).verify(altered, SUITE, ledger.verifier()), "root mismatch");
        assertReason(
                ledger.receipt(42).verify(ledger.records.get(41), SUITE, ledger.verifier()),
                "receipt is for record 'ev-42', not 'ev-41'");
    }

    @Test
    void verify_refusesAReceiptUnderAnotherLogsKeyOrWithATamperedProof() {
        Ledger ledger = new Ledger();
        Ledger other = new Ledger();
        Receipt receipt = ledger.receipt(7);

        assertReason(
                receipt.verify(ledger.records.get(7), SUITE, other.verifier()), "note is not signed by any known key");

        List<byte[]> proof = receipt.inclusionProof();
        proof.get(2)[0] ^= 1;
        Receipt tampered = new Receipt("ev-7", 7, receipt.signedCheckpoint(), proof);
        assertReason(tampered.verify(ledger.records.get(7), SUITE, ledger.verifier()), "root mismatch");

        Receipt wrongIndex = new Receipt("ev-7", 100, receipt.signedCheckpoint(), receipt.inclusionProof());
        assertReason(
                wrongIndex.verify(ledger.records.get(7), SUITE, ledger.verifier()),
                "index 100 is not below tree size 100");
    }

    @Test
    void receipts_areValues() {
        Ledger ledger = new Ledger();
        assertThat(ledger.receipt(3)).isEqualTo(ledger.receipt(3)).hasSameHashCodeAs(ledger.receipt(3));
        assertThat(ledger.receipt(3)).isNotEqualTo(ledger.receipt(4));
    }
}
