package org.evgrid.icc.coreapi.market;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/** A market notice from the exchange (signed with its key): title, text, product and trading day it concerns. */
@SignedBy({Role.EXCHANGE_GATEWAY})
public record PublishMarketNoticeCommand(
        @TargetAggregateIdentifier MarketNoticeId noticeId,
        String product,
        LocalDate tradingDay,
        String level,
        String title,
        String body) {
}
