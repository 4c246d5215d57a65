package org.evgrid.icc.infra.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.evgrid.icc.command.dispatch.allocation.Allocation;
import org.evgrid.icc.command.dispatch.allocation.FairAllocator;
import org.evgrid.icc.command.dispatch.internal.MongoScheduleStore;
import org.evgrid.icc.command.dispatch.internal.ScheduleLayout;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.dispatch.DispatchInstructionIssuedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanId;
import org.evgrid.icc.coreapi.dispatch.InstructionId;
import org.evgrid.icc.coreapi.dispatch.PileDispatchInput;
import org.evgrid.icc.coreapi.dispatch.SessionNeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An instruction's body, read from a schedule the command side wrote (real allocator, layout and store on an embedded
 * MongoDB): one charging profile per pile the plan uses — as many as the instruction's {@code piles} — and none for a
 * pile excluded as offline (a 0 kW profile would stop it charging when it comes back).
 */
class InstructionMessageIT {

    private static final OperatorId OPERATOR = new OperatorId("OP-IM");
    private static final DispatchPlanId PLAN = new DispatchPlanId("DP-IM-1");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private MongoClient client;

    @BeforeEach
    void start() {
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void theBodyHasAProfileForEachPileInUseAndNoneForAnExcludedOne() throws Exception {
        List<PileDispatchInput> piles = new ArrayList<>();
        for (String id : new String[] {"P-IM-1", "P-IM-2", "P-IM-3"}) {
            piles.add(new PileDispatchInput(new PileId(id), OPERATOR, PileType.AC, 7000, 0, 0, !id.equals("P-IM-2"),
                    List.of(new SessionNeed("S-" + id, 0, 96, 20_000))));
        }
        long[] target = new long[96];
        Arrays.fill(target, 10_000);
        Allocation allocation = new FairAllocator().allocate(piles, target);
        ScheduleLayout layout = ScheduleLayout.of(PLAN, 1, new AggregationUnitId("AU-IM-1"), DAY, allocation);
        new MongoScheduleStore(client.getDatabase("icc")).write(layout);
        DispatchInstructionIssuedEvent issued = new DispatchInstructionIssuedEvent(InstructionId.of(PLAN, OPERATOR), PLAN, 1, OPERATOR,
                new AggregationUnitId("AU-IM-1"), DAY, 2, List.of(BigDecimal.TEN), layout.digest(), Instant.parse("2026-11-30T08:10:00Z"));

        JsonNode body = new ObjectMapper().readTree(new InstructionMessage(client.getDatabase("icc"))
                .body(issued, "https://center.example/api/v1/commands"));

        assertThat(body.path("piles").asInt()).isEqualTo(2);
        assertThat(body.path("chargingProfiles").findValuesAsText("pileId")).containsExactly("P-IM-1", "P-IM-3");
        assertThat(body.path("chargingProfiles").get(0).path("chargingProfile").path("chargingProfilePeriod").get(0).path("limit")
                .decimalValue()).isEqualByComparingTo("5.000");
    }
}
