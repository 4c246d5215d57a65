package org.evgrid.icc.coreapi.security;

/** Finds a signing key by id. */
public record FindSignerKeyQuery(
        KeyId keyId) {
}
