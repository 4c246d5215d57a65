package org.evgrid.icc.coreapi.archive;

import java.math.BigDecimal;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.evgrid.icc.coreapi.security.PublicKeySpec;

/** A charging operator platform was registered. */
@Revision("1")
public record OperatorRegisteredEvent(
        OperatorId operatorId,
        String name,
        String creditCode,
        Contact contact,
        BigDecimal shareRatio,
        List<PublicKeySpec> platformKeys) {
}
