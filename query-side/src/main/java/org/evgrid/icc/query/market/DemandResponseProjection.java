package org.evgrid.icc.query.market;

import static org.evgrid.icc.query.common.StoredValues.curve;
import static org.evgrid.icc.query.common.StoredValues.date;
import static org.evgrid.icc.query.common.StoredValues.decimal;
import static org.evgrid.icc.query.market.internal.MarketDocuments.DAYS;
import static org.evgrid.icc.query.market.internal.MarketDocuments.DR_EVENTS;
import static org.evgrid.icc.query.market.internal.MarketDocuments.DR_PROGRAMS;
import static org.evgrid.icc.query.market.internal.MarketDocuments.PARTICIPATIONS;
import static org.evgrid.icc.query.market.internal.MarketDocuments.SEQ;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.dr.DrEventCancelledEvent;
import org.evgrid.icc.coreapi.dr.DrEventId;
import org.evgrid.icc.coreapi.dr.DrEventOptedInEvent;
import org.evgrid.icc.coreapi.dr.DrEventOptedOutEvent;
import org.evgrid.icc.coreapi.dr.DrEventPublishedEvent;
import org.evgrid.icc.coreapi.dr.DrPerformanceReportedEvent;
import org.evgrid.icc.coreapi.dr.DrProgramRegisteredEvent;
import org.evgrid.icc.query.common.DayIndex;
import org.evgrid.icc.query.common.DocumentBatch;
import org.evgrid.icc.query.market.internal.MarketDocuments;
import org.springframework.stereotype.Component;

/**
 * Read model of demand response programs and events with each unit's participation and performance (collections
 * {@value MarketDocuments#DR_PROGRAMS}, {@value MarketDocuments#DR_EVENTS} and day membership in {@value
 * MarketDocuments#DAYS}).
 */
@Component
@ProcessingGroup(MarketProcessing.GROUP)
public class DemandResponseProjection {

    /** One batch for the whole processing group, so whichever projection handles the batch's last event flushes it. */
    private static final String BATCH = MarketProcessing.BATCH;

    private final MongoDatabase database;

    public DemandResponseProjection(MongoDatabase database) {
        this.database = database;
    }

    @EventHandler
    public void on(DrProgramRegisteredEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        DocumentBatch.within(database, BATCH, batch -> {
            String id = event.programId().value();
            Document program = batch.get(DR_PROGRAMS, id).orElseGet(() -> new Document("_id", id).append(SEQ, -1L)
                    .append("registeredAt", date(at)));
            if (seqOf(program) < seq) {
                program.put("name", event.name());
                program.put("type", event.type() == null ? null : event.type().name());
                program.put("baselineRule", event.baselineRule() == null ? null : event.baselineRule().name());
                program.put("priceCnyPerMwh", decimal(event.priceCnyPerMwh()));
                program.put("settlementRuleRef", event.settlementRuleRef());
                program.put("version", event.version());
                program.put("updatedAt", date(at));
                program.put(SEQ, seq);
                batch.put(DR_PROGRAMS, program);
            }
        });
    }

    @EventHandler
    public void on(DrEventPublishedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        DocumentBatch.within(database, BATCH, batch -> {
            String id = event.eventId().value();
            Document dr = batch.get(DR_EVENTS, id).orElseGet(() -> new Document("_id", id).append(SEQ, -1L)
                    .append(PARTICIPATIONS, new ArrayList<Document>()));
            if (seqOf(dr) < seq) {
                dr.put("programId", event.programId() == null ? null : event.programId().value());
                dr.put("programType", event.programType() == null ? null : event.programType().name());
                dr.put("baselineRule", event.baselineRule() == null ? null : event.baselineRule().name());
                dr.put("tradingDay", event.tradingDay().toString());
                dr.put("intervals", MarketDocuments.intervals(event.intervals()));
                dr.put("responseDeadline", date(event.responseDeadline()));
                dr.put("realTime", event.realTime());
                dr.put("cancelled", false);
                dr.put("publishedAt", date(at));
                dr.put(SEQ, seq);
                batch.put(DR_EVENTS, dr);
            }
            batch.addMember(DAYS, DayIndex.key(MarketDocuments.DR_KIND, event.tradingDay()), DayIndex.IDS, id);
        });
    }

    @EventHandler
    public void on(DrEventCancelledEvent event, @SequenceNumber long seq) {
        event(event.eventId(), seq, d -> {
            d.put("cancelled", true);
            d.put("cancelReason", event.reason());
        });
    }

    @EventHandler
    public void on(DrEventOptedInEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        participation(event.eventId(), event.unitId(), seq, p -> {
            p.put("committedKw", decimal(event.committedKw()));
            p.put("optedIn", true);
            p.put("optedInAt", date(at));
        });
    }

    @EventHandler
    public void on(DrEventOptedOutEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        participation(event.eventId(), event.unitId(), seq, p -> {
            p.put("optedIn", false);
            p.put("optedOutAt", date(at));
            p.put("optOutReason", event.reason());
        });
    }

    @EventHandler
    public void on(DrPerformanceReportedEvent event, @SequenceNumber long seq) {
        participation(event.eventId(), event.unitId(), seq, p -> {
            p.put("baselineKw", curve(event.baselineKw()));
            p.put("actualKw", curve(event.actualKw()));
            p.put("performanceKw", curve(event.performanceKw()));
            p.put("deliveredKwh", decimal(event.deliveredKwh()));
            p.put("committedKwh", decimal(event.committedKwh()));
        });
    }

    @ResetHandler
    public void reset() {
        database.getCollection(DR_PROGRAMS).drop();
        database.getCollection(DR_EVENTS).drop();
        database.getCollection(DAYS).deleteMany(new Document("_id", new Document("$regex", "^dr\\|")));
    }

    private static long seqOf(Document d) {
        Object seq = d.get(SEQ);
        return seq instanceof Number n ? n.longValue() : -1L;
    }

    private void event(DrEventId eventId, long seq, Consumer<Document> change) {
        DocumentBatch.within(database, BATCH, batch -> batch.get(DR_EVENTS, eventId.value()).filter(d -> seqOf(d) < seq).ifPresent(d -> {
            change.accept(d);
            d.put(SEQ, seq);
            batch.put(DR_EVENTS, d);
        }));
    }

    private void participation(DrEventId eventId, AggregationUnitId unitId, long seq, Consumer<Document> change) {
        event(eventId, seq, d -> {
            List<Document> participations = new ArrayList<>(d.getList(PARTICIPATIONS, Document.class, List.of()));
            Document p = participations.stream().filter(x -> unitId.value().equals(x.getString("unitId"))).findFirst().orElse(null);
            if (p == null) {
                p = new Document("unitId", unitId.value()).append("optedIn", false);
                participations.add(p);
                participations.sort((a, b) -> a.getString("unitId").compareTo(b.getString("unitId")));
            }
            change.accept(p);
            d.put(PARTICIPATIONS, participations);
        });
    }
}
