package io.trustspace.ledger.witness;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one {@link WitnessCoordinator#cosignLatest()} achieved for the checkpoint of {@code treeSize}: the witnesses
 * whose cosignature the checkpoint now carries (returned in this round or kept from an earlier one), and, for each
 * witness that did not cosign, why. A tree size of 0 with no witnesses means the log was empty. Immutable.
 */
public record CosigningRound(long treeSize, List<String> cosignedBy, Map<String, String> refusals) {

    public CosigningRound {
        cosignedBy = List.copyOf(cosignedBy);
        refusals = Collections.unmodifiableMap(new LinkedHashMap<>(refusals)); // keeps the witnesses' order
    }
}
