package org.evgrid.icc.coreapi.market;

import java.time.LocalDate;

import org.evgrid.icc.coreapi.security.Viewer;

/** Asks for market notices received in a date range (by trading day); answers {@link MarketNoticeList}. */
public record FindMarketNoticesQuery(
        Viewer viewer,
        LocalDate from,
        LocalDate to) {
}
