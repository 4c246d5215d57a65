package org.evgrid.icc.infra.gateway.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.evgrid.icc.coreapi.declaration.GateClosureRule;
import org.evgrid.icc.coreapi.dispatch.AllocationReason;
import org.evgrid.icc.coreapi.dispatch.DispatchInstructionIssuedEvent;

/**
 * The body of a dispatch instruction to an operator platform (OCPI ChargingProfiles pattern): the instruction's ids,
 * the address for the signed result, and one charging profile per pile of the operator in the plan version (not for
 * piles excluded from the plan as offline or faulted: the instruction's {@code piles} counts the others), read from
 * the schedule store ({@code dispatch_schedules}, docs/dispatch-schedules.md): the index document, then the operator's
 * chunk documents in order. A profile starts at the trading day's 00:00 (Asia/Shanghai), lasts 86,400 s and lists
 * its limits in kW from the quarter hour they start at (seconds from the start; a period lasts until the next one,
 * so equal neighbouring quarter hours are one period; negative = discharge).
 */
public final class InstructionMessage {

    /** The schedule store. */
    public static final String SCHEDULES = "dispatch_schedules";

    private static final int INTERVALS = 96;
    private static final int SECONDS_PER_INTERVAL = 900;
    /** The reason counts of a pile left out of the plan in every quarter hour (ScheduleLayout.reasonCounts). */
    private static final String EXCLUDED = AllocationReason.OFFLINE_EXCLUDED.name() + "=" + INTERVALS;

    private final MongoCollection<Document> schedules;
    private final JsonFactory json = new JsonFactory();

    public InstructionMessage(MongoDatabase database) {
        this.schedules = database.getCollection(SCHEDULES);
    }

    /**
     * The JSON body of an instruction.
     *
     * @throws IllegalStateException when the schedule is not (yet) in the store
     */
    public byte[] body(DispatchInstructionIssuedEvent e, String responseUrl) {
        String indexId = e.planId().value() + "|v" + e.version();
        Document index = schedules.find(Filters.eq("_id", indexId)).first();
        if (index == null) {
            throw new IllegalStateException("the schedule " + indexId + " is not in the schedule store");
        }
        Document operator = null;
        for (Document o : index.getList("operators", Document.class, List.of())) {
            if (e.operatorId().value().equals(o.getString("operatorId"))) {
                operator = o;
            }
        }
        int chunks = operator == null ? 0 : ((Number) operator.get("chunks")).intValue();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("instructionId", e.instructionId().value());
            g.writeStringField("planId", e.planId().value());
            g.writeNumberField("version", e.version());
            g.writeStringField("operatorId", e.operatorId().value());
            g.writeStringField("unitId", e.unitId() == null ? null : e.unitId().value());
            g.writeStringField("tradingDay", e.tradingDay().toString());
            g.writeStringField("responseUrl", responseUrl);
            g.writeStringField("responseDeadline", e.responseDeadline() == null ? null : e.responseDeadline().toString());
            g.writeStringField("scheduleDigest", e.scheduleDigest());
            g.writeNumberField("piles", e.piles());
            String start = e.tradingDay().atStartOfDay(GateClosureRule.MARKET_ZONE).toInstant().toString();
            g.writeArrayFieldStart("chargingProfiles");
            for (int c = 0; c < chunks; c++) {
                String chunkId = indexId + "|" + e.operatorId().value() + "|" + String.format(Locale.ROOT, "%04d", c);
                Document chunk = schedules.find(Filters.eq("_id", chunkId)).first();
                if (chunk == null) {
                    throw new IllegalStateException("the schedule chunk " + chunkId + " is not in the schedule store");
                }
                writeChunk(g, chunk, start);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    private static void writeChunk(JsonGenerator g, Document chunk, String start) throws IOException {
        List<String> piles = chunk.getList("pileIds", String.class);
        List<?> w = chunk.get("w", List.class);
        List<String> reasons = chunk.getList("reasons", String.class, List.of());
        for (int i = 0; i < piles.size(); i++) {
            if (i < reasons.size() && EXCLUDED.equals(reasons.get(i))) {
                // offline or faulted when the plan was made: not in the instruction (a 0 kW profile would stop it charging)
                continue;
            }
            g.writeStartObject();
            g.writeStringField("pileId", piles.get(i));
            g.writeObjectFieldStart("chargingProfile");
            g.writeStringField("startDateTime", start);
            g.writeNumberField("duration", INTERVALS * SECONDS_PER_INTERVAL);
            g.writeStringField("chargingRateUnit", "kW");
            g.writeArrayFieldStart("chargingProfilePeriod");
            long previous = Long.MIN_VALUE;
            for (int k = 0; k < INTERVALS; k++) {
                long watts = ((Number) w.get(i * INTERVALS + k)).longValue();
                if (k == 0 || watts != previous) {
                    g.writeStartObject();
                    g.writeNumberField("startPeriod", k * SECONDS_PER_INTERVAL);
                    g.writeNumberField("limit", BigDecimal.valueOf(watts, 3));
                    g.writeEndObject();
                    previous = watts;
                }
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        }
    }
}
