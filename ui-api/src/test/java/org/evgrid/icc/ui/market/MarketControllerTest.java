package org.evgrid.icc.ui.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evgrid.icc.ui.query.StubQueries.assertProblem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.market.BidList;
import org.evgrid.icc.coreapi.market.BidStatus;
import org.evgrid.icc.coreapi.market.FindBidBasisQuery;
import org.evgrid.icc.coreapi.market.FindBidQuery;
import org.evgrid.icc.coreapi.market.FindBidsQuery;
import org.evgrid.icc.coreapi.market.FindMarketNoticesQuery;
import org.evgrid.icc.coreapi.market.FindMarketProductsQuery;
import org.evgrid.icc.coreapi.market.MarketNoticeList;
import org.evgrid.icc.coreapi.market.MarketProductList;
import org.evgrid.icc.ui.query.StubQueries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

class MarketControllerTest {

    private final StubQueries queries = new StubQueries();
    private MockMvc mvc;

    @BeforeEach
    void signIn() {
        mvc = StubQueries.mvc(new MarketController(queries.asker()), StubQueries.TRADER);
    }

    @AfterEach
    void signOut() {
        StubQueries.signOut();
    }

    @Test
    void listingBidsAsksWithTheCallerAndEveryFilterParsed() throws Exception {
        queries.answer(FindBidsQuery.class, new BidList(List.of(), 0));

        mvc.perform(get("/api/v1/market/bids?product=DAY_AHEAD&unitId=AU-JS-NJ-1&status=CLEARED&from=2026-12-01&to=2026-12-31"
                + "&page=2&size=20")).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));

        assertThat(queries.asked()).containsExactly(new FindBidsQuery(StubQueries.TRADER, "DAY_AHEAD", new AggregationUnitId("AU-JS-NJ-1"),
                BidStatus.CLEARED, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), 2, 20));
    }

    @Test
    void listingBidsWithoutFiltersAsksForEveryBidFromTheFirstPage() throws Exception {
        queries.answer(FindBidsQuery.class, new BidList(List.of(), 0));

        mvc.perform(get("/api/v1/market/bids")).andExpect(status().isOk());

        assertThat(queries.asked()).containsExactly(new FindBidsQuery(StubQueries.TRADER, null, null, null, null, null, 0, 50));
    }

    @Test
    void aBidRangeLongerThan366DaysIsRefusedBeforeAnyQuery() throws Exception {
        assertProblem(mvc.perform(get("/api/v1/market/bids?from=2026-01-01&to=2027-01-02")), 400, "ICC-REQ-RANGE-TOO-LONG", "to");
        assertThat(queries.asked()).isEmpty();
    }

    @Test
    void aRangeOfExactly366DaysIsAccepted() throws Exception {
        queries.answer(FindBidsQuery.class, new BidList(List.of(), 0));
        mvc.perform(get("/api/v1/market/bids?from=2028-01-01&to=2028-12-31")).andExpect(status().isOk());
    }

    @Test
    void aBidRangeEndingBeforeItStartsIsRefused() throws Exception {
        assertProblem(mvc.perform(get("/api/v1/market/bids?from=2026-12-02&to=2026-12-01")), 400, "ICC-REQ-RANGE-ORDER", "from");
        assertThat(queries.asked()).isEmpty();
    }

    @Test
    void aMalformedUnitIdIsRefusedAsAMalformedIdentifier() throws Exception {
        assertProblem(mvc.perform(get("/api/v1/market/bids?unitId=AU 1")), 400, "ICC-ID-INVALID", "unitId");
        assertProblem(mvc.perform(get("/api/v1/market/bids?unitId=")), 400, "ICC-ID-INVALID", "unitId");
        assertThat(queries.asked()).isEmpty();
    }

    @Test
    void anUnknownBidStatusIsRefusedWithTheAllowedValues() throws Exception {
        assertProblem(mvc.perform(get("/api/v1/market/bids?status=DONE")), 400, "ICC-REQ-PARAM-INVALID", "status");
        mvc.perform(get("/api/v1/market/bids?status=DONE")).andExpect(jsonPath("$.fix").value(org.hamcrest.Matchers.containsString("CLEARED")));
        assertThat(queries.asked()).isEmpty();
    }

    @Test
    void aLowerCaseProductCodeIsRefused() throws Exception {
        assertProblem(mvc.perform(get("/api/v1/market/bids?product=day_ahead")), 400, "ICC-REQ-PRODUCT-INVALID", "product");
        assertThat(queries.asked()).isEmpty();
    }

    @Test
    void pagesAndSizesOutOfRangeAreRefused() throws Exception {
        assertProblem(mvc.perform(get("/api/v1/market/bids?page=-1")), 400, "ICC-REQ-PAGE-INVALID", "page");
        assertProblem(mvc.perform(get("/api/v1/market/bids?size=0")), 400, "ICC-REQ-SIZE-INVALID", "size");
        assertProblem(mvc.perform(get("/api/v1/market/bids?size=501")), 400, "ICC-REQ-SIZE-INVALID", "size");
        assertProblem(mvc.perform(get("/api/v1/market/bids?page=x")), 400, "ICC-REQ-PARAM-INVALID", "page");
        assertThat(queries.asked()).isEmpty();
    }

    @Test
    void aBidThatDoesNotExistIsA404NamingTheBid() throws Exception {
        assertProblem(mvc.perform(get("/api/v1/market/bids/BID-DAY_AHEAD-20261201-AU-1")), 404, "ICC-BID-NOT-FOUND", "bidId");
        assertThat(queries.asked()).hasSize(1).first().isInstanceOf(FindBidQuery.class);
    }

    @Test
    void aMalformedBidIdIsRefusedBeforeAnyQuery() throws Exception {
        assertProblem(mvc.perform(get("/api/v1/market/bids/-BID")), 400, "ICC-ID-INVALID", "bidId");
        assertThat(queries.asked()).isEmpty();
    }

    @Test
    void theBidBasisNeedsAUnitAndAWellFormedPeriodStart() throws Exception {
        assertProblem(mvc.perform(get("/api/v1/market/bid-basis?product=DAY_AHEAD&periodStart=2026-12-01")), 400,
                "ICC-REQ-PARAM-MISSING", "unitId");
        assertProblem(mvc.perform(get("/api/v1/market/bid-basis?product=DAY_AHEAD&periodStart=2026-13-01&unitId=AU-1")), 400,
                "ICC-REQ-PARAM-INVALID", "periodStart");
        mvc.perform(get("/api/v1/market/bid-basis?product=DAY_AHEAD&periodStart=01.12.2026&unitId=AU-1"))
                .andExpect(jsonPath("$.fix").value(org.hamcrest.Matchers.containsString("yyyy-MM-dd")));
        assertThat(queries.asked()).isEmpty();
    }

    @Test
    void theBidBasisAsksForTheProductPeriodAndUnit() throws Exception {
        mvc.perform(get("/api/v1/market/bid-basis?product=DAY_AHEAD&periodStart=2026-12-01&unitId=AU-1"));
        assertThat(queries.asked()).containsExactly(new FindBidBasisQuery(StubQueries.TRADER, "DAY_AHEAD", LocalDate.of(2026, 12, 1),
                new AggregationUnitId("AU-1")));
    }

    @Test
    void noticesNeedBothEndsOfTheirRangeInOrder() throws Exception {
        assertProblem(mvc.perform(get("/api/v1/market/notices?from=2026-12-01")), 400, "ICC-REQ-PARAM-MISSING", "to");
        assertProblem(mvc.perform(get("/api/v1/market/notices?from=2026-12-01&to=2026-11-30")), 400, "ICC-REQ-RANGE-ORDER", "from");
        assertThat(queries.asked()).isEmpty();
        queries.answer(FindMarketNoticesQuery.class, new MarketNoticeList(List.of()));
        mvc.perform(get("/api/v1/market/notices?from=2026-12-01&to=2026-12-01")).andExpect(status().isOk());
        assertThat(queries.asked()).containsExactly(new FindMarketNoticesQuery(StubQueries.TRADER, LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 1)));
    }

    @Test
    void productsAreAskedForAsTheCaller() throws Exception {
        queries.answer(FindMarketProductsQuery.class, new MarketProductList(List.of()));
        mvc.perform(get("/api/v1/market/products")).andExpect(status().isOk()).andExpect(jsonPath("$.items").isArray());
        assertThat(queries.asked()).containsExactly(new FindMarketProductsQuery(StubQueries.TRADER));
    }
}
