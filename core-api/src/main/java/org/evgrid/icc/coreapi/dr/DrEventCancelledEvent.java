package org.evgrid.icc.coreapi.dr;

import org.axonframework.serialization.Revision;

/** A demand response event was cancelled. */
@Revision("1")
public record DrEventCancelledEvent(
        DrEventId eventId,
        String reason) {
}
