package org.evgrid.icc.coreapi.security;

import java.util.Set;

import org.axonframework.serialization.Revision;
import org.evgrid.icc.coreapi.archive.OperatorId;

/** A public key was registered for signing. */
@Revision("1")
public record SignerKeyRegisteredEvent(
        KeyId keyId,
        SignatureAlgorithm algorithm,
        String publicKey,
        String ownerId,
        Set<Role> roles,
        OperatorId operatorId,
        DataScope scope) {
}
