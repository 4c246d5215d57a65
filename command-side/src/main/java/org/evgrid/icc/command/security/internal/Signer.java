package org.evgrid.icc.command.security.internal;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.evgrid.icc.coreapi.security.Role;

/**
 * Who signed a command, as the signature verifier put it into the command's metadata: the signing key's roles
 * (comma-separated names) and the operator it acts for. Missing metadata means no role at all.
 *
 * @param roles the role names of the signing key
 * @param operator the signing key's operator id, or null
 */
public record Signer(Set<String> roles, String operator) {

    /** Reads the metadata values; both may be null. */
    public static Signer of(String rolesCsv, String operator) {
        Set<String> roles = rolesCsv == null ? Set.of()
                : Arrays.stream(rolesCsv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        return new Signer(roles, operator == null || operator.isBlank() ? null : operator.strip());
    }

    /** Whether the signer is an operator platform (and not a system administrator): it may act only for its own operator. */
    public boolean operatorPlatform() {
        return roles.contains(Role.OPERATOR_PLATFORM.name()) && !roles.contains(Role.SYSTEM_ADMIN.name());
    }
}
