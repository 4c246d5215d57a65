package org.evgrid.icc.command.telemetry.internal;

import org.evgrid.icc.coreapi.archive.PileType;

/**
 * What ingestion needs to know of a pile, with power in W (kW × 1,000, exact for 3 decimals).
 *
 * @param pileId the pile id
 * @param operatorId its operator
 * @param type AC, DC or V2G
 * @param ratedW rated power in W
 * @param minW minimum power in W
 * @param maxDischargeW largest discharge power in W (0 unless V2G)
 * @param connectors number of connectors
 * @param decommissioned whether it is out of service
 */
public record RegisteredPile(String pileId, String operatorId, PileType type, long ratedW, long minW, long maxDischargeW,
                             int connectors, boolean decommissioned) {

    /** Whether the pile may feed power back to the grid. */
    public boolean canDischarge() {
        return maxDischargeW > 0;
    }
}
