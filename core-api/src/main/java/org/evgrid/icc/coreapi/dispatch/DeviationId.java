package org.evgrid.icc.coreapi.dispatch;

import java.util.regex.Pattern;

import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.common.Identifier;

/**
 * Identifier of a deviation: {@code <plan id>~Q<interval>} with the quarter-hour index 00–95 of the trading day.
 */
public record DeviationId(String value) implements Identifier {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,159}~Q\\d{2}");

    public DeviationId {
        if (value == null || !ID.matcher(value).matches()) {
            throw IccException.invalid("ICC-ID-INVALID", "deviationId",
                    "标识“deviationId”格式不正确：应为 1–164 位字母、数字或 _ . : - 等，且以字母或数字开头",
                    "Identifier 'deviationId' is malformed: use 1-164 letters, digits or _ . : -, starting with a letter or digit",
                    "Send a value such as DP-BID-DAY_AHEAD-20261201-AU-1~Q37");
        }
    }

    /** The deviation of a plan in a quarter hour (0–95). */
    public static DeviationId of(DispatchPlanId planId, int interval) {
        return new DeviationId(planId.value() + "~Q" + String.format("%02d", interval));
    }

    /** The plan the deviation belongs to. */
    public DispatchPlanId planId() {
        return new DispatchPlanId(value.substring(0, value.lastIndexOf('~')));
    }

    /** The quarter hour of the trading day (0–95). */
    public int interval() {
        return Integer.parseInt(value.substring(value.lastIndexOf('~') + 2));
    }

    @Override
    public String toString() {
        return value;
    }
}
