package org.evgrid.icc.coreapi.market;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.common.Identifier;

/**
 * Identifier of a bid, deterministic from its slot: {@code BID-<product>-<yyyyMMdd>-<unit>}, e.g.
 * {@code BID-DAY_AHEAD-20261201-AU-JS-NJ-1}. The aggregator has at most one live bid per product, period and unit.
 */
public record BidId(String value) implements Identifier {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}");

    public BidId {
        if (value == null || !ID.matcher(value).matches()) {
            throw IccException.invalid("ICC-ID-INVALID", "bidId",
                    "标识“bidId”格式不正确：应为 1–128 位字母、数字或 _ . : - 等，且以字母或数字开头",
                    "Identifier 'bidId' is malformed: use 1-128 letters, digits or _ . : -, starting with a letter or digit",
                    "Send a value such as BID-DAY_AHEAD-20261201-AU-1");
        }
    }

    /** The bid of a product, period and aggregation unit. */
    public static BidId of(String product, LocalDate periodStart, AggregationUnitId unitId) {
        if (product == null || periodStart == null || unitId == null) {
            throw IccException.invalid("ICC-FIELD-REQUIRED", product == null ? "product" : periodStart == null ? "periodStart" : "unitId",
                    "交易品种、周期首日和聚合单元都不能为空", "Product, period start and aggregation unit are all required",
                    "Give the product, the period start (yyyy-MM-dd) and the aggregation unit");
        }
        return new BidId("BID-" + product + "-" + DateTimeFormatter.BASIC_ISO_DATE.format(periodStart) + "-" + unitId.value());
    }

    @Override
    public String toString() {
        return value;
    }
}
