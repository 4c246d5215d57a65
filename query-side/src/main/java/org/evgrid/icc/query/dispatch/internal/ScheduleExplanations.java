package org.evgrid.icc.query.dispatch.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.evgrid.icc.coreapi.dispatch.AllocationReason;

/**
 * Reads the reason counts of a schedule ({@code FAIR_SHARE=80;AT_RATED_LIMIT=16}) and says them in words an operator can
 * check, in Chinese and English, e.g. "80 个时段按公平水平分配，16 个时段受额定功率限制" / "80 intervals at the common fair
 * level, 16 held at rated power".
 */
public final class ScheduleExplanations {

    private ScheduleExplanations() {
    }

    /** The reason counts in the stored order (descending count); unknown names are skipped. */
    public static Map<AllocationReason, Integer> parse(String reasons) {
        Map<AllocationReason, Integer> counts = new LinkedHashMap<>();
        if (reasons == null || reasons.isBlank()) {
            return counts;
        }
        for (String part : reasons.split(";")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = part.substring(0, eq).trim();
            String count = part.substring(eq + 1).trim();
            for (AllocationReason reason : AllocationReason.values()) {
                if (reason.name().equals(name) && count.matches("\\d{1,3}")) {
                    counts.merge(reason, Integer.parseInt(count), Integer::sum);
                }
            }
        }
        return counts;
    }

    /** The Chinese explanation. */
    public static String zh(Map<AllocationReason, Integer> counts) {
        if (counts.isEmpty()) {
            return "无分配原因记录";
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((reason, n) -> parts.add(n + " 个时段" + zhPhrase(reason)));
        return String.join("，", parts);
    }

    /** The English explanation. */
    public static String en(Map<AllocationReason, Integer> counts) {
        if (counts.isEmpty()) {
            return "no allocation reasons recorded";
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((reason, n) -> parts.add(parts.isEmpty() ? n + (n == 1 ? " interval " : " intervals ") + enPhrase(reason)
                : n + " " + enPhrase(reason)));
        return String.join(", ", parts);
    }

    private static String zhPhrase(AllocationReason reason) {
        return switch (reason) {
            case FAIR_SHARE -> "按公平水平分配";
            case AT_RATED_LIMIT -> "受额定功率限制";
            case SAFETY_MINIMUM -> "保持车辆离站前所需的充电功率";
            case AT_MINIMUM_POWER -> "保持最小运行功率";
            case V2G_DISCHARGE -> "向电网放电（V2G）";
            case OFFLINE_EXCLUDED -> "因离线或无响应未参与调度";
            case NO_SESSION_EXPECTED -> "预计无充电会话，功率为 0";
            case NO_TARGET -> "无调度目标，不受控";
            case TARGET_BELOW_SAFETY -> "目标低于充电需求，保持安全最低功率";
            case TARGET_ABOVE_CAPACITY -> "目标超出容量，按额定功率运行";
            default -> reason.name();
        };
    }

    private static String enPhrase(AllocationReason reason) {
        return switch (reason) {
            case FAIR_SHARE -> "at the common fair level";
            case AT_RATED_LIMIT -> "held at rated power";
            case SAFETY_MINIMUM -> "held at the power its sessions need before departure";
            case AT_MINIMUM_POWER -> "held at minimum running power";
            case V2G_DISCHARGE -> "discharging to the grid (V2G)";
            case OFFLINE_EXCLUDED -> "excluded as offline or not responding";
            case NO_SESSION_EXPECTED -> "with no charging session expected (0 kW)";
            case NO_TARGET -> "with no target (not controlled)";
            case TARGET_BELOW_SAFETY -> "with the target below what sessions need (safety minimum kept)";
            case TARGET_ABOVE_CAPACITY -> "with the target above capacity (at rated power)";
            default -> reason.name();
        };
    }
}
