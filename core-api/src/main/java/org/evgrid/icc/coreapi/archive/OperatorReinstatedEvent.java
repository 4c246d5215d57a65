package org.evgrid.icc.coreapi.archive;

import org.axonframework.serialization.Revision;

/** A suspended operator was reinstated. */
@Revision("1")
public record OperatorReinstatedEvent(
        OperatorId operatorId,
        String reason) {
}
