package org.evgrid.icc.ui.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evgrid.icc.ui.query.StubQueries.assertProblem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.dispatch.DeviationId;
import org.evgrid.icc.coreapi.dispatch.DeviationList;
import org.evgrid.icc.coreapi.dispatch.DeviationStatus;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanId;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanList;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanStatus;
import org.evgrid.icc.coreapi.dispatch.FindDeviationQuery;
import org.evgrid.icc.coreapi.dispatch.FindDeviationsQuery;
import org.evgrid.icc.coreapi.dispatch.FindDispatchPlanQuery;
import org.evgrid.icc.coreapi.dispatch.FindDispatchPlansQuery;
import org.evgrid.icc.coreapi.dispatch.FindOperatorSchedulesQuery;
import org.evgrid.icc.coreapi.dispatch.FindPileScheduleQuery;
import org.evgrid.icc.coreapi.dispatch.PileSchedulePage;
import org.evgrid.icc.ui.query.StubQueries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

class DispatchControllerTest {

    private static final String PLAN = "DP-BID-DAY_AHEAD-20261201-AU-1";

    private final StubQueries queries = new StubQueries();

    private MockMvc as(org.evgrid.icc.coreapi.security.Viewer viewer) {
        return StubQueries.mvc(new DispatchController(queries.asker()), viewer);
    }

    @AfterEach
    void signOut() {
        StubQueries.signOut();
    }

    @Test
    void plansOfARangeAreAskedForWithUnitAndStatus() throws Exception {
        queries.answer(FindDispatchPlansQuery.class, new DispatchPlanList(List.of()));
        as(StubQueries.TRADER).perform(get("/api/v1/dispatch/plans?from=2026-12-01&to=2026-12-01&unitId=AU-1&status=PROPOSED"))
                .andExpect(status().isOk());
        assertThat(queries.asked()).containsExactly(new FindDispatchPlansQuery(StubQueries.TRADER, LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 1), new AggregationUnitId("AU-1"), DispatchPlanStatus.PROPOSED));
    }

    @Test
    void aPlanListingWithABadRangeOrStatusIsRefusedBeforeAnyQuery() throws Exception {
        MockMvc mvc = as(StubQueries.TRADER);
        assertProblem(mvc.perform(get("/api/v1/dispatch/plans?from=2026-12-02&to=2026-12-01")), 400, "ICC-REQ-RANGE-ORDER", "from");
        assertProblem(mvc.perform(get("/api/v1/dispatch/plans?from=2025-01-01&to=2026-12-01")), 400, "ICC-REQ-RANGE-TOO-LONG", "to");
        assertProblem(mvc.perform(get("/api/v1/dispatch/plans?from=2026-12-01&to=2026-12-01&status=DONE")), 400,
                "ICC-REQ-PARAM-INVALID", "status");
        assertProblem(mvc.perform(get("/api/v1/dispatch/plans?from=2026-12-01&to=2026-12-01&unitId=AU/1")), 400, "ICC-ID-INVALID",
                "unitId");
        assertThat(queries.asked()).isEmpty();
    }

    @Test
    void aPlanThatDoesNotExistIsA404NamingThePlan() throws Exception {
        assertProblem(as(StubQueries.TRADER).perform(get("/api/v1/dispatch/plans/" + PLAN)), 404, "ICC-PLAN-NOT-FOUND", "planId");
        assertThat(queries.asked()).containsExactly(new FindDispatchPlanQuery(StubQueries.TRADER, new DispatchPlanId(PLAN)));
    }

    @Test
    void anOperatorPlatformAsksForAPileScheduleAsItself() throws Exception {
        assertProblem(as(StubQueries.PLATFORM).perform(get("/api/v1/dispatch/plans/" + PLAN + "/piles/P-1")), 404,
                "ICC-SCHEDULE-NOT-FOUND", "pileId");
        assertThat(queries.asked()).containsExactly(new FindPileScheduleQuery(StubQueries.PLATFORM, new DispatchPlanId(PLAN),
                new PileId("P-1")));
    }

    @Test
    void aMalformedPileIdIsRefusedBeforeAnyQuery() throws Exception {
        assertProblem(as(StubQueries.TRADER).perform(get("/api/v1/dispatch/plans/" + PLAN + "/piles/.P")), 400, "ICC-ID-INVALID", "pileId");
        assertThat(queries.asked()).isEmpty();
    }

    @Test
    void anOperatorsSchedulesAreAskedForWithVersionAndPage() throws Exception {
        queries.answer(FindOperatorSchedulesQuery.class, new PileSchedulePage(List.of(), 0));
        MockMvc mvc = as(StubQueries.PLATFORM);
        mvc.perform(get("/api/v1/dispatch/plans/" + PLAN + "/operators/OP-1/schedules")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/dispatch/plans/" + PLAN + "/operators/OP-1/schedules?version=2&page=3&size=500")).andExpect(status().isOk());
        assertThat(queries.asked()).containsExactly(
                new FindOperatorSchedulesQuery(StubQueries.PLATFORM, new DispatchPlanId(PLAN), 0, new OperatorId("OP-1"), 0, 100),
                new FindOperatorSchedulesQuery(StubQueries.PLATFORM, new DispatchPlanId(PLAN), 2, new OperatorId("OP-1"), 3, 500));
    }

    @Test
    void aNegativeVersionOrAnOversizedPageOfSchedulesIsRefused() throws Exception {
        MockMvc mvc = as(StubQueries.TRADER);
        String base = "/api/v1/dispatch/plans/" + PLAN + "/operators/OP-1/schedules";
        assertProblem(mvc.perform(get(base + "?version=-1")), 400, "ICC-REQ-VERSION-INVALID", "version");
        assertProblem(mvc.perform(get(base + "?size=501")), 400, "ICC-REQ-SIZE-INVALID", "size");
        assertProblem(mvc.perform(get("/api/v1/dispatch/plans/" + PLAN + "/operators/~OP/schedules")), 400, "ICC-ID-INVALID", "operatorId");
        assertThat(queries.asked()).isEmpty();
    }

    @Test
    void deviationsAreAskedForWithEveryFilterParsed() throws Exception {
        queries.answer(FindDeviationsQuery.class, new DeviationList(List.of(), 0));
        as(StubQueries.TRADER).perform(get("/api/v1/dispatch/deviations?from=2026-12-01&to=2026-12-31&planId=" + PLAN
                + "&unitId=AU-1&status=OPEN&page=1&size=25")).andExpect(status().isOk());
        assertThat(queries.asked()).containsExactly(new FindDeviationsQuery(StubQueries.TRADER, LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 31), new DispatchPlanId(PLAN), new AggregationUnitId("AU-1"), DeviationStatus.OPEN, 1, 25));
    }

    @Test
    void aDeviationListingWithAMalformedPlanOrPageIsRefused() throws Exception {
        MockMvc mvc = as(StubQueries.TRADER);
        String base = "/api/v1/dispatch/deviations?from=2026-12-01&to=2026-12-31";
        assertProblem(mvc.perform(get(base + "&planId=DP~1")), 400, "ICC-ID-INVALID", "planId");
        assertProblem(mvc.perform(get(base + "&page=-1")), 400, "ICC-REQ-PAGE-INVALID", "page");
        assertProblem(mvc.perform(get(base + "&status=SOLVED")), 400, "ICC-REQ-PARAM-INVALID", "status");
        assertProblem(mvc.perform(get("/api/v1/dispatch/deviations?from=2026-12-01")), 400, "ICC-REQ-PARAM-MISSING", "to");
        assertThat(queries.asked()).isEmpty();
    }

    @Test
    void aDeviationIdNeedsItsPlanAndAQuarterHourFrom00To95() throws Exception {
        MockMvc mvc = as(StubQueries.TRADER);
        assertProblem(mvc.perform(get("/api/v1/dispatch/deviations/" + PLAN)), 400, "ICC-ID-INVALID", "deviationId");
        assertProblem(mvc.perform(get("/api/v1/dispatch/deviations/" + PLAN + "~Q96")), 400, "ICC-REQ-INTERVAL-INVALID", "deviationId");
        assertThat(queries.asked()).isEmpty();
    }

    @Test
    void aDeviationThatDoesNotExistIsA404NamingIt() throws Exception {
        assertProblem(as(StubQueries.TRADER).perform(get("/api/v1/dispatch/deviations/" + PLAN + "~Q37")), 404,
                "ICC-DEVIATION-NOT-FOUND", "deviationId");
        assertThat(queries.asked()).containsExactly(new FindDeviationQuery(StubQueries.TRADER, new DeviationId(PLAN + "~Q37")));
    }
}
