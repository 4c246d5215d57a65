package org.evgrid.icc.coreapi.dr;

import java.math.BigDecimal;

import org.axonframework.serialization.Revision;

/** A demand response program was registered or updated ({@code version} from 1). */
@Revision("1")
public record DrProgramRegisteredEvent(
        DrProgramId programId,
        String name,
        DrProgramType type,
        BaselineRule baselineRule,
        BigDecimal priceCnyPerMwh,
        String settlementRuleRef,
        int version) {
}
