package org.evgrid.icc.query.forecast.internal;

import java.util.EnumSet;
import java.util.Set;

import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.ScopeLevel;
import org.evgrid.icc.coreapi.security.Viewer;

/**
 * Who may see forecasts and backtests: traders, dispatchers, settlement clerks, regulators, auditors and the center's
 * service, with headquarters scope, like aggregation units in the archive ({@code ICC-FC-SCOPE-*}); administrators,
 * operator-bound viewers and viewers limited to a region are refused. A missing scope counts as headquarters.
 */
public final class ForecastAccess {

    /** The roles that may read forecasts. */
    public static final Set<Role> READERS = EnumSet.of(Role.TRADER, Role.DISPATCHER, Role.SETTLEMENT_CLERK, Role.REGULATOR,
            Role.AUDITOR, Role.CENTER_SERVICE);

    private ForecastAccess() {
    }

    /** Refuses a viewer that may not read forecasts. */
    public static void check(Viewer viewer) {
        if (viewer == null || viewer.roles() == null || viewer.roles().isEmpty()) {
            throw ForecastErrors.viewerMissing();
        }
        if (viewer.roles().stream().anyMatch(role -> role == null || role.administrative())) {
            throw ForecastErrors.administrator();
        }
        if (viewer.roles().stream().noneMatch(READERS::contains)) {
            throw ForecastErrors.role();
        }
        if (viewer.operatorId() != null) {
            throw ForecastErrors.operator();
        }
        if (viewer.scope() != null && viewer.scope().level() != ScopeLevel.HEADQUARTERS) {
            throw ForecastErrors.region();
        }
    }

    /** Refuses a dimension other than unit or dispatch area, and a missing key. */
    public static void target(PileDimension dimension, String key) {
        if (dimension == null) {
            throw ForecastErrors.missing("dim", "维度", "Dimension");
        }
        if (dimension != PileDimension.UNIT && dimension != PileDimension.DISPATCH_AREA) {
            throw ForecastErrors.dimension(dimension);
        }
        if (key == null || key.isBlank()) {
            throw ForecastErrors.missing("key", "聚合单元或调度区域标识", "Unit or dispatch area id");
        }
    }
}
