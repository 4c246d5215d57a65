package org.evgrid.icc.query.common;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.ScopeLevel;
import org.evgrid.icc.coreapi.security.Viewer;

/**
 * Checks shared by the market, dispatch and alarm queries: who may read (R-8.2d), page bounds and trading-day ranges.
 */
public final class ReadRules {

    /** The largest page. */
    public static final int MAX_PAGE_SIZE = 500;
    /** Day ranges up to this many days are read by membership document id; longer or open ranges scan the (small) day collection. */
    public static final int MAX_KEYED_DAYS = 400;
    /** The center's reading roles (besides operator platforms). */
    public static final Set<Role> CENTER_READERS = EnumSet.of(Role.TRADER, Role.DISPATCHER, Role.SETTLEMENT_CLERK, Role.AUDITOR,
            Role.REGULATOR, Role.CENTER_SERVICE);

    private ReadRules() {
    }

    /**
     * Refuses viewers without roles, administrators and viewers with none of {@code readers}; {@code whatZh}/{@code
     * whatEn} name the data in the messages.
     */
    public static void requireReader(Viewer viewer, Set<Role> readers, String whatZh, String whatEn) {
        if (viewer == null || viewer.roles() == null || viewer.roles().isEmpty()) {
            throw IccException.forbidden("ICC-SCOPE-NO-ROLE", "viewer", "查询人没有任何业务角色，不能查看" + whatZh,
                    "The person asking holds no business role and may not see " + whatEn,
                    "Sign in with an account that holds a business role");
        }
        if (viewer.roles().stream().anyMatch(role -> role == null || role.administrative())) {
            throw IccException.forbidden("ICC-SCOPE-ADMIN", "viewer.roles", "管理员不办理业务，不能查看" + whatZh,
                    "Administrators do no business work and may not read " + whatEn,
                    "Sign in with a business account to read " + whatEn);
        }
        if (viewer.roles().stream().noneMatch(readers::contains)) {
            throw IccException.forbidden("ICC-SCOPE-ROLE", "viewer.roles", "您的角色不能查看" + whatZh,
                    "Your role may not read " + whatEn,
                    "Ask for a trading, dispatch, settlement, regulator or auditor role");
        }
    }

    /** Whether the viewer acts for one operator (an operator platform or operator staff). */
    public static boolean operatorBound(Viewer viewer) {
        return viewer.operatorId() != null || viewer.roles().contains(Role.OPERATOR_PLATFORM);
    }

    /** Refuses viewers bound to an operator. */
    public static void requireCenter(Viewer viewer, String whatZh, String whatEn) {
        if (operatorBound(viewer)) {
            throw IccException.forbidden("ICC-SCOPE-OPERATOR", "viewer", "运营商平台不能查看" + whatZh,
                    "Operator platforms may not read " + whatEn, "Ask the aggregator's traders or dispatchers for this information");
        }
    }

    /**
     * Refuses viewers limited to a region: these read models are kept per aggregation unit (or for the whole center),
     * and aggregation units are refused to region-limited viewers in the archive as well.
     */
    public static void requireHeadquarters(Viewer viewer, String whatZh, String whatEn) {
        if (viewer.scope() != null && viewer.scope().level() != ScopeLevel.HEADQUARTERS) {
            throw IccException.forbidden("ICC-SCOPE-REGION", "viewer.scope", whatZh + "按聚合单元或全中心保存，地区范围内的账户不能查看",
                    whatEn + " are kept per aggregation unit or for the whole center; an account limited to a region may not read them",
                    "Use an account with headquarters scope");
        }
    }

    /** Refuses a page below 0 or a size outside 1–{@value #MAX_PAGE_SIZE}. */
    public static void requirePage(int page, int size) {
        if (page < 0) {
            throw IccException.invalid("ICC-PAGE-INVALID", "page", "页码 " + page + " 无效：页码从 0 开始",
                    "Page " + page + " is not valid: pages are numbered from 0", "Ask for page 0 or a later page");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw IccException.invalid("ICC-PAGE-SIZE-INVALID", "size", "每页条数 " + size + " 无效：应在 1 到 " + MAX_PAGE_SIZE + " 之间",
                    "Page size " + size + " is not valid: use 1 to " + MAX_PAGE_SIZE + " items per page",
                    "Ask for between 1 and " + MAX_PAGE_SIZE + " items per page");
        }
    }

    /**
     * The days of {@code [from, to]} when both are given and the range is at most {@value #MAX_KEYED_DAYS} days; null when
     * the range is open or longer (the caller scans the day collection). Refuses {@code from} after {@code to}.
     */
    public static List<LocalDate> days(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw IccException.invalid("ICC-RANGE-INVALID", "from", "起始日 " + from + " 晚于截止日 " + to,
                    "The start day " + from + " is after the end day " + to, "Give a start day on or before the end day");
        }
        if (from == null || to == null || ChronoUnit.DAYS.between(from, to) >= MAX_KEYED_DAYS) {
            return null;
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }

    /** Whether a day lies in the optional range. */
    public static boolean inRange(LocalDate day, LocalDate from, LocalDate to) {
        return day != null && (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    /** The items of a page. */
    public static <T> List<T> page(List<T> all, int page, int size) {
        long from = (long) page * size;
        if (from >= all.size()) {
            return List.of();
        }
        return List.copyOf(all.subList((int) from, (int) Math.min(all.size(), from + size)));
    }
}
