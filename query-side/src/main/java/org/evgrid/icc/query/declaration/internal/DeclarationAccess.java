package org.evgrid.icc.query.declaration.internal;

import java.util.EnumSet;
import java.util.Set;

import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.ScopeLevel;
import org.evgrid.icc.coreapi.security.Viewer;

/**
 * Who may read declarations (R-8.2d, as the archives): administrators and viewers without roles nothing; a viewer bound
 * to an operator (its platform) only its own declarations and no totals; viewers limited to a region nothing (the
 * totals span units, like aggregation units in the archive); traders, dispatchers, settlement clerks, regulators,
 * auditors and the center's service everything.
 */
public final class DeclarationAccess {

    /** The roles that may read declarations. */
    public static final Set<Role> READERS = EnumSet.of(Role.OPERATOR_PLATFORM, Role.TRADER, Role.DISPATCHER, Role.SETTLEMENT_CLERK,
            Role.REGULATOR, Role.AUDITOR, Role.CENTER_SERVICE);

    private final String ownOperator;

    private DeclarationAccess(String ownOperator) {
        this.ownOperator = ownOperator;
    }

    /** The access of a viewer; refuses administrators, viewers without a reading role and region-limited viewers. */
    public static DeclarationAccess of(Viewer viewer) {
        if (viewer == null || viewer.roles() == null || viewer.roles().isEmpty()) {
            throw forbidden("ICC-SCOPE-NO-ROLE", "viewer", "查询人没有任何业务角色，不能查看需求申报",
                    "The person asking holds no business role and may not see demand declarations",
                    "Sign in with an account that holds a business role");
        }
        if (viewer.roles().stream().anyMatch(role -> role == null || role.administrative())) {
            throw forbidden("ICC-SCOPE-ADMIN", "viewer.roles", "管理员不办理业务，不能查看需求申报",
                    "Administrators do no business work and may not read demand declarations",
                    "Sign in with a business account to read declarations");
        }
        if (viewer.roles().stream().noneMatch(READERS::contains)) {
            throw forbidden("ICC-SCOPE-ROLE", "viewer.roles", "您的角色不能查看需求申报",
                    "Your role may not read demand declarations",
                    "Ask for a trading, dispatch, settlement, regulator or auditor role");
        }
        if (viewer.operatorId() != null) {
            return new DeclarationAccess(viewer.operatorId().value());
        }
        if (viewer.scope() != null && viewer.scope().level() != ScopeLevel.HEADQUARTERS) {
            throw forbidden("ICC-SCOPE-REGION", "viewer.scope", "需求申报按聚合单元汇总，地区范围内的账户不能查看",
                    "Demand declarations are kept per aggregation unit; an account limited to a region may not read them",
                    "Use an account with headquarters scope");
        }
        return new DeclarationAccess(null);
    }

    /** Whether the viewer sees a declaration of this operator. */
    public boolean sees(String operatorId) {
        return ownOperator == null || ownOperator.equals(operatorId);
    }

    /** Refuses a listing of another operator's declarations. */
    public void requireOperator(String operatorId, String field) {
        if (!sees(operatorId)) {
            throw otherOperator(field);
        }
    }

    /** Refuses operator-bound viewers (totals span operators). */
    public void requireCenter(String field) {
        if (ownOperator != null) {
            throw otherOperator(field);
        }
    }

    private static IccException otherOperator(String field) {
        return forbidden("ICC-SCOPE-OPERATOR", field, "只能查看本运营商的需求申报", "You may read only your own operator's declarations",
                "Ask for your own operator's declarations");
    }

    private static IccException forbidden(String code, String field, String zh, String en, String fix) {
        return IccException.forbidden(code, field, zh, en, fix);
    }

    /** A required query field is missing. */
    public static IccException missing(String field) {
        return IccException.invalid("ICC-DECL-QUERY-FIELD-MISSING", field, "查询条件“" + field + "”不能为空",
                "Query field '" + field + "' is required", "Give " + field);
    }

    /** No such declaration (or not the viewer's). */
    public static IccException notFound(String id) {
        return IccException.notFound("ICC-DECL-NOT-FOUND", "declarationId", "申报 " + id + " 不存在",
                "Declaration " + id + " does not exist", "Check the declaration id (<operator>~<product>~<period start>~<unit>)");
    }
}
