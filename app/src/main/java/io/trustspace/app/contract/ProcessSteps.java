package io.trustspace.app.contract;

import io.trustspace.common.tx.Transactions;
import io.trustspace.contract.process.ProcessChange;
import io.trustspace.ledger.outbox.EvidenceRecorder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The changes one transaction makes to DSP processes, evidenced as one record per process just before the commit
 * ({@link ProcessChange#evidencePayload}). A provider that receives a request and agrees at once, or a consumer that
 * receives an agreement and verifies it, commits one fact, not two: the state in between was never stored.
 * Shared by negotiations and transfer processes; not thread-safe, one per transaction.
 */
final class ProcessSteps {

    private final Map<String, List<ProcessChange>> byProcess = new LinkedHashMap<>();

    /**
     * Runs {@code work} in one transaction with the steps it applies, then records their evidence in that
     * transaction. Work that throws records nothing: the transaction rolls back.
     */
    static <T> T inTransaction(Transactions transactions, EvidenceRecorder evidence, Function<ProcessSteps, T> work) {
        return transactions.inTransaction(() -> {
            ProcessSteps steps = new ProcessSteps();
            T result = work.apply(steps);
            steps.record(evidence);
            return result;
        });
    }

    /** {@code change} was saved in this transaction. */
    void add(ProcessChange change) {
        byProcess.computeIfAbsent(change.processId(), id -> new ArrayList<>()).add(change);
    }

    private void record(EvidenceRecorder evidence) {
        for (List<ProcessChange> steps : byProcess.values()) {
            ProcessChange last = steps.get(steps.size() - 1);
            evidence.record(last.evidenceType(), last.subjects(), ProcessChange.evidencePayload(steps));
        }
        byProcess.clear();
    }
}
