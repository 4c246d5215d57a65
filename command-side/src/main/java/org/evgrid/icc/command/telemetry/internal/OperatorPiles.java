package org.evgrid.icc.command.telemetry.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One operator as ingestion sees it: whether it is registered and suspended, and its piles by id. Held in memory by
 * {@link PileRegistry} and changed in place by its event handlers.
 */
public final class OperatorPiles {

    private final String operatorId;
    private final Map<String, RegisteredPile> piles = new ConcurrentHashMap<>();
    private volatile boolean registered;
    private volatile boolean suspended;
    private volatile long lastUsed;

    public OperatorPiles(String operatorId) {
        this.operatorId = operatorId;
    }

    public String operatorId() {
        return operatorId;
    }

    public boolean registered() {
        return registered;
    }

    public boolean suspended() {
        return suspended;
    }

    /** The operator's pile, or null if it has none of this id. */
    public RegisteredPile pile(String pileId) {
        return piles.get(pileId);
    }

    /** How many piles the operator has (in service or not). */
    public int size() {
        return piles.size();
    }

    void status(boolean isRegistered, boolean isSuspended) {
        this.registered = isRegistered;
        this.suspended = isSuspended;
    }

    void put(RegisteredPile pile) {
        piles.put(pile.pileId(), pile);
    }

    long lastUsed() {
        return lastUsed;
    }

    void used(long tick) {
        lastUsed = tick;
    }
}
