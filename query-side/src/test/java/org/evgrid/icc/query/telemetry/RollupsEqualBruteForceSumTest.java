package org.evgrid.icc.query.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evgrid.icc.query.telemetry.Telemetry.DAY;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileRemovedFromUnitEvent;
import org.evgrid.icc.coreapi.telemetry.ConnectorStatus;
import org.evgrid.icc.coreapi.telemetry.DataQuality;
import org.evgrid.icc.coreapi.telemetry.TelemetryBatchReceivedEvent;
import org.evgrid.icc.query.telemetry.Telemetry.Energy;
import org.evgrid.icc.query.telemetry.Telemetry.Order;
import org.evgrid.icc.query.telemetry.Telemetry.Power;
import org.evgrid.icc.query.telemetry.internal.TelemetryCollections;

/**
 * The roll-ups equal a brute-force sum over the raw readings (latest version per pile and slot, day or session, in
 * event order, attributed to the unit the pile had when that version arrived), for random batches with corrections,
 * duplicate items, unit changes, re-deliveries of single events, and a crash that leaves the pile-day documents ahead of
 * the aggregates followed by re-delivery of the rest of the stream.
 */
class RollupsEqualBruteForceSumTest {

    private static final TelemetryStore STORE = TelemetryStore.inMemory();
    private static final String[] PILES = {"P0", "P1", "P2", "P3", "P4", "P5"};
    private static final String[] OPERATOR = {"OPA", "OPA", "OPA", "OPB", "OPB", "OPB"};
    private static final String[] DISTRICT = {"320102", "320102", "320205", "320102", "330106", "320205"};

    @AfterContainer
    static void close() {
        STORE.close();
    }

    /** One step of the stream. */
    sealed interface Step permits PowerStep, EnergyStep, OrderStep, UnitStep, Redeliver {
    }

    record PowerStep(int operator, int slot, List<int[]> items) implements Step {
    }

    record EnergyStep(int operator, List<int[]> items) implements Step {
    }

    record OrderStep(int operator, List<int[]> items) implements Step {
    }

    /** unit -1 removes the pile from its unit. */
    record UnitStep(int pile, int unit) implements Step {
    }

    record Redeliver(int which) implements Step {
    }

    @Provide
    Arbitrary<List<Step>> streams() {
        Arbitrary<int[]> item = Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(-2000, 20_000),
                Arbitraries.integers().between(0, ConnectorStatus.values().length - 1),
                Arbitraries.integers().between(0, DataQuality.values().length - 1), Arbitraries.integers().between(0, 2))
                .as((p, w, st, q, s) -> new int[] {p, w, st, q, s});
        Arbitrary<List<int[]>> items = item.list().ofMinSize(1).ofMaxSize(5);
        Arbitrary<Step> power = Combinators.combine(Arbitraries.integers().between(0, 1), Arbitraries.integers().between(0, 3), items)
                .as(PowerStep::new);
        Arbitrary<Step> energy = Combinators.combine(Arbitraries.integers().between(0, 1), items).as(EnergyStep::new);
        Arbitrary<Step> orders = Combinators.combine(Arbitraries.integers().between(0, 1), items).as(OrderStep::new);
        Arbitrary<Step> unit = Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(-1, 1))
                .as(UnitStep::new);
        Arbitrary<Step> redeliver = Arbitraries.integers().between(0, 1000).map(Redeliver::new);
        return Arbitraries.frequencyOf(List.of(Tuple.of(6, power), Tuple.of(2, energy), Tuple.of(2, orders), Tuple.of(2, unit),
                Tuple.of(2, redeliver))).list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 150)
    void rollUpsEqualTheBruteForceSum(@ForAll("streams") List<Step> steps,
                                      @ForAll("batchSizes") int batchSize,
                                      @ForAll("cuts") int cutPercent) {
        STORE.clear();
        MongoDatabase db = STORE.database();
        List<Object> events = new ArrayList<>();
        for (int p = 0; p < PILES.length; p++) {
            events.add(Telemetry.pile(PILES[p], OPERATOR[p], DISTRICT[p]));
        }
        Model model = new Model();
        List<TelemetryBatchReceivedEvent> sent = new ArrayList<>();
        int n = 0;
        for (Step step : steps) {
            String batch = "B" + (n++);
            if (step instanceof PowerStep s) {
                    List<Power> items = new ArrayList<>();
                    for (int[] it : s.items()) {
                        int pile = s.operator() * 3 + it[0];
                        items.add(new Power(PILES[pile], it[1], it[1] + 10, ConnectorStatus.values()[it[2]], DataQuality.values()[it[3]]));
                    }
                    TelemetryBatchReceivedEvent e = Telemetry.power(db, s.operator() == 0 ? "OPA" : "OPB", batch,
                            Telemetry.slot(s.slot()), items);
                    events.add(e);
                    sent.add(e);
                model.power(batch, s.slot(), items);
            } else if (step instanceof EnergyStep s) {
                    List<Energy> items = new ArrayList<>();
                    for (int[] it : s.items()) {
                        items.add(new Energy(PILES[s.operator() * 3 + it[0]], Math.abs(it[1]) * 10L, DataQuality.values()[it[3]]));
                    }
                    TelemetryBatchReceivedEvent e = Telemetry.energy(db, s.operator() == 0 ? "OPA" : "OPB", batch, DAY, items);
                    events.add(e);
                    sent.add(e);
                model.energy(batch, items);
            } else if (step instanceof OrderStep s) {
                    List<Order> items = new ArrayList<>();
                    for (int[] it : s.items()) {
                        String pile = PILES[s.operator() * 3 + it[0]];
                        items.add(new Order("S." + pile + "." + it[4], pile, Math.abs(it[1]), it[2] * 100L, it[3] * 10L));
                    }
                    TelemetryBatchReceivedEvent e = Telemetry.orders(db, s.operator() == 0 ? "OPA" : "OPB", batch, DAY, items);
                    events.add(e);
                    sent.add(e);
                model.orders(batch, items);
            } else if (step instanceof UnitStep s) {
                    String pile = PILES[s.pile()];
                    String op = OPERATOR[s.pile()];
                    String current = model.unit.get(pile);
                    if (s.unit() < 0) {
                        if (current != null) {
                            events.add(new PileRemovedFromUnitEvent(new PileId(pile), new AggregationUnitId(current), new OperatorId(op)));
                            model.unit.remove(pile);
                        }
                    } else {
                        String unit = "U" + s.unit();
                        events.add(Telemetry.assign(pile, unit, op));
                    model.unit.put(pile, unit);
                }
            } else if (step instanceof Redeliver s && !sent.isEmpty()) {
                events.add(sent.get(s.which() % sent.size()));
            }
        }

        int cut = events.size() * cutPercent / 100;
        RollupRunner runner = new RollupRunner(db);
        runner.batches(events.subList(0, cut), batchSize);
        Map<String, Document> aggDays = STORE.all(TelemetryCollections.AGG_DAYS);
        Map<String, Document> months = STORE.all(TelemetryCollections.AGG_MONTHS);
        Map<String, Document> dims = STORE.all(TelemetryCollections.PILE_DIMS);
        runner.batches(events.subList(cut, events.size()), batchSize);
        if (cutPercent < 100) {
            // crash: the pile-day documents were written, the aggregates and dimensions were not; the rest is delivered again
            STORE.restore(TelemetryCollections.AGG_DAYS, aggDays);
            STORE.restore(TelemetryCollections.AGG_MONTHS, months);
            STORE.restore(TelemetryCollections.PILE_DIMS, dims);
            new RollupRunner(db).batches(events.subList(cut, events.size()), batchSize);
        }

        assertThat(actualAggregates()).isEqualTo(model.expectedAggregates());
        assertThat(actualMonths()).isEqualTo(model.expectedMonths());
    }

    @Provide
    Arbitrary<Integer> batchSizes() {
        return Arbitraries.integers().between(1, 6);
    }

    @Provide
    Arbitrary<Integer> cuts() {
        return Arbitraries.of(0, 30, 60, 100, 100);
    }

    private static Map<String, Map<String, Long>> actualAggregates() {
        Map<String, Map<String, Long>> all = new TreeMap<>();
        STORE.all(TelemetryCollections.AGG_DAYS).forEach((id, doc) -> {
            Map<String, Long> fields = new TreeMap<>();
            for (String map : List.of("w", "r", "n")) {
                Document sub = doc.get(map, Document.class);
                if (sub != null) {
                    sub.forEach((slot, v) -> fields.put(map + "." + slot, ((Number) v).longValue()));
                }
            }
            for (String f : List.of("mwh", "oc", "owh", "oef", "osf", "otf")) {
                if (doc.get(f) != null) {
                    fields.put(f, ((Number) doc.get(f)).longValue());
                }
            }
            fields.values().removeIf(v -> v == 0L);
            if (!fields.isEmpty()) {
                all.put(id, fields);
            }
        });
        return all;
    }

    private static Map<String, List<Long>> actualMonths() {
        Map<String, List<Long>> all = new TreeMap<>();
        STORE.all(TelemetryCollections.AGG_MONTHS).forEach((id, doc) -> {
            Document d = doc.get("d", Document.class).get("26", Document.class);
            List<Long> figures = List.of(d.getLong("ws"), d.getLong("pk"), ((Number) d.get("rs")).longValue(), d.getLong("mwh"),
                    d.getLong("oc"), d.getLong("otf"));
            if (figures.stream().anyMatch(v -> v != 0L)) {
                all.put(id.replace("tam|", "").replace("|202611", ""), figures);
            }
        });
        return all;
    }

    /** The brute force: the latest version of every value, in event order, and their sums per key. */
    private static final class Model {
        final Map<String, String> unit = new HashMap<>();
        final java.util.Set<String> seen = new java.util.HashSet<>();
        /** pile|slot → avgW, status ordinal, quality ordinal; unit. */
        final Map<String, Object[]> power = new LinkedHashMap<>();
        final Map<String, Object[]> energy = new LinkedHashMap<>();
        final Map<String, Object[]> orders = new LinkedHashMap<>();

        void power(String batch, int slot, List<Power> items) {
            if (seen.add(batch)) {
                items.forEach(p -> power.put(p.pile() + "|" + slot, new Object[] {p, slot, unit.get(p.pile())}));
            }
        }

        void energy(String batch, List<Energy> items) {
            if (seen.add(batch)) {
                items.forEach(e -> energy.put(e.pile(), new Object[] {e, unit.get(e.pile())}));
            }
        }

        void orders(String batch, List<Order> items) {
            if (seen.add(batch)) {
                items.forEach(o -> orders.put(o.pile() + "|" + o.sid(), new Object[] {o, unit.get(o.pile())}));
            }
        }

        private static List<String> keys(String pile, String unitOfVersion) {
            int p = Integer.parseInt(pile.substring(1));
            String d = DISTRICT[p];
            List<String> keys = new ArrayList<>(List.of("OPERATOR|" + OPERATOR[p], "DISTRICT|" + d, "CITY|" + d.substring(0, 4) + "00",
                    "PROVINCE|" + d.substring(0, 2) + "0000", "DISPATCH_AREA|DA-" + d.substring(0, 2) + "0000"));
            if (unitOfVersion != null) {
                keys.add("UNIT|" + unitOfVersion);
            }
            return keys;
        }

        private static void add(Map<String, Map<String, Long>> all, String key, String field, long value) {
            all.computeIfAbsent("tad|" + key + "|20261126", k -> new TreeMap<>()).merge(field, value, Long::sum);
        }

        Map<String, Map<String, Long>> expectedAggregates() {
            Map<String, Map<String, Long>> all = new TreeMap<>();
            power.values().forEach(v -> {
                Power p = (Power) v[0];
                int slot = (Integer) v[1];
                for (String key : keys(p.pile(), (String) v[2])) {
                    boolean counted = p.quality() == DataQuality.OK || p.quality() == DataQuality.ESTIMATED;
                    add(all, key, "w." + slot, counted ? p.avgW() : 0);
                    add(all, key, "r." + slot, p.quality() != DataQuality.MISSING ? 1 : 0);
                    add(all, key, "n." + slot, p.status().online() ? 1 : 0);
                }
            });
            energy.values().forEach(v -> {
                Energy e = (Energy) v[0];
                for (String key : keys(e.pile(), (String) v[1])) {
                    add(all, key, "mwh", e.quality() == DataQuality.OK || e.quality() == DataQuality.ESTIMATED ? e.wh() : 0);
                }
            });
            orders.values().forEach(v -> {
                Order o = (Order) v[0];
                for (String key : keys(o.pile(), (String) v[1])) {
                    add(all, key, "oc", 1);
                    add(all, key, "owh", o.wh());
                    add(all, key, "oef", o.energyFen());
                    add(all, key, "osf", o.serviceFen());
                    add(all, key, "otf", o.energyFen() + o.serviceFen());
                }
            });
            all.values().forEach(m -> m.values().removeIf(x -> x == 0L));
            all.values().removeIf(Map::isEmpty);
            return all;
        }

        Map<String, List<Long>> expectedMonths() {
            Map<String, List<Long>> all = new TreeMap<>();
            expectedAggregates().forEach((id, f) -> {
                long ws = 0;
                long pk = 0;
                boolean any = false;
                long rs = 0;
                for (int s = 0; s < 288; s++) {
                    if (f.getOrDefault("r." + s, 0L) > 0) {
                        long w = f.getOrDefault("w." + s, 0L);
                        ws += w;
                        pk = any ? Math.max(pk, w) : w;
                        any = true;
                        rs++;
                    }
                }
                List<Long> figures = List.of(ws, pk, rs, f.getOrDefault("mwh", 0L), f.getOrDefault("oc", 0L), f.getOrDefault("otf", 0L));
                if (figures.stream().anyMatch(v -> v != 0L)) {
                    all.put(id.replace("tad|", "").replace("|20261126", ""), figures);
                }
            });
            return all;
        }
    }
}
