package org.evgrid.icc.query.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evgrid.icc.query.telemetry.Telemetry.DAY;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.telemetry.TelemetryBatchReceivedEvent;
import org.evgrid.icc.query.telemetry.Telemetry.Power;
import org.evgrid.icc.query.telemetry.internal.Slots;
import org.evgrid.icc.query.telemetry.internal.TelemetryCollections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two operators with 5,000 piles each report 12 intervals in batches of 5,000 readings into the H2 file backend, then
 * every pile of one interval is corrected, then the whole stream is delivered again. Checks the sums, that each
 * telemetry batch reads its pile-day documents with {@code _id $in} (chunks of 1,000), and prints the elapsed times and
 * command counts (no timed assertions).
 */
class TelemetryRollupAtScaleIT {

    private static final int PILES_PER_OPERATOR = 5_000;
    private static final int INTERVALS = 12;
    private static final int PROCESSOR_BATCH = 4;

    @TempDir
    Path dir;

    private static String pile(int op, int i) {
        return String.format("P%d-%05d", op, i);
    }

    private static long watts(int op, int i, int slot) {
        return 1000L + (i % 50) * 100L + slot * 10L + op;
    }

    @Test
    void batchesOfFiveThousandReadingsRollUpExactlyWithFewRoundTrips() {
        try (TelemetryStore store = new TelemetryStore(new H2Backend(dir.resolve("telemetry.mv").toString()))) {
            MongoDatabase db = store.database();
            RollupRunner runner = new RollupRunner(db);
            List<Object> archive = new ArrayList<>();
            for (int op = 0; op < 2; op++) {
                for (int i = 0; i < PILES_PER_OPERATOR; i++) {
                    archive.add(Telemetry.pile(pile(op, i), "OP" + op, i % 2 == 0 ? "320102" : "320205"));
                }
            }
            runner.batches(archive, 200);

            List<TelemetryBatchReceivedEvent> events = new ArrayList<>();
            long expectedSlot0 = 0;
            for (int slot = 0; slot < INTERVALS; slot++) {
                for (int op = 0; op < 2; op++) {
                    List<Power> items = new ArrayList<>();
                    for (int i = 0; i < PILES_PER_OPERATOR; i++) {
                        items.add(Power.ok(pile(op, i), watts(op, i, slot)));
                        if (slot == 0 && op == 0) {
                            expectedSlot0 += watts(op, i, slot);
                        }
                    }
                    events.add(Telemetry.power(db, "OP" + op, "B" + slot + "-" + op, Telemetry.slot(slot), items));
                }
            }
            List<Power> corrections = new ArrayList<>();
            for (int i = 0; i < PILES_PER_OPERATOR; i++) {
                corrections.add(Power.ok(pile(0, i), 500));
            }
            events.add(Telemetry.power(db, "OP0", "C0", Telemetry.slot(0), corrections));
            store.takeCommands();

            long start = System.nanoTime();
            runner.batches(events, PROCESSOR_BATCH);
            long rolled = System.nanoTime();
            List<String> commands = store.takeCommands();
            runner.batches(events, PROCESSOR_BATCH);
            long redelivered = System.nanoTime();

            Document op0 = db.getCollection(TelemetryCollections.AGG_DAYS)
                    .find(Filters.eq("_id", Slots.aggDayId(PileDimension.OPERATOR, "OP0", DAY))).first();
            assertThat(((Number) op0.get("w", Document.class).get("0")).longValue()).isEqualTo(500L * PILES_PER_OPERATOR);
            assertThat(((Number) op0.get("r", Document.class).get("0")).longValue()).isEqualTo(PILES_PER_OPERATOR);
            assertThat(((Number) op0.get("w", Document.class).get("1")).longValue()).isNotZero();
            Document district = db.getCollection(TelemetryCollections.AGG_DAYS)
                    .find(Filters.eq("_id", Slots.aggDayId(PileDimension.DISTRICT, "320102", DAY))).first();
            assertThat(((Number) district.get("r", Document.class).get("5")).longValue()).isEqualTo(PILES_PER_OPERATOR);
            assertThat(expectedSlot0).isGreaterThan(500L * PILES_PER_OPERATOR);

            long pileDayReads = commands.stream().filter(c -> c.equals("find:" + TelemetryCollections.PILE_DAYS)).count();
            long pileDayWrites = commands.stream().filter(c -> c.equals("update:" + TelemetryCollections.PILE_DAYS)).count();
            System.out.printf("TelemetryRollupAtScaleIT: %d batches of %,d readings in processor batches of %d: %,d ms "
                            + "(%d pile-day find commands, %d pile-day update commands); re-delivery of all: %,d ms%n",
                    events.size(), PILES_PER_OPERATOR, PROCESSOR_BATCH, (rolled - start) / 1_000_000, pileDayReads, pileDayWrites,
                    (redelivered - rolled) / 1_000_000);
            assertThat(pileDayReads).isLessThanOrEqualTo(events.size() * (PILES_PER_OPERATOR / 1000L));
        }
    }
}
