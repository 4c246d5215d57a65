package org.evgrid.icc.coreapi.audit;

import java.util.List;

/** A page of stored events; {@code nextAfterPosition} continues with the next page (null: no more in the range). */
public record AuditEventPage(
        List<AuditEventView> items,
        Long nextAfterPosition) {
}
