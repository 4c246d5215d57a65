package org.evgrid.icc.coreapi.market;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/** A market notice was received. */
@Revision("1")
public record MarketNoticePublishedEvent(
        MarketNoticeId noticeId,
        String product,
        LocalDate tradingDay,
        String level,
        String title,
        String body) {
}
