package org.evgrid.icc.coreapi.market;

import java.util.List;

/** Market notices, newest first. */
public record MarketNoticeList(
        List<MarketNoticeView> items) {
}
