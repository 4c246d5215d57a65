package org.evgrid.icc.query.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evgrid.icc.query.archive.ArchiveEvents.assigned;
import static org.evgrid.icc.query.archive.ArchiveEvents.at;
import static org.evgrid.icc.query.archive.ArchiveEvents.pile;
import static org.evgrid.icc.query.archive.ArchiveEvents.pileRegistered;
import static org.evgrid.icc.query.archive.ArchiveEvents.unitCreated;
import static org.evgrid.icc.query.archive.Viewers.HQ;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.AggregationUnitView;
import org.evgrid.icc.coreapi.archive.CountPilesQuery;
import org.evgrid.icc.coreapi.archive.FindAggregationUnitQuery;
import org.evgrid.icc.coreapi.archive.FindPilesQuery;
import org.evgrid.icc.coreapi.archive.PileCountView;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.archive.PilePage;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.archive.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 300,000 piles built through the projection's batched handlers (batches of 200, as the tracking processor delivers
 * them; piles in import order, station by station) into the H2 file backend of the embedded store, then listed and
 * counted by {@code _id} reads only. Prints the elapsed times; asserts only results.
 */
class ArchiveAtScaleIT {

    private static final int PILES = 300_000;
    private static final int OPERATORS = 30;
    private static final int STATIONS = 3_000;
    private static final int UNITS = 20;
    private static final int ASSIGNED = 20_000;
    private static final int BATCH = 200;
    private static final String[] RATED = {"7.000", "60.000", "11.000"};

    @TempDir
    Path dir;

    static String pileId(int i) {
        return String.format("P%06d", i);
    }

    /** Piles arrive station by station, as operators import them: pile {@code i} is at station {@code i / 100}. */
    static int stationOf(int i) {
        return i / (PILES / STATIONS);
    }

    static String operatorOf(int i) {
        return String.format("OP-%02d", stationOf(i) % OPERATORS);
    }

    static Region regionOfStation(int station) {
        int district = station % 60;
        String province = district < 30 ? "32" : "33";
        String city = province + String.format("%02d", (district % 30) / 6 + 1);
        return new Region(province + "0000", city + "00", city + String.format("%02d", district % 6 + 1));
    }

    static EventMessage<?> registration(int i) {
        int station = stationOf(i);
        PileType type = PileType.values()[i % 3];
        return pileRegistered(pile(pileId(i), operatorOf(i), String.format("ST-%04d", station), regionOfStation(station),
                "DA-" + (station % 60) / 6, type, RATED[i % 3]), at(i / 1000));
    }

    /** Pile {@code 7m} (m from 0 to 19,999) joins unit {@code m % 20}. */
    static int assignedPile(int m) {
        return 7 * m;
    }

    @Test
    void threeHundredThousandPilesArePagedByOperatorAndCountedByUnitFromMembershipDocuments() {
        try (ArchiveStore store = new ArchiveStore(new H2Backend(dir.resolve("archive.mv").toString()))) {
            ProjectionRunner runner = new ProjectionRunner(store.database());

            long start = System.nanoTime();
            List<EventMessage<?>> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < PILES; i++) {
                batch.add(registration(i));
                if (batch.size() == BATCH) {
                    runner.batch(batch);
                    batch.clear();
                }
            }
            runner.batch(batch);
            long registered = System.nanoTime();

            List<EventMessage<?>> units = new ArrayList<>();
            for (int u = 0; u < UNITS; u++) {
                units.add(unitCreated(String.format("U-%02d", u), "DA-0", "320000", at(400)));
            }
            runner.batch(units);
            long[] unitSeq = new long[UNITS];
            batch.clear();
            for (int m = 0; m < ASSIGNED; m++) {
                int unit = m % UNITS;
                int i = assignedPile(m);
                batch.add(assigned(String.format("U-%02d", unit), ++unitSeq[unit], pileId(i), operatorOf(i), at(401)));
                if (batch.size() == BATCH) {
                    runner.batch(batch);
                    batch.clear();
                }
            }
            runner.batch(batch);
            long assignedAt = System.nanoTime();

            PileArchiveQueries piles = new PileArchiveQueries(store.database());
            PilePage page = piles.find(new FindPilesQuery(HQ, PileDimension.OPERATOR, "OP-07", 30, 100, false));
            long paged = System.nanoTime();
            PilePage last = piles.find(new FindPilesQuery(HQ, PileDimension.OPERATOR, "OP-07", 0, 50, true));
            long lastPaged = System.nanoTime();
            PileCountView count = piles.count(new CountPilesQuery(HQ, PileDimension.UNIT, "U-05"));
            long counted = System.nanoTime();
            PileCountView province = piles.count(new CountPilesQuery(HQ, PileDimension.PROVINCE, "320000"));
            long provinceCounted = System.nanoTime();
            AggregationUnitView unit = new AggregationUnitQueries(store.database())
                    .find(new FindAggregationUnitQuery(HQ, new AggregationUnitId("U-05")));
            long unitRead = System.nanoTime();

            System.out.printf("ArchiveAtScaleIT: %,d pile registrations through the handlers in batches of %d: %,d ms%n",
                    PILES, BATCH, ms(start, registered));
            System.out.printf("ArchiveAtScaleIT: %,d unit assignments in batches of %d: %,d ms%n", ASSIGNED, BATCH,
                    ms(registered, assignedAt));
            System.out.printf("ArchiveAtScaleIT: page 30 (size 100) of operator OP-07 (10,000 piles): %,d ms%n", ms(assignedAt, paged));
            System.out.printf("ArchiveAtScaleIT: count of unit U-05 (1,000 piles): %,d ms; count of province 320000 (150,000 piles): "
                    + "%,d ms; unit view with rated power: %,d ms%n", ms(lastPaged, counted), ms(counted, provinceCounted),
                    ms(provinceCounted, unitRead));

            List<String> ofOperator = new ArrayList<>();
            for (int i = 0; i < PILES; i++) {
                if (operatorOf(i).equals("OP-07")) {
                    ofOperator.add(pileId(i));
                }
            }
            assertThat(page.total()).isEqualTo(ofOperator.size()).isEqualTo(PILES / OPERATORS);
            assertThat(page.items()).extracting(v -> v.pileId().value()).containsExactlyElementsOf(ofOperator.subList(3_000, 3_100));
            assertThat(page.items()).allSatisfy(v -> assertThat(v.operatorId().value()).isEqualTo("OP-07"));
            List<String> descending = new ArrayList<>(ofOperator);
            Collections.reverse(descending);
            assertThat(last.items()).extracting(v -> v.pileId().value()).containsExactlyElementsOf(descending.subList(0, 50));

            Map<PileType, Long> byType = new EnumMap<>(PileType.class);
            BigDecimal ratedPower = BigDecimal.ZERO;
            for (int m = 5; m < ASSIGNED; m += UNITS) {
                int i = assignedPile(m);
                byType.merge(PileType.values()[i % 3], 1L, Long::sum);
                ratedPower = ratedPower.add(new BigDecimal(RATED[i % 3]));
            }
            assertThat(count.total()).isEqualTo(ASSIGNED / UNITS);
            assertThat(count.byType()).isEqualTo(byType);
            assertThat(province.total()).isEqualTo(PILES / 2);
            assertThat(unit.piles()).isEqualTo(ASSIGNED / UNITS);
            assertThat(unit.ratedPowerKw()).isEqualByComparingTo(ratedPower);
        }
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
