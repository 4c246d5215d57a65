package org.evgrid.icc.query.market.internal;

import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.security.Viewer;
import org.evgrid.icc.query.common.ReadRules;

/**
 * Who may read market and demand response data (R-8.2d): traders, dispatchers, settlement clerks, auditors, regulators
 * and the center's service at headquarters scope. Administrators, operator platforms (market data is the aggregator's,
 * not an operator's) and region-limited viewers (it is kept for the whole center and per aggregation unit) are refused.
 */
public final class MarketAccess {

    private MarketAccess() {
    }

    /** Refuses viewers that may not read market data. */
    public static void require(Viewer viewer) {
        ReadRules.requireReader(viewer, ReadRules.CENTER_READERS, "交易和需求响应数据", "market and demand response data");
        ReadRules.requireCenter(viewer, "交易和需求响应数据", "market and demand response data");
        ReadRules.requireHeadquarters(viewer, "交易和需求响应数据", "Market and demand response data");
    }

    /** A required query field is missing. */
    public static IccException missing(String field) {
        return IccException.invalid("ICC-MARKET-QUERY-FIELD-MISSING", field, "查询条件“" + field + "”不能为空",
                "Query field '" + field + "' is required", "Give " + field);
    }
}
