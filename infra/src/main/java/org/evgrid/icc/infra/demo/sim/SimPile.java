package org.evgrid.icc.infra.demo.sim;

import java.math.BigDecimal;
import java.util.Objects;

import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileSpec;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.archive.PileView;

/**
 * A pile as the simulator sees it: id, operator, type, rated power in W and usage profile. Its random streams are
 * keyed by a hash of the pile id, so a pile behaves the same whatever other piles are simulated with it.
 */
public final class SimPile {

    private final PileId pileId;
    private final OperatorId operatorId;
    private final PileType type;
    private final long ratedW;
    private final UsageProfile profile;
    private final long key;

    /** A pile with an explicit profile; rated power in W (at least 1 kW). */
    public SimPile(PileId pileId, OperatorId operatorId, PileType type, long ratedW, UsageProfile profile) {
        this.pileId = Objects.requireNonNull(pileId);
        this.operatorId = Objects.requireNonNull(operatorId);
        this.type = Objects.requireNonNull(type);
        if (ratedW < 1000) {
            throw new IllegalArgumentException("rated power below 1 kW: " + ratedW + " W");
        }
        this.ratedW = ratedW;
        this.key = hash(pileId.value());
        this.profile = profile == null ? UsageProfile.defaultFor(type, key) : profile;
    }

    /** A pile from the archive's master data, with the usual profile of its type. */
    public static SimPile of(OperatorId operator, PileSpec spec) {
        return new SimPile(spec.pileId(), operator, spec.type(), watts(spec.ratedPowerKw()), null);
    }

    /** A pile from its archive view, with the usual profile of its type. */
    public static SimPile of(PileView view) {
        return new SimPile(view.pileId(), view.operatorId(), view.type(), watts(view.ratedPowerKw()), null);
    }

    private static long watts(BigDecimal kw) {
        return kw.movePointRight(3).longValue();
    }

    /** FNV-1a over the id's characters, finished with a 64-bit mix. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return SplitMix.mix(h);
    }

    public PileId pileId() {
        return pileId;
    }

    public OperatorId operatorId() {
        return operatorId;
    }

    public PileType type() {
        return type;
    }

    public long ratedW() {
        return ratedW;
    }

    public UsageProfile profile() {
        return profile;
    }

    long key() {
        return key;
    }

    @Override
    public String toString() {
        return pileId + "(" + type + " " + ratedW + " W " + profile + ")";
    }
}
