package org.evgrid.icc.coreapi.security;

import org.axonframework.serialization.Revision;
import org.evgrid.icc.coreapi.archive.OperatorId;

/** A key was revoked. */
@Revision("1")
public record SignerKeyRevokedEvent(
        KeyId keyId,
        String ownerId,
        OperatorId operatorId,
        String reason) {
}
