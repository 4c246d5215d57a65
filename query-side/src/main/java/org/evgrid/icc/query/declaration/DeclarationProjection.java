package org.evgrid.icc.query.declaration;

import static org.evgrid.icc.query.declaration.internal.DeclarationDocuments.CONTRIBUTIONS;
import static org.evgrid.icc.query.declaration.internal.DeclarationDocuments.CURVE_KW;
import static org.evgrid.icc.query.declaration.internal.DeclarationDocuments.DECLARATIONS;
import static org.evgrid.icc.query.declaration.internal.DeclarationDocuments.DECLARATION_ID;
import static org.evgrid.icc.query.declaration.internal.DeclarationDocuments.DECLARED_AT;
import static org.evgrid.icc.query.declaration.internal.DeclarationDocuments.ENERGY_KWH;
import static org.evgrid.icc.query.declaration.internal.DeclarationDocuments.FROZEN;
import static org.evgrid.icc.query.declaration.internal.DeclarationDocuments.FROZEN_DECLARATIONS;
import static org.evgrid.icc.query.declaration.internal.DeclarationDocuments.GATE_CLOSURE;
import static org.evgrid.icc.query.declaration.internal.DeclarationDocuments.IDS;
import static org.evgrid.icc.query.declaration.internal.DeclarationDocuments.KIND;
import static org.evgrid.icc.query.declaration.internal.DeclarationDocuments.OPERATOR_ID;
import static org.evgrid.icc.query.declaration.internal.DeclarationDocuments.PERIOD_END;
import static org.evgrid.icc.query.declaration.internal.DeclarationDocuments.PERIOD_START;
import static org.evgrid.icc.query.declaration.internal.DeclarationDocuments.PRODUCT;
import static org.evgrid.icc.query.declaration.internal.DeclarationDocuments.REVISION;
import static org.evgrid.icc.query.declaration.internal.DeclarationDocuments.SEQ;
import static org.evgrid.icc.query.declaration.internal.DeclarationDocuments.STATUS;
import static org.evgrid.icc.query.declaration.internal.DeclarationDocuments.UNITS;
import static org.evgrid.icc.query.declaration.internal.DeclarationDocuments.UNIT_ID;
import static org.evgrid.icc.query.declaration.internal.DeclarationDocuments.UPDATED_AT;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.evgrid.icc.coreapi.declaration.DeclarationId;
import org.evgrid.icc.coreapi.declaration.DeclarationKind;
import org.evgrid.icc.coreapi.declaration.DeclarationStatus;
import org.evgrid.icc.coreapi.declaration.DemandAmendedEvent;
import org.evgrid.icc.coreapi.declaration.DemandDeclarationFrozenEvent;
import org.evgrid.icc.coreapi.declaration.DemandDeclaredEvent;
import org.evgrid.icc.coreapi.declaration.DemandWithdrawnEvent;
import org.evgrid.icc.coreapi.declaration.ProductRule;
import org.evgrid.icc.query.declaration.internal.DeclarationDocuments;
import org.evgrid.icc.query.declaration.internal.DeclarationWriter;
import org.springframework.stereotype.Component;

/**
 * Read model of demand declarations and the center's totals per product, period and aggregation unit (collection
 * {@value DeclarationDocuments#COLLECTION}, layout in {@link DeclarationDocuments}). The totals document keeps each
 * declaration's contribution with the aggregate sequence number it came from and recomputes the sums from them, so
 * amendments and withdrawals change the totals exactly and a re-delivered event changes nothing.
 */
@Component
@ProcessingGroup(DeclarationProcessing.GROUP)
public class DeclarationProjection {

    private final MongoDatabase database;

    public DeclarationProjection(MongoDatabase database) {
        this.database = database;
    }

    /** What one event says about a declaration. */
    private record Change(DeclarationId id, String operatorId, String product, LocalDate periodStart, String unitId, long seq,
                          Instant at, boolean declares, Consumer<Document> state) {
    }

    @EventHandler
    public void on(DemandDeclaredEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        DeclarationWriter.within(database, writer -> {
            String declarationKey = DeclarationDocuments.declarationKey(event.declarationId());
            String totalsKey = DeclarationDocuments.totalsKey(event.product(), event.periodStart(), event.unitId().value());
            String operatorKey = DeclarationDocuments.operatorKey(event.operatorId().value(), event.product(), event.periodStart());
            String unitsKey = DeclarationDocuments.unitsKey(event.product(), event.periodStart());
            writer.prefetch(List.of(declarationKey, totalsKey, operatorKey, unitsKey));
            if (writer.get(declarationKey).isEmpty()) {
                writer.put(new Document("_id", declarationKey)
                        .append(SEQ, -1L)
                        .append(DECLARATION_ID, event.declarationId().value())
                        .append(OPERATOR_ID, event.operatorId().value())
                        .append(PRODUCT, event.product())
                        .append(KIND, event.kind().name())
                        .append(PERIOD_START, event.periodStart().toString())
                        .append(PERIOD_END, event.periodEnd() == null ? null : event.periodEnd().toString())
                        .append(UNIT_ID, event.unitId().value())
                        .append(GATE_CLOSURE, DeclarationDocuments.date(event.gateClosure()))
                        .append(DECLARED_AT, DeclarationDocuments.date(at)));
            }
            if (writer.get(totalsKey).isEmpty()) {
                writer.put(new Document("_id", totalsKey)
                        .append(PRODUCT, event.product())
                        .append(KIND, event.kind().name())
                        .append(PERIOD_START, event.periodStart().toString())
                        .append(UNIT_ID, event.unitId().value())
                        .append(CONTRIBUTIONS, new ArrayList<Document>()));
            }
            addMember(writer, operatorKey, IDS, event.declarationId().value());
            addMember(writer, unitsKey, UNITS, event.unitId().value());
            apply(writer, new Change(event.declarationId(), event.operatorId().value(), event.product(), event.periodStart(),
                    event.unitId().value(), seq, at, true, d -> values(d, DeclarationStatus.DECLARED, false, event.energyKwh(),
                    event.curveKw(), event.revision())));
        });
    }

    @EventHandler
    public void on(DemandAmendedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        DeclarationWriter.within(database, writer -> apply(writer, new Change(event.declarationId(), event.operatorId().value(),
                event.product(), event.periodStart(), event.unitId().value(), seq, at, false,
                d -> values(d, DeclarationStatus.DECLARED, false, event.energyKwh(), event.curveKw(), event.revision()))));
    }

    @EventHandler
    public void on(DemandWithdrawnEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        DeclarationWriter.within(database, writer -> apply(writer, new Change(event.declarationId(), event.operatorId().value(),
                event.product(), event.periodStart(), event.unitId().value(), seq, at, false,
                d -> values(d, DeclarationStatus.WITHDRAWN, false, null, null, event.revision()))));
    }

    @EventHandler
    public void on(DemandDeclarationFrozenEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        DeclarationWriter.within(database, writer -> apply(writer, new Change(event.declarationId(), event.operatorId().value(),
                event.product(), event.periodStart(), event.unitId().value(), seq, at, false,
                d -> values(d, event.status(), true, event.energyKwh(), event.curveKw(), event.revision()))));
    }

    @ResetHandler
    public void reset() {
        database.getCollection(DeclarationDocuments.COLLECTION).drop();
    }

    private static void values(Document d, DeclarationStatus status, boolean frozen, BigDecimal energyKwh, List<BigDecimal> curveKw,
                               int revision) {
        d.put(STATUS, status.name());
        d.put(FROZEN, frozen);
        d.put(ENERGY_KWH, DeclarationDocuments.decimal(energyKwh));
        d.put(CURVE_KW, DeclarationDocuments.curve(curveKw));
        d.put(REVISION, revision);
    }

    private static long seqOf(Document d) {
        Object seq = d.get(SEQ);
        return seq instanceof Number n ? n.longValue() : -1L;
    }

    /** Applies the change to the declaration and to its contribution in the totals, each only if the event is newer. */
    private static void apply(DeclarationWriter writer, Change change) {
        String declarationKey = DeclarationDocuments.declarationKey(change.id());
        String totalsKey = DeclarationDocuments.totalsKey(change.product(), change.periodStart(), change.unitId());
        writer.prefetch(List.of(declarationKey, totalsKey));
        writer.get(declarationKey).filter(d -> seqOf(d) < change.seq()).ifPresent(d -> {
            change.state().accept(d);
            d.put(SEQ, change.seq());
            d.put(UPDATED_AT, DeclarationDocuments.date(change.at()));
            writer.put(d);
        });
        writer.get(totalsKey).ifPresent(totals -> {
            List<Document> contributions = new ArrayList<>(totals.getList(CONTRIBUTIONS, Document.class, List.of()));
            Document entry = contributions.stream().filter(c -> change.id().value().equals(c.getString(DECLARATION_ID)))
                    .findFirst().orElse(null);
            if (entry == null) {
                if (!change.declares()) {
                    return;
                }
                entry = new Document(DECLARATION_ID, change.id().value()).append(OPERATOR_ID, change.operatorId()).append(SEQ, -1L);
                contributions.add(entry);
            }
            if (seqOf(entry) >= change.seq()) {
                return;
            }
            change.state().accept(entry);
            entry.put(SEQ, change.seq());
            totals.put(CONTRIBUTIONS, contributions);
            recompute(totals, contributions);
            totals.put(UPDATED_AT, DeclarationDocuments.date(change.at()));
            writer.put(totals);
        });
    }

    /** The sums over the live contributions. */
    private static void recompute(Document totals, List<Document> contributions) {
        boolean curve = DeclarationKind.CURVE.name().equals(totals.getString(KIND));
        int declared = 0;
        int frozen = 0;
        BigDecimal energy = BigDecimal.ZERO.setScale(3);
        List<BigDecimal> sum = new ArrayList<>(Collections.nCopies(ProductRule.POINTS_PER_DAY, BigDecimal.ZERO.setScale(3)));
        for (Document c : contributions) {
            if (!DeclarationStatus.DECLARED.name().equals(c.getString(STATUS))) {
                continue;
            }
            declared++;
            if (Boolean.TRUE.equals(c.getBoolean(FROZEN))) {
                frozen++;
            }
            if (curve) {
                List<BigDecimal> points = DeclarationDocuments.readCurve(c, CURVE_KW);
                for (int i = 0; points != null && i < Math.min(points.size(), sum.size()); i++) {
                    sum.set(i, sum.get(i).add(points.get(i)));
                }
            } else {
                BigDecimal value = DeclarationDocuments.readDecimal(c.get(ENERGY_KWH));
                energy = value == null ? energy : energy.add(value);
            }
        }
        totals.put(DECLARATIONS, declared);
        totals.put(FROZEN_DECLARATIONS, frozen);
        totals.put(ENERGY_KWH, curve ? null : DeclarationDocuments.decimal(energy));
        totals.put(CURVE_KW, curve ? DeclarationDocuments.curve(sum) : null);
    }

    private static void addMember(DeclarationWriter writer, String key, String field, String member) {
        Document doc = writer.get(key).orElseGet(() -> new Document("_id", key).append(field, new ArrayList<String>()));
        List<String> members = new ArrayList<>(doc.getList(field, String.class, List.of()));
        if (!members.contains(member)) {
            members.add(member);
            doc.put(field, members);
            writer.put(doc);
        }
    }
}
