package org.evgrid.icc.coreapi.dispatch;

import java.util.regex.Pattern;

import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.common.Identifier;
import org.evgrid.icc.coreapi.dr.DrEventId;
import org.evgrid.icc.coreapi.market.BidId;

/**
 * Identifier of a dispatch plan, deterministic from its source: {@code DP-<bid id>} for a cleared bid, or
 * {@code DP-<DR event id>-<unit>} for a demand response event; never contains {@code ~}.
 */
public record DispatchPlanId(String value) implements Identifier {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,159}");

    public DispatchPlanId {
        if (value == null || !ID.matcher(value).matches()) {
            throw IccException.invalid("ICC-ID-INVALID", "planId",
                    "标识“planId”格式不正确：应为 1–160 位字母、数字或 _ . : - 等，且以字母或数字开头",
                    "Identifier 'planId' is malformed: use 1-160 letters, digits or _ . : -, starting with a letter or digit",
                    "Send a value such as DP-BID-DAY_AHEAD-20261201-AU-1");
        }
    }

    /** The plan made from a cleared bid. */
    public static DispatchPlanId forBid(BidId bidId) {
        return new DispatchPlanId("DP-" + bidId.value());
    }

    /** The plan of a unit made from a demand response event. */
    public static DispatchPlanId forDrEvent(DrEventId eventId, AggregationUnitId unitId) {
        return new DispatchPlanId("DP-" + eventId.value() + "-" + unitId.value());
    }

    @Override
    public String toString() {
        return value;
    }
}
