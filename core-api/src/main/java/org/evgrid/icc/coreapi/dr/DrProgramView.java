package org.evgrid.icc.coreapi.dr;

import java.math.BigDecimal;
import java.time.Instant;

/** A demand response program. */
public record DrProgramView(
        DrProgramId programId,
        String name,
        DrProgramType type,
        BaselineRule baselineRule,
        BigDecimal priceCnyPerMwh,
        String settlementRuleRef,
        int version,
        Instant registeredAt) {
}
