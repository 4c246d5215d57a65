package org.evgrid.icc.ui.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evgrid.icc.ui.query.StubQueries.assertProblem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.evgrid.icc.coreapi.alarm.AlarmList;
import org.evgrid.icc.coreapi.alarm.AlarmStatus;
import org.evgrid.icc.coreapi.alarm.FindAlarmsQuery;
import org.evgrid.icc.ui.query.StubQueries;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

class AlarmControllerTest {

    private final StubQueries queries = new StubQueries();
    private MockMvc mvc;

    @BeforeEach
    void signIn() {
        mvc = StubQueries.mvc(new AlarmController(queries.asker()), StubQueries.TRADER);
    }

    @AfterEach
    void signOut() {
        StubQueries.signOut();
    }

    @Test
    void alarmsAreAskedForWithStatusModuleAndPage() throws Exception {
        queries.answer(FindAlarmsQuery.class, new AlarmList(List.of(), 0));
        mvc.perform(get("/api/v1/alarms?status=OPEN&module=dispatch&page=1&size=10")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/alarms")).andExpect(status().isOk());
        assertThat(queries.asked()).containsExactly(new FindAlarmsQuery(StubQueries.TRADER, AlarmStatus.OPEN, "dispatch", 1, 10),
                new FindAlarmsQuery(StubQueries.TRADER, null, null, 0, 50));
    }

    @Test
    void anUnknownStatusIsRefusedWithTheAllowedValues() throws Exception {
        assertProblem(mvc.perform(get("/api/v1/alarms?status=RESOLVED")), 400, "ICC-REQ-PARAM-INVALID", "status");
        mvc.perform(get("/api/v1/alarms?status=RESOLVED"))
                .andExpect(jsonPath("$.fix").value(Matchers.containsString("OPEN, ACKNOWLEDGED, CLEARED")));
        assertThat(queries.asked()).isEmpty();
    }

    @Test
    void aMalformedModuleOrAPageOutOfRangeIsRefused() throws Exception {
        assertProblem(mvc.perform(get("/api/v1/alarms?module=dis patch")), 400, "ICC-REQ-MODULE-INVALID", "module");
        assertProblem(mvc.perform(get("/api/v1/alarms?page=100001")), 400, "ICC-REQ-PAGE-INVALID", "page");
        assertProblem(mvc.perform(get("/api/v1/alarms?size=1000")), 400, "ICC-REQ-SIZE-INVALID", "size");
        assertThat(queries.asked()).isEmpty();
    }
}
