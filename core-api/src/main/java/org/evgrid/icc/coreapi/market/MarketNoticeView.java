package org.evgrid.icc.coreapi.market;

import java.time.Instant;
import java.time.LocalDate;

/** A market notice. */
public record MarketNoticeView(
        MarketNoticeId noticeId,
        String product,
        LocalDate tradingDay,
        String level,
        String title,
        String body,
        Instant receivedAt) {
}
