package io.trustspace.contract.process;

import io.trustspace.common.json.CanonicalJson;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A change of a DSP process (a contract negotiation or a transfer process) as its evidence describes it. One
 * transaction may take a process through several changes (a request received and agreed to at once); they are
 * evidenced together, as one record ({@link #evidencePayload(List)}), because nobody could ever see the states in
 * between: they were never committed.
 */
public interface ProcessChange {

    /** The id of the process this change belongs to. */
    String processId();

    /** The evidence record type, e.g. {@code negotiation.agreed}. */
    String evidenceType();

    /** The evidence subjects; the first is the process id. */
    List<String> subjects();

    /** This change alone, as the JSON object its evidence commits to. */
    ObjectNode evidenceJson();

    /**
     * The RFC 8785 canonical payload of the one record for {@code steps}, the changes one transaction made to one
     * process, in order. A single change is its own object; for more, the last change's object holds the ones before
     * it, each as it would stand alone, under {@code "steps"}, so the record reads as where the transaction left the
     * process and still tells every step on the way. The record's type and subjects are the last change's.
     *
     * @throws IllegalArgumentException when {@code steps} is empty or mixes processes (a programming error)
     */
    static byte[] evidencePayload(List<? extends ProcessChange> steps) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("no change to evidence");
        }
        ProcessChange last = steps.get(steps.size() - 1);
        ObjectNode json = last.evidenceJson();
        if (steps.size() > 1) {
            ArrayNode before = json.putArray("steps");
            for (ProcessChange step : steps.subList(0, steps.size() - 1)) {
                if (!step.processId().equals(last.processId())) {
                    throw new IllegalArgumentException(
                            "steps of " + step.processId() + " and " + last.processId() + " in one record");
                }
                before.add(step.evidenceJson());
            }
        }
        return CanonicalJson.canonicalize(json).orElseThrow();
    }
}
