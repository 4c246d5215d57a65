package org.evgrid.icc.coreapi.security;

import java.util.Set;

import org.evgrid.icc.coreapi.archive.OperatorId;

/** Who is asking a query: the principal, its roles, its operator (for operator platforms and operator users) and its data scope. */
public record Viewer(
        String principal,
        Set<Role> roles,
        OperatorId operatorId,
        DataScope scope) {
}
