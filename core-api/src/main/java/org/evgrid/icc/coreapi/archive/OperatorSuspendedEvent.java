package org.evgrid.icc.coreapi.archive;

import org.axonframework.serialization.Revision;

/** An operator was suspended. */
@Revision("1")
public record OperatorSuspendedEvent(
        OperatorId operatorId,
        String reason) {
}
