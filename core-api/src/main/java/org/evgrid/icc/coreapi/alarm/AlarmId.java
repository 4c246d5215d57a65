package org.evgrid.icc.coreapi.alarm;

import java.util.regex.Pattern;

import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.common.Identifier;

/**
 * Identifier of an alarm, deterministic from what raised it: {@code ALM-<type>-<subject>}, e.g.
 * {@code ALM-DEVIATION-DP-BID-DAY_AHEAD-20261201-AU-1~Q37}.
 */
public record AlarmId(String value) implements Identifier {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:~-]{0,239}");

    public AlarmId {
        if (value == null || !ID.matcher(value).matches()) {
            throw IccException.invalid("ICC-ID-INVALID", "alarmId",
                    "标识“alarmId”格式不正确：应为 1–240 位字母、数字或 _ . : - 等，且以字母或数字开头",
                    "Identifier 'alarmId' is malformed: use 1-240 letters, digits or _ . : -, starting with a letter or digit",
                    "Send a value such as ALM-DEVIATION-DP-1~Q37");
        }
    }

    /** The alarm of a type about a subject. */
    public static AlarmId of(String type, String subject) {
        return new AlarmId("ALM-" + type + "-" + subject);
    }

    @Override
    public String toString() {
        return value;
    }
}
