package org.evgrid.icc.ui.market;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.market.BidBasisView;
import org.evgrid.icc.coreapi.market.BidId;
import org.evgrid.icc.coreapi.market.BidList;
import org.evgrid.icc.coreapi.market.BidStatus;
import org.evgrid.icc.coreapi.market.BidView;
import org.evgrid.icc.coreapi.market.FindBidBasisQuery;
import org.evgrid.icc.coreapi.market.FindBidQuery;
import org.evgrid.icc.coreapi.market.FindBidsQuery;
import org.evgrid.icc.coreapi.market.FindMarketNoticesQuery;
import org.evgrid.icc.coreapi.market.FindMarketProductsQuery;
import org.evgrid.icc.coreapi.market.MarketNoticeList;
import org.evgrid.icc.coreapi.market.MarketProductList;
import org.evgrid.icc.ui.query.QueryAsker;
import org.evgrid.icc.ui.query.ReadParams;
import org.evgrid.icc.ui.security.CurrentViewer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Market reads: the products and their gate rules, the aggregator's bids with their delivery, exchange answer
 * and clearing, the basis a bid is drafted from, and the exchange's notices. Bids are drafted, amended, submitted and
 * withdrawn with signed commands through {@code POST /api/v1/commands}.
 */
@RestController
@RequestMapping(path = "/api/v1/market", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Market", description = "Market products, bids, bid basis and market notices (R-4.3). Energy in kWh, power in kW, "
        + "prices in CNY/MWh, curves of 96 quarter hours (index 0–95 from 00:00 Asia/Shanghai), days in Asia/Shanghai")
public class MarketController {

    private final QueryAsker asker;

    public MarketController(QueryAsker asker) {
        this.asker = asker;
    }

    @GetMapping("/products")
    @Operation(operationId = "listMarketProducts", summary = "Every market product with its current rule (retired ones too)",
            description = "Per product: code, Chinese and English name, segment, declaration kind (ENERGY in kWh or a 96-point "
                    + "CURVE in kW), period type, gate closure (anchor and offset, Asia/Shanghai), settlement rule reference, the rule's "
                    + "version, whether it is retired, and who defined it and when")
    public MarketProductList products() {
        return asker.ask(new FindMarketProductsQuery(CurrentViewer.get()), MarketProductList.class);
    }

    @GetMapping("/bids")
    @Operation(operationId = "listBids", summary = "Bids, newest period first, optionally of one product, unit, status and period range",
            description = "Each bid: energy in kWh (medium/long term) or a 96-point curve in kW (day-ahead, quarter hour 0–95 from 00:00 "
                    + "Asia/Shanghai), limit price in CNY/MWh, gate closure, delivery attempts, the exchange's answer, cleared "
                    + "quantities and prices (CNY/MWh) and the history. from/to select by period start (yyyy-MM-dd, both included, "
                    + "at most 366 days when both are given).")
    public BidList bids(
            @Parameter(description = "product code, e.g. DAY_AHEAD, MLT_MONTHLY") @RequestParam(required = false) String product,
            @Parameter(description = "aggregation unit id") @RequestParam(required = false) String unitId,
            @Parameter(description = "bid status") @RequestParam(required = false) BidStatus status,
            @Parameter(description = "first period start day, yyyy-MM-dd") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "last period start day, yyyy-MM-dd") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "page number from 0 (0–100000)") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "page size (1–500)") @RequestParam(defaultValue = "50") int size) {
        ReadParams.product(product);
        AggregationUnitId unit = ReadParams.optionalId(unitId, AggregationUnitId::new);
        ReadParams.optionalRange(from, to);
        ReadParams.page(page);
        ReadParams.size(size);
        return asker.ask(new FindBidsQuery(CurrentViewer.get(), product, unit, status, from, to, page, size), BidList.class);
    }

    @GetMapping("/bids/{bidId}")
    @Operation(operationId = "getBid", summary = "One bid by id, with its history",
            description = "The id is BID-<product>-<yyyyMMdd of the period start>-<unit>, e.g. BID-DAY_AHEAD-20261201-AU-JS-NJ-1. "
                    + "404 when there is no such bid.")
    public BidView bid(@Parameter(description = "bid id") @PathVariable String bidId) {
        BidId id = new BidId(bidId);
        return asker.ask(new FindBidQuery(CurrentViewer.get(), id), BidView.class,
                () -> IccException.notFound("ICC-BID-NOT-FOUND", "bidId", "未找到投标“" + id + "”", "There is no bid '" + id + "'",
                        "Check the bid id (BID-<product>-<yyyyMMdd>-<unit>) or list the bids with GET /api/v1/market/bids"));
    }

    @GetMapping("/bid-basis")
    @Operation(operationId = "getBidBasis", summary = "What a bid for a product, period and unit would be drafted from",
            description = "The operators' declaration totals (kWh, or a 96-point curve in kW), the current forecast of the unit (kW per "
                    + "quarter hour 0–95 from 00:00 Asia/Shanghai, kWh per day) and the suggested quantity with the rule used "
                    + "(declarations when there are any, else the forecast)")
    public BidBasisView bidBasis(
            @Parameter(description = "product code, e.g. DAY_AHEAD") @RequestParam String product,
            @Parameter(description = "the period's first day, yyyy-MM-dd (the trading day for DAY_AHEAD)") @RequestParam
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodStart,
            @Parameter(description = "aggregation unit id") @RequestParam String unitId) {
        ReadParams.product(product);
        AggregationUnitId unit = new AggregationUnitId(unitId);
        return asker.ask(new FindBidBasisQuery(CurrentViewer.get(), product, periodStart, unit), BidBasisView.class);
    }

    @GetMapping("/notices")
    @Operation(operationId = "listMarketNotices", summary = "Market notices from the exchange for trading days in a range",
            description = "from/to are trading days (yyyy-MM-dd, Asia/Shanghai, both included, at most 366 days)")
    public MarketNoticeList notices(
            @Parameter(description = "first trading day, yyyy-MM-dd") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate from,
            @Parameter(description = "last trading day, yyyy-MM-dd") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate to) {
        ReadParams.range(from, to);
        return asker.ask(new FindMarketNoticesQuery(CurrentViewer.get(), from, to), MarketNoticeList.class);
    }
}
