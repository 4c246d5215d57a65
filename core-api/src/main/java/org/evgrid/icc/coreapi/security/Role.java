package org.evgrid.icc.coreapi.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may do what (DESIGN §2, R-8.2d). Administrative roles are mutually exclusive with each other and with
 * every business role: an administrator performs no business operation.
 */
public enum Role {
    /** Users, roles, keys and parameters; no business operation. */
    SYSTEM_ADMIN(true),
    /** Reads and manages the audit trail; no business operation. */
    AUDIT_ADMIN(true),
    /** Security operator (系统操作员): runs the platform (backups, diagnosis); no business operation. */
    SECURITY_OPERATOR(true),
    /** Maintains operators, stations, piles and aggregation units (档案管理). */
    ARCHIVE_MANAGER(false),
    /** Aggregator trader: declarations, bids, plan approval. */
    TRADER(false),
    /** Dispatch strategies and deviation handling. */
    DISPATCHER(false),
    /** Settlement runs, subsidy and bonus clearing. */
    SETTLEMENT_CLERK(false),
    /** Auditor: replays history and verifies signatures; read-only. */
    AUDITOR(false),
    /** Regulator: read-only access to projections and publications. */
    REGULATOR(false),
    /** A charging operator's platform (machine client): its own operator's data only. */
    OPERATOR_PLATFORM(false),
    /** The power exchange or dispatch centre gateway (machine client). */
    EXCHANGE_GATEWAY(false),
    /** The center's own service key (sagas, scheduled work). */
    CENTER_SERVICE(false);

    private final boolean administrative;

    Role(boolean administrative) {
        this.administrative = administrative;
    }

    public boolean administrative() {
        return administrative;
    }

    /** The roles an administrator holds exclusively (R-8.2d). */
    public static Set<Role> administrativeRoles() {
        return EnumSet.of(SYSTEM_ADMIN, AUDIT_ADMIN, SECURITY_OPERATOR);
    }

    /**
     * Whether a set of roles may be held together: at most one administrative role, and then no other role.
     */
    public static boolean compatible(Set<Role> roles) {
        long admins = roles.stream().filter(Role::administrative).count();
        return admins == 0 || roles.size() == 1;
    }
}
