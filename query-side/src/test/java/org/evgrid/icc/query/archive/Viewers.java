package org.evgrid.icc.query.archive;

import java.util.Set;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.ScopeLevel;
import org.evgrid.icc.coreapi.security.Viewer;

/** The viewers of the scope rules. */
final class Viewers {

    static final Viewer HQ = new Viewer("hq-archive", Set.of(Role.ARCHIVE_MANAGER), null, DataScope.HEADQUARTERS);
    static final Viewer HQ_TRADER = new Viewer("hq-trader", Set.of(Role.TRADER, Role.DISPATCHER), null, DataScope.HEADQUARTERS);
    static final Viewer REGULATOR = new Viewer("regulator", Set.of(Role.REGULATOR), null, null);
    static final Viewer AUDITOR = new Viewer("auditor", Set.of(Role.AUDITOR), null, DataScope.HEADQUARTERS);
    static final Viewer CENTER = new Viewer("center", Set.of(Role.CENTER_SERVICE), null, null);
    static final Viewer GATEWAY = new Viewer("exchange", Set.of(Role.EXCHANGE_GATEWAY), null, null);
    static final Viewer PLATFORM_A = new Viewer("platform-a", Set.of(Role.OPERATOR_PLATFORM), new OperatorId("OP-A"), null);
    static final Viewer STAFF_B = new Viewer("staff-b", Set.of(Role.SETTLEMENT_CLERK), new OperatorId("OP-B"), DataScope.HEADQUARTERS);
    static final Viewer JIANGSU = new Viewer("js", Set.of(Role.DISPATCHER), null, new DataScope(ScopeLevel.PROVINCE, "320000"));
    static final Viewer NANJING = new Viewer("nj", Set.of(Role.DISPATCHER), null, new DataScope(ScopeLevel.CITY, "320100"));
    static final Viewer XUANWU = new Viewer("xw", Set.of(Role.DISPATCHER), null, new DataScope(ScopeLevel.WORK_AREA, "320102"));
    static final Viewer SYSTEM_ADMIN = new Viewer("sysadmin", Set.of(Role.SYSTEM_ADMIN), null, DataScope.HEADQUARTERS);
    static final Viewer AUDIT_ADMIN = new Viewer("auditadmin", Set.of(Role.AUDIT_ADMIN), null, DataScope.HEADQUARTERS);
    static final Viewer SECURITY_OPERATOR = new Viewer("secop", Set.of(Role.SECURITY_OPERATOR), null, DataScope.HEADQUARTERS);
    static final Viewer NO_ROLES = new Viewer("nobody", Set.of(), null, DataScope.HEADQUARTERS);

    private Viewers() {
    }
}
