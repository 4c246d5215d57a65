package org.evgrid.icc.command.security.internal;

import java.util.Objects;
import java.util.Set;

import org.evgrid.icc.command.common.Refusal;
import org.evgrid.icc.coreapi.security.Role;

/** Rules for a set of roles held together by a key or a user (R-8.2d). */
public final class RoleRules {

    private RoleRules() {
    }

    /** Refuses an empty set, an unknown role and a set that mixes an administrative role with any other role. */
    public static void check(Set<Role> roles, String field) {
        if (roles == null || roles.isEmpty()) {
            throw Refusal.invalid("ICC-ROLES-REQUIRED", field,
                    "至少要指定一个角色", "At least one role is required",
                    "Choose the role or roles this account acts in").exception();
        }
        if (roles.stream().anyMatch(Objects::isNull)) {
            throw Refusal.invalid("ICC-ROLES-INVALID", field,
                    "角色列表中有空值", "The list of roles contains an empty entry",
                    "Remove the empty entry from the roles").exception();
        }
        if (!Role.compatible(roles)) {
            throw Refusal.invalid("ICC-ROLES-INCOMPATIBLE", field,
                    "系统管理员、审计管理员和系统操作员三者互斥，且不能与任何业务角色同时授予：" + roles,
                    "System, audit and security administrators exclude each other and every business role: " + roles,
                    "Give an administrator exactly one administrative role and nothing else").exception();
        }
    }
}
