package org.evgrid.icc.command.telemetry.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.evgrid.icc.coreapi.archive.PileType;

/** Test support: a pile directory held in memory, filled by the test (the Mongo-backed registry has its own IT). */
public final class InMemoryPileDirectory implements PileDirectory {

    private final Map<String, OperatorPiles> operators = new HashMap<>();

    /** Adds a registered operator. */
    public InMemoryPileDirectory withOperator(String operatorId, boolean suspended) {
        operators.computeIfAbsent(operatorId, OperatorPiles::new).status(true, suspended);
        return this;
    }

    /** Adds a pile (rated and discharge power in W, 2 connectors). */
    public InMemoryPileDirectory withPile(String operatorId, String pileId, PileType type, long ratedW, long dischargeW,
                                          boolean decommissioned) {
        operators.computeIfAbsent(operatorId, OperatorPiles::new)
                .put(new RegisteredPile(pileId, operatorId, type, ratedW, 0, dischargeW, 2, decommissioned));
        return this;
    }

    @Override
    public OperatorPiles operator(String operatorId) {
        return operators.getOrDefault(operatorId, new OperatorPiles(operatorId));
    }

    @Override
    public Map<String, String> owners(Collection<String> pileIds) {
        Map<String, String> owners = new HashMap<>();
        for (String pileId : pileIds) {
            operators.values().stream().filter(o -> o.pile(pileId) != null).findFirst()
                    .ifPresent(o -> owners.put(pileId, o.operatorId()));
        }
        return owners;
    }
}
