package org.evgrid.icc.ui.dr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evgrid.icc.ui.query.StubQueries.assertProblem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.evgrid.icc.coreapi.dr.DrEventId;
import org.evgrid.icc.coreapi.dr.DrEventList;
import org.evgrid.icc.coreapi.dr.DrProgramList;
import org.evgrid.icc.coreapi.dr.FindDrEventQuery;
import org.evgrid.icc.coreapi.dr.FindDrEventsQuery;
import org.evgrid.icc.coreapi.dr.FindDrProgramsQuery;
import org.evgrid.icc.ui.query.StubQueries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

class DemandResponseControllerTest {

    private final StubQueries queries = new StubQueries();
    private MockMvc mvc;

    @BeforeEach
    void signIn() {
        mvc = StubQueries.mvc(new DemandResponseController(queries.asker()), StubQueries.TRADER);
    }

    @AfterEach
    void signOut() {
        StubQueries.signOut();
    }

    @Test
    void programsAreAskedForAsTheCaller() throws Exception {
        queries.answer(FindDrProgramsQuery.class, new DrProgramList(List.of()));
        mvc.perform(get("/api/v1/dr/programs")).andExpect(status().isOk());
        assertThat(queries.asked()).containsExactly(new FindDrProgramsQuery(StubQueries.TRADER));
    }

    @Test
    void eventsOfARangeAreAskedForWithItsDays() throws Exception {
        queries.answer(FindDrEventsQuery.class, new DrEventList(List.of()));
        mvc.perform(get("/api/v1/dr/events?from=2026-12-01&to=2026-12-07")).andExpect(status().isOk());
        assertThat(queries.asked()).containsExactly(new FindDrEventsQuery(StubQueries.TRADER, LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 7)));
    }

    @Test
    void anEventRangeThatIsReversedTooLongOrMalformedIsRefusedBeforeAnyQuery() throws Exception {
        assertProblem(mvc.perform(get("/api/v1/dr/events?from=2026-12-08&to=2026-12-07")), 400, "ICC-REQ-RANGE-ORDER", "from");
        assertProblem(mvc.perform(get("/api/v1/dr/events?from=2025-12-01&to=2026-12-07")), 400, "ICC-REQ-RANGE-TOO-LONG", "to");
        assertProblem(mvc.perform(get("/api/v1/dr/events?from=2026-12-xx&to=2026-12-07")), 400, "ICC-REQ-PARAM-INVALID", "from");
        assertProblem(mvc.perform(get("/api/v1/dr/events?to=2026-12-07")), 400, "ICC-REQ-PARAM-MISSING", "from");
        assertThat(queries.asked()).isEmpty();
    }

    @Test
    void anEventThatDoesNotExistIsA404NamingTheEvent() throws Exception {
        assertProblem(mvc.perform(get("/api/v1/dr/events/DRE-20261201-01")), 404, "ICC-DR-EVENT-NOT-FOUND", "eventId");
        assertThat(queries.asked()).containsExactly(new FindDrEventQuery(StubQueries.TRADER, new DrEventId("DRE-20261201-01")));
    }

    @Test
    void aMalformedEventIdIsRefusedBeforeAnyQuery() throws Exception {
        assertProblem(mvc.perform(get("/api/v1/dr/events/_DRE")), 400, "ICC-ID-INVALID", "eventId");
        assertThat(queries.asked()).isEmpty();
    }
}
