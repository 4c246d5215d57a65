package org.evgrid.icc.coreapi.archive;

import java.math.BigDecimal;

import org.axonframework.serialization.Revision;

/** An operator's master data changed. */
@Revision("1")
public record OperatorUpdatedEvent(
        OperatorId operatorId,
        String name,
        Contact contact,
        BigDecimal shareRatio) {
}
