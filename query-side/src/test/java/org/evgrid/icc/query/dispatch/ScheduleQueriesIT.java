package org.evgrid.icc.query.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.evgrid.icc.query.dispatch.DispatchReadModelIT.AU1;
import static org.evgrid.icc.query.dispatch.DispatchReadModelIT.DAY;
import static org.evgrid.icc.query.dispatch.DispatchReadModelIT.OP_A;
import static org.evgrid.icc.query.dispatch.DispatchReadModelIT.OP_B;
import static org.evgrid.icc.query.dispatch.DispatchReadModelIT.PLAN;
import static org.evgrid.icc.query.dispatch.DispatchReadModelIT.PLATFORM_A;
import static org.evgrid.icc.query.dispatch.DispatchReadModelIT.TRADER;
import static org.evgrid.icc.query.dispatch.DispatchReadModelIT.flat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.dispatch.AllocationReason;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanProposedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchSourceKind;
import org.evgrid.icc.coreapi.dispatch.FindOperatorSchedulesQuery;
import org.evgrid.icc.coreapi.dispatch.FindPileScheduleQuery;
import org.evgrid.icc.coreapi.dispatch.OperatorShare;
import org.evgrid.icc.coreapi.dispatch.PileSchedulePage;
import org.evgrid.icc.coreapi.dispatch.PileScheduleView;
import org.evgrid.icc.query.common.EmbeddedStore;
import org.evgrid.icc.query.common.EventFeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The schedule queries read documents written in the layout of docs/dispatch-schedules.md: operator A with 2,500 piles in
 * full chunks of 1,000 (binary search of firstPiles), operator B with 3 piles in uneven chunks of 2 and 1.
 */
class ScheduleQueriesIT {

    private EmbeddedStore store;
    private ScheduleQueries queries;

    @BeforeEach
    void start() {
        store = new EmbeddedStore();
        EventFeed feed = new EventFeed(Instant.parse("2026-11-30T08:00:00Z"), new DispatchPlanProjection(store.database()));
        feed.batch(List.of(feed.event("plan:" + PLAN.value(), new DispatchPlanProposedEvent(PLAN, 1, AU1, DAY,
                DispatchSourceKind.MARKET_CLEARING, "BID-1", flat("100"), flat("100"), new BigDecimal("5"), 2503, 0,
                List.of(new OperatorShare(OP_A, 2500, flat("90"), new BigDecimal("2160")), new OperatorShare(OP_B, 3, flat("10"),
                        new BigDecimal("240"))), List.of(), "FAIR-1", "digest"), "center")));
        writeSchedules();
        store.database().getCollection("arch_piles").insertOne(new Document("_id", "PA-1234").append("operatorId", "OP-A"));
        store.database().getCollection("arch_piles").insertOne(new Document("_id", "PB-0001").append("operatorId", "OP-B"));
        queries = new ScheduleQueries(store.database());
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private static String pa(int i) {
        return String.format("PA-%04d", i);
    }

    private static String pb(int i) {
        return String.format("PB-%04d", i);
    }

    private static long watts(String pile, int k) {
        if (pile.startsWith("PA-")) {
            return 7000 + Integer.parseInt(pile.substring(3));
        }
        return pile.equals("PB-0003") && k < 16 ? -3500 : 11000;
    }

    private static Document chunk(String operator, int chunk, List<String> piles) {
        List<Long> w = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (String pile : piles) {
            for (int k = 0; k < 96; k++) {
                w.add(watts(pile, k));
            }
            reasons.add(pile.equals("PB-0003") ? "FAIR_SHARE=80;V2G_DISCHARGE=16" : "FAIR_SHARE=80;AT_RATED_LIMIT=16");
        }
        return new Document("_id", PLAN.value() + "|v1|" + operator + "|" + String.format("%04d", chunk)).append("planId", PLAN.value())
                .append("version", 1).append("operatorId", operator).append("chunk", chunk).append("pileIds", piles).append("w", w)
                .append("reasons", reasons);
    }

    private void writeSchedules() {
        MongoCollection<Document> schedules = store.database().getCollection("dispatch_schedules");
        List<String> firstA = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            List<String> piles = new ArrayList<>();
            for (int i = c * 1000; i < Math.min(2500, (c + 1) * 1000); i++) {
                piles.add(pa(i));
            }
            firstA.add(piles.get(0));
            schedules.insertOne(chunk("OP-A", c, piles));
        }
        schedules.insertOne(chunk("OP-B", 0, List.of(pb(1), pb(2))));
        schedules.insertOne(chunk("OP-B", 1, List.of(pb(3))));
        schedules.insertOne(new Document("_id", PLAN.value() + "|v1").append("planId", PLAN.value()).append("version", 1)
                .append("unitId", AU1.value()).append("tradingDay", DAY.toString()).append("piles", 2503).append("digest", "digest")
                .append("operators", List.of(
                        new Document("operatorId", "OP-A").append("piles", 2500).append("chunks", 3).append("firstPiles", firstA),
                        new Document("operatorId", "OP-B").append("piles", 3).append("chunks", 2).append("firstPiles", List.of(pb(1), pb(3))))));
    }

    @Test
    void aPileScheduleIsFoundByBinarySearchAndExplainedInBothLanguages() {
        PileScheduleView view = queries.handle(new FindPileScheduleQuery(TRADER, PLAN, new PileId("PA-1234")));

        assertThat(view.operatorId()).isEqualTo(OP_A);
        assertThat(view.version()).isEqualTo(1);
        assertThat(view.scheduleKw()).hasSize(96);
        assertThat(view.scheduleKw().get(0)).isEqualTo(new BigDecimal("8.234"));
        assertThat(view.reasonIntervals()).containsExactly(Map.entry(AllocationReason.FAIR_SHARE, 80),
                Map.entry(AllocationReason.AT_RATED_LIMIT, 16));
        assertThat(view.explanationZh()).isEqualTo("80 个时段按公平水平分配，16 个时段受额定功率限制");
        assertThat(view.explanationEn()).isEqualTo("80 intervals at the common fair level, 16 held at rated power");
        assertThat(queries.handle(new FindPileScheduleQuery(TRADER, PLAN, new PileId("PA-0000"))).scheduleKw().get(95))
                .isEqualTo(new BigDecimal("7.000"));
        assertThat(queries.handle(new FindPileScheduleQuery(TRADER, PLAN, new PileId("PA-2499"))).scheduleKw().get(0))
                .isEqualTo(new BigDecimal("9.499"));
    }

    @Test
    void aPileWithoutArchiveEntryIsLookedUpUnderEachOperatorAndDischargeIsNegative() {
        PileScheduleView view = queries.handle(new FindPileScheduleQuery(TRADER, PLAN, new PileId("PB-0003")));

        assertThat(view.operatorId()).isEqualTo(OP_B);
        assertThat(view.scheduleKw().get(0)).isEqualTo(new BigDecimal("-3.500"));
        assertThat(view.scheduleKw().get(16)).isEqualTo(new BigDecimal("11.000"));
        assertThat(view.explanationEn()).isEqualTo("80 intervals at the common fair level, 16 discharging to the grid (V2G)");
        assertThat(queries.handle(new FindPileScheduleQuery(TRADER, PLAN, new PileId("PX-0001")))).isNull();
    }

    @Test
    void anOperatorsSchedulesArePagedAcrossChunks() {
        PileSchedulePage page = queries.handle(new FindOperatorSchedulesQuery(TRADER, PLAN, 0, OP_A, 3, 300));

        assertThat(page.total()).isEqualTo(2500);
        assertThat(page.items()).hasSize(300);
        assertThat(page.items().get(0).pileId().value()).isEqualTo("PA-0900");
        assertThat(page.items().get(299).pileId().value()).isEqualTo("PA-1199");
        assertThat(queries.handle(new FindOperatorSchedulesQuery(TRADER, PLAN, 1, OP_A, 4, 500)).items()).hasSize(500)
                .last().extracting(v -> v.pileId().value()).isEqualTo("PA-2499");
        assertThat(queries.handle(new FindOperatorSchedulesQuery(TRADER, PLAN, 1, OP_A, 5, 500)).items()).isEmpty();
        assertThat(queries.handle(new FindOperatorSchedulesQuery(TRADER, PLAN, 2, OP_A, 0, 10)).total()).isZero();
    }

    @Test
    void unevenChunksAreReadInOrder() {
        PileSchedulePage page = queries.handle(new FindOperatorSchedulesQuery(TRADER, PLAN, 0, OP_B, 1, 2));

        assertThat(page.total()).isEqualTo(3);
        assertThat(page.items()).extracting(v -> v.pileId().value()).containsExactly("PB-0003");
    }

    @Test
    void anOperatorPlatformReadsOnlyItsOwnSchedules() {
        assertThat(queries.handle(new FindPileScheduleQuery(PLATFORM_A, PLAN, new PileId("PA-1234")))).isNotNull();
        assertThat(queries.handle(new FindOperatorSchedulesQuery(PLATFORM_A, PLAN, 0, OP_A, 0, 5)).items()).hasSize(5);
        assertThatThrownBy(() -> queries.handle(new FindPileScheduleQuery(PLATFORM_A, PLAN, new PileId("PB-0001"))))
                .isInstanceOfSatisfying(IccException.class, e -> assertThat(e.code()).isEqualTo("ICC-SCOPE-OPERATOR"));
        assertThatThrownBy(() -> queries.handle(new FindPileScheduleQuery(PLATFORM_A, PLAN, new PileId("PB-0003"))))
                .isInstanceOfSatisfying(IccException.class, e -> assertThat(e.code()).isEqualTo("ICC-SCOPE-OPERATOR"));
        assertThatThrownBy(() -> queries.handle(new FindOperatorSchedulesQuery(PLATFORM_A, PLAN, 0, OP_B, 0, 5)))
                .isInstanceOfSatisfying(IccException.class, e -> assertThat(e.code()).isEqualTo("ICC-SCOPE-OPERATOR"));
        assertThatThrownBy(() -> queries.handle(new FindOperatorSchedulesQuery(TRADER, PLAN, 0, OP_A, 0, 0)))
                .isInstanceOfSatisfying(IccException.class, e -> assertThat(e.code()).isEqualTo("ICC-PAGE-SIZE-INVALID"));
    }
}
