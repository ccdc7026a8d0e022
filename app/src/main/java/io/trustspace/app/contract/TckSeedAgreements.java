package io.trustspace.app.contract;

import io.trustspace.contract.negotiation.NegotiationRole;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The agreements the DSP TCK's transfer tests reference (its README §5.1): ATP0101–ATP0306 concluded here as
 * provider with the TCK as consumer, ATPC0101–ATPC0306 here as consumer. TCK profile only.
 */
public final class TckSeedAgreements {

    private final Agreements agreements;
    private final String self;
    private final String tck;
    private final Clock clock;

    public TckSeedAgreements(Agreements agreements, String self, String tck, Clock clock) {
        this.agreements = agreements;
        this.self = self;
        this.tck = tck == null ? "TCK_PARTICIPANT" : tck;
        this.clock = clock;
    }

    public void load() {
        for (String id : ids("ATP")) {
            put(id, NegotiationRole.PROVIDER, self, tck);
        }
        for (String id : ids("ATPC")) {
            put(id, NegotiationRole.CONSUMER, tck, self);
        }
    }

    private void put(String id, NegotiationRole role, String provider, String consumer) {
        ObjectNode agreement = JsonNodeFactory.instance.objectNode();
        agreement.put("@id", id);
        agreement.put("@type", "Agreement");
        agreement.put("target", "ATP0101");
        agreement.put("assigner", provider);
        agreement.put("assignee", consumer);
        agreement.putArray("permission").addObject().put("action", "use");
        agreements.put(
                id, "tck-seed-" + id, role, provider, consumer, "ATP0101", agreement, null, null, clock.instant());
    }

    private static List<String> ids(String prefix) {
        List<String> ids = new ArrayList<>();
        for (int group = 1; group <= 3; group++) {
            for (int i = 1; i <= 6; i++) {
                ids.add(prefix + "0" + group + "0" + i);
            }
        }
        return ids;
    }
}
