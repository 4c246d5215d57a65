package org.evgrid.icc.query.telemetry;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.DispatchAreaId;
import org.evgrid.icc.coreapi.archive.ImportBatchId;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileAssignedToUnitEvent;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileRegisteredEvent;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.archive.Region;
import org.evgrid.icc.coreapi.archive.StationId;
import org.evgrid.icc.coreapi.telemetry.ConnectorStatus;
import org.evgrid.icc.coreapi.telemetry.DataQuality;
import org.evgrid.icc.coreapi.telemetry.TelemetryBatchId;
import org.evgrid.icc.coreapi.telemetry.TelemetryBatchReceivedEvent;
import org.evgrid.icc.coreapi.telemetry.TelemetryKind;
import org.evgrid.icc.query.telemetry.internal.Slots;

/**
 * Test fixtures: archive events, and telemetry batches written to {@code tel_readings} the way ingestion writes them
 * (docs/telemetry-store.md) together with their batch events.
 */
final class Telemetry {

    /** 2026-11-26 in Asia/Shanghai. */
    static final LocalDate DAY = LocalDate.of(2026, 11, 26);

    private Telemetry() {
    }

    /** A pile of an operator in a station, region 320000/320100/{district}, dispatch area DA-{province}. */
    static PileRegisteredEvent pile(String pile, String operator, String district) {
        String province = district.substring(0, 2) + "0000";
        String city = district.substring(0, 4) + "00";
        return new PileRegisteredEvent(new PileId(pile), new OperatorId(operator), new StationId("ST-" + operator),
                new DispatchAreaId("DA-" + province), new Region(province, city, district), PileType.AC,
                new BigDecimal("7.000"), BigDecimal.ZERO, BigDecimal.ZERO, 1, new ImportBatchId("IMP-" + pile));
    }

    static PileAssignedToUnitEvent assign(String pile, String unit, String operator) {
        return new PileAssignedToUnitEvent(new PileId(pile), new AggregationUnitId(unit), new OperatorId(operator));
    }

    /** One power reading: pile, average and maximum W, status, quality. */
    record Power(String pile, long avgW, long maxW, ConnectorStatus status, DataQuality quality) {
        static Power ok(String pile, long avgW) {
            return new Power(pile, avgW, avgW, ConnectorStatus.CHARGING, DataQuality.OK);
        }
    }

    /** One daily energy reading. */
    record Energy(String pile, long wh, DataQuality quality) {
    }

    /** One charging order. */
    record Order(String sid, String pile, long wh, long energyFen, long serviceFen) {
    }

    /** The start of slot {@code slot} of {@link #DAY}. */
    static Instant slot(int slot) {
        return Slots.start(DAY, slot);
    }

    /** Writes a POWER readings document and returns its batch event. */
    static TelemetryBatchReceivedEvent power(MongoDatabase db, String operator, String batch, Instant start, List<Power> items) {
        String docId = operator + "|POWER|" + Slots.minuteKey(Slots.day(start), Slots.slot(start)) + "|" + batch;
        List<Object> piles = new ArrayList<>();
        List<Object> avg = new ArrayList<>();
        List<Object> max = new ArrayList<>();
        List<Object> st = new ArrayList<>();
        List<Object> soc = new ArrayList<>();
        List<Object> con = new ArrayList<>();
        List<Object> q = new ArrayList<>();
        long total = 0;
        for (Power p : items) {
            piles.add(p.pile());
            avg.add(p.avgW());
            max.add(p.maxW());
            st.add(p.status().name());
            soc.add(null);
            con.add(null);
            q.add(p.quality().name());
            total += p.avgW();
        }
        Document doc = common(docId, operator, TelemetryKind.POWER, batch, start, items.size())
                .append("pile", piles).append("avgW", avg).append("maxW", max).append("st", st).append("soc", soc)
                .append("con", con).append("q", q);
        db.getCollection("tel_readings").replaceOne(Filters.eq("_id", docId), doc, new ReplaceOptions().upsert(true));
        return event(operator, batch, TelemetryKind.POWER, start, items.size(), BigDecimal.valueOf(total, 3), null, docId);
    }

    /** Writes an ENERGY readings document for a day and returns its batch event. */
    static TelemetryBatchReceivedEvent energy(MongoDatabase db, String operator, String batch, LocalDate day, List<Energy> items) {
        String docId = operator + "|ENERGY|" + Slots.dayKey(day) + "|" + batch;
        List<Object> piles = new ArrayList<>();
        List<Object> wh = new ArrayList<>();
        List<Object> nulls = new ArrayList<>();
        List<Object> q = new ArrayList<>();
        long total = 0;
        for (Energy e : items) {
            piles.add(e.pile());
            wh.add(e.wh());
            nulls.add(null);
            q.add(e.quality().name());
            total += e.wh();
        }
        Instant start = Slots.start(day, 0);
        Document doc = common(docId, operator, TelemetryKind.ENERGY, batch, start, items.size())
                .append("pile", piles).append("wh", wh).append("sharpWh", nulls).append("peakWh", nulls)
                .append("flatWh", nulls).append("valleyWh", nulls).append("q", q);
        db.getCollection("tel_readings").replaceOne(Filters.eq("_id", docId), doc, new ReplaceOptions().upsert(true));
        return event(operator, batch, TelemetryKind.ENERGY, start, items.size(), null, BigDecimal.valueOf(total, 3), docId);
    }

    /** Writes an ORDERS readings document for a day and returns its batch event. */
    static TelemetryBatchReceivedEvent orders(MongoDatabase db, String operator, String batch, LocalDate day, List<Order> items) {
        String docId = operator + "|ORDERS|" + Slots.dayKey(day) + "|" + batch;
        Document doc = common(docId, operator, TelemetryKind.ORDERS, batch, Slots.start(day, 0), items.size());
        List<Object> sid = new ArrayList<>();
        List<Object> pile = new ArrayList<>();
        List<Object> con = new ArrayList<>();
        List<Object> start = new ArrayList<>();
        List<Object> end = new ArrayList<>();
        List<Object> wh = new ArrayList<>();
        List<Object> ef = new ArrayList<>();
        List<Object> sf = new ArrayList<>();
        List<Object> tf = new ArrayList<>();
        List<Object> ut = new ArrayList<>();
        for (Order o : items) {
            sid.add(o.sid());
            pile.add(o.pile());
            con.add(1);
            start.add(Date.from(Slots.start(day, 100)));
            end.add(Date.from(Slots.start(day, 110)));
            wh.add(o.wh());
            ef.add(o.energyFen());
            sf.add(o.serviceFen());
            tf.add(o.energyFen() + o.serviceFen());
            ut.add("PRIVATE");
        }
        doc.append("sid", sid).append("pile", pile).append("con", con).append("start", start).append("end", end)
                .append("wh", wh).append("energyFen", ef).append("serviceFen", sf).append("totalFen", tf).append("ut", ut);
        db.getCollection("tel_readings").replaceOne(Filters.eq("_id", docId), doc, new ReplaceOptions().upsert(true));
        return event(operator, batch, TelemetryKind.ORDERS, Slots.start(day, 0), items.size(), null, null, docId);
    }

    private static Document common(String docId, String operator, TelemetryKind kind, String batch, Instant start, int n) {
        return new Document("_id", docId).append("op", operator).append("kind", kind.name()).append("batch", batch)
                .append("period", Date.from(start)).append("day", Slots.day(start).toString())
                .append("receivedAt", Date.from(start.plusSeconds(400))).append("merkleRoot", "00").append("n", n);
    }

    private static TelemetryBatchReceivedEvent event(String operator, String batch, TelemetryKind kind, Instant start, int n,
                                                     BigDecimal kw, BigDecimal kwh, String docId) {
        return new TelemetryBatchReceivedEvent(new TelemetryBatchId(batch), new OperatorId(operator), kind, start,
                Slots.day(start), n, n, List.of(), kw, kwh, null, docId, "00", start.plusSeconds(400));
    }
}
