package org.evgrid.icc.ledger.signing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.evgrid.icc.coreapi.security.KeyId;
import org.evgrid.icc.coreapi.security.Role;

/** Checks shared by signed commands and signed read requests. */
final class KeyChecks {

    private KeyChecks() {
    }

    /** The key, if it is known and not revoked (ICC-SIG-UNKNOWN-KEY, ICC-SIG-KEY-REVOKED). */
    static RegisteredKey activeKey(KeyRegistry registry, KeyId keyId) {
        RegisteredKey key = registry.lookup(keyId).orElseThrow(() -> Refusals.unknownKey(keyId.value()));
        if (key.view().revoked()) {
            throw Refusals.revoked(keyId.value());
        }
        return key;
    }

    /** The signing time must be within the window around the center's time (ICC-SIG-STALE). */
    static void fresh(Instant signedAt, String timestamp, Clock clock, Duration window) {
        Duration skew = Duration.between(signedAt, clock.instant()).abs();
        if (skew.compareTo(window) > 0) {
            throw Refusals.stale(timestamp, window);
        }
    }

    /** Comma-separated role names in declaration order. */
    static String roleList(Set<Role> roles) {
        Set<Role> ordered = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        return ordered.stream().map(Role::name).collect(Collectors.joining(","));
    }
}
