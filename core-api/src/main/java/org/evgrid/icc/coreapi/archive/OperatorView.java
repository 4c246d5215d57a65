package org.evgrid.icc.coreapi.archive;

import java.math.BigDecimal;
import java.time.Instant;

/** One operator with its counts of stations and piles in service. */
public record OperatorView(
        OperatorId operatorId,
        String name,
        String creditCode,
        Contact contact,
        BigDecimal shareRatio,
        OperatorStatus status,
        long stations,
        long piles,
        Instant registeredAt,
        Instant updatedAt) {
}
