package org.evgrid.icc.coreapi.archive;

import java.math.BigDecimal;

/** The master data of one pile: type, rated and minimum power in kW (3 decimals), V2G discharge limit in kW (0 unless V2G), connectors. */
public record PileSpec(
        PileId pileId,
        StationId stationId,
        PileType type,
        BigDecimal ratedPowerKw,
        BigDecimal minPowerKw,
        BigDecimal maxDischargeKw,
        int connectorCount) {
}
