package org.evgrid.icc.query.dispatch.internal;

import java.util.EnumSet;
import java.util.Set;

import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.Viewer;
import org.evgrid.icc.query.common.ReadRules;

/**
 * Who may read dispatch plans, schedules and deviations (R-8.2d): administrators and viewers without a reading role
 * nothing; an operator platform (or any viewer bound to an operator) only its own operator's share, instruction,
 * schedules and deviation contributions; viewers limited to a region nothing (plans are kept per aggregation unit, which
 * the archive refuses to region-limited viewers as well); traders, dispatchers, settlement clerks, auditors, regulators
 * and the center's service everything.
 */
public final class DispatchAccess {

    private static final Set<Role> READERS = EnumSet.of(Role.OPERATOR_PLATFORM, Role.TRADER, Role.DISPATCHER, Role.SETTLEMENT_CLERK,
            Role.AUDITOR, Role.REGULATOR, Role.CENTER_SERVICE);

    private final String ownOperator;

    private DispatchAccess(String ownOperator) {
        this.ownOperator = ownOperator;
    }

    /** The access of a viewer; refuses those who may not read dispatch data. */
    public static DispatchAccess of(Viewer viewer) {
        ReadRules.requireReader(viewer, READERS, "调度计划和偏差", "dispatch plans and deviations");
        if (ReadRules.operatorBound(viewer)) {
            if (viewer.operatorId() == null) {
                throw IccException.forbidden("ICC-SCOPE-OPERATOR", "viewer.operatorId", "运营商平台账户未关联运营商，不能查看调度计划",
                        "An operator platform account without an operator may not read dispatch plans",
                        "Register the platform's key for its operator");
            }
            return new DispatchAccess(viewer.operatorId().value());
        }
        ReadRules.requireHeadquarters(viewer, "调度计划和偏差", "Dispatch plans and deviations");
        return new DispatchAccess(null);
    }

    /** The viewer's operator, or null when it sees every operator. */
    public String ownOperator() {
        return ownOperator;
    }

    /** Refuses another operator's schedules. */
    public void requireOperator(String operatorId, String field) {
        if (ownOperator != null && !ownOperator.equals(operatorId)) {
            throw IccException.forbidden("ICC-SCOPE-OPERATOR", field, "只能查看本运营商的调度曲线", "You may read only your own operator's schedules",
                    "Ask for the schedules of your own operator");
        }
    }

    /** A required query field is missing. */
    public static IccException missing(String field) {
        return IccException.invalid("ICC-DISPATCH-QUERY-FIELD-MISSING", field, "查询条件“" + field + "”不能为空",
                "Query field '" + field + "' is required", "Give " + field);
    }
}
