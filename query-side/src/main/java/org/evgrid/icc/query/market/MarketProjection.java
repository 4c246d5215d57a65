package org.evgrid.icc.query.market;

import static org.evgrid.icc.query.common.StoredValues.curve;
import static org.evgrid.icc.query.common.StoredValues.date;
import static org.evgrid.icc.query.common.StoredValues.decimal;
import static org.evgrid.icc.query.market.internal.MarketDocuments.BIDS;
import static org.evgrid.icc.query.market.internal.MarketDocuments.DAYS;
import static org.evgrid.icc.query.market.internal.MarketDocuments.HISTORY;
import static org.evgrid.icc.query.market.internal.MarketDocuments.NOTICES;
import static org.evgrid.icc.query.market.internal.MarketDocuments.PRODUCTS;
import static org.evgrid.icc.query.market.internal.MarketDocuments.SEQ;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.declaration.DeclarationKind;
import org.evgrid.icc.coreapi.market.BidAcceptedEvent;
import org.evgrid.icc.coreapi.market.BidAmendedEvent;
import org.evgrid.icc.coreapi.market.BidClearedEvent;
import org.evgrid.icc.coreapi.market.BidDeliveredEvent;
import org.evgrid.icc.coreapi.market.BidDeliveryFailedEvent;
import org.evgrid.icc.coreapi.market.BidDirection;
import org.evgrid.icc.coreapi.market.BidDraftedEvent;
import org.evgrid.icc.coreapi.market.BidExpiredEvent;
import org.evgrid.icc.coreapi.market.BidId;
import org.evgrid.icc.coreapi.market.BidRejectedEvent;
import org.evgrid.icc.coreapi.market.BidStatus;
import org.evgrid.icc.coreapi.market.BidSubmittedEvent;
import org.evgrid.icc.coreapi.market.BidWithdrawnEvent;
import org.evgrid.icc.coreapi.market.MarketNoticePublishedEvent;
import org.evgrid.icc.coreapi.market.MarketProductDefinedEvent;
import org.evgrid.icc.coreapi.market.MarketProductRetiredEvent;
import org.evgrid.icc.coreapi.market.MarketSegment;
import org.evgrid.icc.coreapi.security.SignatureMetadata;
import org.evgrid.icc.query.common.DayIndex;
import org.evgrid.icc.query.common.DocumentBatch;
import org.evgrid.icc.query.market.internal.MarketDocuments;
import org.springframework.stereotype.Component;

/**
 * Read model of market products, bids and market notices (collections {@value MarketDocuments#PRODUCTS}, {@value
 * MarketDocuments#BIDS}, {@value MarketDocuments#NOTICES}, {@value MarketDocuments#DAYS}). A bid keeps its history, each
 * step with the signer of the command that caused it.
 */
@Component
@ProcessingGroup(MarketProcessing.GROUP)
public class MarketProjection {

    /** One batch for the whole processing group, so whichever projection handles the batch's last event flushes it. */
    private static final String BATCH = MarketProcessing.BATCH;

    private final MongoDatabase database;

    public MarketProjection(MongoDatabase database) {
        this.database = database;
    }

    /** A bid event's context. */
    private record Step(BidId bidId, long seq, Instant at, String signer, String step, int version, String detail) {
    }

    @EventHandler
    public void on(MarketProductDefinedEvent event, @SequenceNumber long seq, @Timestamp Instant at,
                   @MetaDataValue(SignatureMetadata.SIGNER) String signer) {
        product(event.productCode().value(), seq, d -> {
            d.put("rule", MarketDocuments.rule(event.rule()));
            d.put("version", event.version());
            d.put("retired", false);
            d.put("definedBy", signer);
            d.put("definedAt", date(at));
            d.put("reason", event.reason());
        });
    }

    @EventHandler
    public void on(MarketProductRetiredEvent event, @SequenceNumber long seq, @Timestamp Instant at,
                   @MetaDataValue(SignatureMetadata.SIGNER) String signer) {
        product(event.productCode().value(), seq, d -> {
            d.put("version", event.version());
            d.put("retired", true);
            d.put("retiredBy", signer);
            d.put("retiredAt", date(at));
            d.put("reason", event.reason());
        });
    }

    @EventHandler
    public void on(MarketNoticePublishedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        DocumentBatch.within(database, BATCH, batch -> {
            String id = event.noticeId().value();
            Document notice = batch.get(NOTICES, id).orElseGet(() -> new Document("_id", id).append(SEQ, -1L));
            if (seqOf(notice) < seq) {
                notice.put("product", event.product());
                notice.put("tradingDay", event.tradingDay() == null ? null : event.tradingDay().toString());
                notice.put("level", event.level());
                notice.put("title", event.title());
                notice.put("body", event.body());
                notice.put("receivedAt", date(at));
                notice.put(SEQ, seq);
                batch.put(NOTICES, notice);
            }
            if (event.tradingDay() != null) {
                batch.addMember(DAYS, DayIndex.key(MarketDocuments.NOTICE_KIND, event.tradingDay()), DayIndex.IDS, id);
            }
        });
    }

    @EventHandler
    public void on(BidDraftedEvent event, @SequenceNumber long seq, @Timestamp Instant at,
                   @MetaDataValue(SignatureMetadata.SIGNER) String signer) {
        bid(new Step(event.bidId(), seq, at, signer, "DRAFTED", event.version(), event.note()), event.periodStart(), d -> {
            slot(d, event.product(), event.segment(), event.kind(), event.periodStart(), event.periodEnd(), event.unitId(), event.direction());
            content(d, event.energyKwh(), event.curveKw(), event.limitPriceCnyPerMwh());
            d.put("basisForecastId", event.basisForecastId() == null ? null : event.basisForecastId().value());
            d.put("gateClosure", date(event.gateClosure()));
            d.put("status", BidStatus.DRAFT.name());
            d.put("version", event.version());
            for (String field : List.of("requestId", "exchangeReference", "rejectionReason", "clearedEnergyKwh", "clearedCurveKw",
                    "clearingPricesCnyPerMwh", "clearedAt")) {
                d.put(field, null);
            }
            d.put("deliveryAttempts", 0);
        });
    }

    @EventHandler
    public void on(BidAmendedEvent event, @SequenceNumber long seq, @Timestamp Instant at,
                   @MetaDataValue(SignatureMetadata.SIGNER) String signer) {
        bid(new Step(event.bidId(), seq, at, signer, "AMENDED", event.version(), event.note()), null, d -> {
            content(d, event.energyKwh(), event.curveKw(), event.limitPriceCnyPerMwh());
            d.put("status", BidStatus.DRAFT.name());
            d.put("version", event.version());
        });
    }

    @EventHandler
    public void on(BidSubmittedEvent event, @SequenceNumber long seq, @Timestamp Instant at,
                   @MetaDataValue(SignatureMetadata.SIGNER) String signer) {
        bid(new Step(event.bidId(), seq, at, signer, "SUBMITTED", event.version(), "request " + event.requestId()), event.periodStart(), d -> {
            slot(d, event.product(), event.segment(), event.kind(), event.periodStart(), event.periodEnd(), event.unitId(), event.direction());
            content(d, event.energyKwh(), event.curveKw(), event.limitPriceCnyPerMwh());
            d.put("gateClosure", date(event.gateClosure()));
            d.put("status", BidStatus.SUBMITTED.name());
            d.put("version", event.version());
            d.put("requestId", event.requestId());
            d.put("deliveryAttempts", 0);
            d.put("rejectionReason", null);
        });
    }

    @EventHandler
    public void on(BidDeliveredEvent event, @SequenceNumber long seq, @Timestamp Instant at,
                   @MetaDataValue(SignatureMetadata.SIGNER) String signer) {
        bid(new Step(event.bidId(), seq, at, signer, "DELIVERED", -1, "attempt " + event.attempt()
                + (event.detail() == null ? "" : ": " + event.detail())), null,
                d -> d.put("deliveryAttempts", Math.max(d.getInteger("deliveryAttempts", 0), event.attempt())));
    }

    @EventHandler
    public void on(BidDeliveryFailedEvent event, @SequenceNumber long seq, @Timestamp Instant at,
                   @MetaDataValue(SignatureMetadata.SIGNER) String signer) {
        bid(new Step(event.bidId(), seq, at, signer, event.finalFailure() ? "DELIVERY_FAILED" : "DELIVERY_ATTEMPT_FAILED", -1,
                "attempt " + event.attempt() + ": " + event.reason()), null, d -> {
                    d.put("deliveryAttempts", Math.max(d.getInteger("deliveryAttempts", 0), event.attempt()));
                    if (event.finalFailure()) {
                        d.put("status", BidStatus.DELIVERY_FAILED.name());
                    }
                });
    }

    @EventHandler
    public void on(BidAcceptedEvent event, @SequenceNumber long seq, @Timestamp Instant at,
                   @MetaDataValue(SignatureMetadata.SIGNER) String signer) {
        bid(new Step(event.bidId(), seq, at, signer, "ACCEPTED", -1, event.exchangeReference()), null, d -> {
            d.put("status", BidStatus.ACCEPTED.name());
            d.put("exchangeReference", event.exchangeReference());
        });
    }

    @EventHandler
    public void on(BidRejectedEvent event, @SequenceNumber long seq, @Timestamp Instant at,
                   @MetaDataValue(SignatureMetadata.SIGNER) String signer) {
        bid(new Step(event.bidId(), seq, at, signer, "REJECTED", -1, event.reason()), null, d -> {
            d.put("status", BidStatus.REJECTED.name());
            d.put("rejectionReason", event.reason());
        });
    }

    @EventHandler
    public void on(BidClearedEvent event, @SequenceNumber long seq, @Timestamp Instant at,
                   @MetaDataValue(SignatureMetadata.SIGNER) String signer) {
        bid(new Step(event.bidId(), seq, at, signer, "CLEARED", -1, event.exchangeReference()), event.periodStart(), d -> {
            slot(d, event.product(), event.segment(), event.kind(), event.periodStart(), event.periodEnd(), event.unitId(), event.direction());
            d.put("status", BidStatus.CLEARED.name());
            d.put("exchangeReference", event.exchangeReference());
            d.put("clearedEnergyKwh", decimal(event.clearedEnergyKwh()));
            d.put("clearedCurveKw", curve(event.clearedCurveKw()));
            d.put("clearingPricesCnyPerMwh", curve(event.clearingPricesCnyPerMwh()));
            d.put("clearedAt", date(event.clearedAt()));
        });
    }

    @EventHandler
    public void on(BidExpiredEvent event, @SequenceNumber long seq, @Timestamp Instant at,
                   @MetaDataValue(SignatureMetadata.SIGNER) String signer) {
        bid(new Step(event.bidId(), seq, at, signer, "EXPIRED", event.version(), event.reason()), null,
                d -> d.put("status", BidStatus.EXPIRED.name()));
    }

    @EventHandler
    public void on(BidWithdrawnEvent event, @SequenceNumber long seq, @Timestamp Instant at,
                   @MetaDataValue(SignatureMetadata.SIGNER) String signer) {
        bid(new Step(event.bidId(), seq, at, signer, "WITHDRAWN", event.version(), event.reason()), null,
                d -> d.put("status", BidStatus.WITHDRAWN.name()));
    }

    @ResetHandler
    public void reset() {
        for (String collection : List.of(PRODUCTS, BIDS, NOTICES)) {
            database.getCollection(collection).drop();
        }
        database.getCollection(DAYS).deleteMany(new Document("_id", new Document("$regex", "^(bid|notice)\\|")));
    }

    private static long seqOf(Document d) {
        Object seq = d.get(SEQ);
        return seq instanceof Number n ? n.longValue() : -1L;
    }

    private void product(String code, long seq, Consumer<Document> change) {
        DocumentBatch.within(database, BATCH, batch -> {
            Document product = batch.get(PRODUCTS, code).orElseGet(() -> new Document("_id", code).append(SEQ, -1L));
            if (seqOf(product) < seq) {
                change.accept(product);
                product.put(SEQ, seq);
                batch.put(PRODUCTS, product);
            }
        });
    }

    private void bid(Step step, LocalDate periodStart, Consumer<Document> change) {
        DocumentBatch.within(database, BATCH, batch -> {
            String id = step.bidId().value();
            Document bid = batch.get(BIDS, id).orElseGet(() -> new Document("_id", id).append(SEQ, -1L).append(HISTORY, new ArrayList<>()));
            if (seqOf(bid) < step.seq()) {
                change.accept(bid);
                List<Document> history = new ArrayList<>(bid.getList(HISTORY, Document.class, List.of()));
                history.add(new Document("at", date(step.at())).append("step", step.step())
                        .append("version", step.version() >= 0 ? step.version() : bid.getInteger("version", 0))
                        .append("signer", step.signer()).append("detail", step.detail()));
                bid.put(HISTORY, history);
                bid.put("updatedAt", date(step.at()));
                bid.put(SEQ, step.seq());
                batch.put(BIDS, bid);
            }
            if (periodStart != null) {
                batch.addMember(DAYS, DayIndex.key(MarketDocuments.BID_KIND, periodStart), DayIndex.IDS, id);
            }
        });
    }

    private static void slot(Document d, String product, MarketSegment segment, DeclarationKind kind, LocalDate periodStart,
                             LocalDate periodEnd, AggregationUnitId unitId, BidDirection direction) {
        d.put("product", product);
        d.put("segment", segment == null ? null : segment.name());
        d.put("kind", kind == null ? null : kind.name());
        d.put("periodStart", periodStart == null ? null : periodStart.toString());
        d.put("periodEnd", periodEnd == null ? null : periodEnd.toString());
        d.put("unitId", unitId == null ? null : unitId.value());
        d.put("direction", direction == null ? null : direction.name());
    }

    private static void content(Document d, BigDecimal energyKwh, List<BigDecimal> curveKw, BigDecimal limitPrice) {
        d.put("energyKwh", decimal(energyKwh));
        d.put("curveKw", curve(curveKw));
        d.put("limitPriceCnyPerMwh", decimal(limitPrice));
    }
}
