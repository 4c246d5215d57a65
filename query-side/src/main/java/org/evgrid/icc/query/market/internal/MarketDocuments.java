package org.evgrid.icc.query.market.internal;

import static org.evgrid.icc.query.common.StoredValues.instant;
import static org.evgrid.icc.query.common.StoredValues.readCurve;
import static org.evgrid.icc.query.common.StoredValues.readDay;
import static org.evgrid.icc.query.common.StoredValues.readDecimal;
import static org.evgrid.icc.query.common.StoredValues.readEnum;
import static org.evgrid.icc.query.common.StoredValues.readInt;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.declaration.DeclarationKind;
import org.evgrid.icc.coreapi.declaration.GateAnchor;
import org.evgrid.icc.coreapi.declaration.GateClosureRule;
import org.evgrid.icc.coreapi.declaration.PeriodType;
import org.evgrid.icc.coreapi.dr.BaselineRule;
import org.evgrid.icc.coreapi.dr.DrEventId;
import org.evgrid.icc.coreapi.dr.DrEventView;
import org.evgrid.icc.coreapi.dr.DrInterval;
import org.evgrid.icc.coreapi.dr.DrParticipationView;
import org.evgrid.icc.coreapi.dr.DrProgramId;
import org.evgrid.icc.coreapi.dr.DrProgramType;
import org.evgrid.icc.coreapi.dr.DrProgramView;
import org.evgrid.icc.coreapi.dr.DrTargetType;
import org.evgrid.icc.coreapi.forecast.ForecastId;
import org.evgrid.icc.coreapi.market.BidDirection;
import org.evgrid.icc.coreapi.market.BidHistoryEntry;
import org.evgrid.icc.coreapi.market.BidId;
import org.evgrid.icc.coreapi.market.BidStatus;
import org.evgrid.icc.coreapi.market.BidView;
import org.evgrid.icc.coreapi.market.MarketNoticeId;
import org.evgrid.icc.coreapi.market.MarketNoticeView;
import org.evgrid.icc.coreapi.market.MarketProductRule;
import org.evgrid.icc.coreapi.market.MarketSegment;
import org.evgrid.icc.query.common.StoredValues;

/**
 * Layout of the market and demand response read models, every document addressed by {@code _id}:
 * <ul>
 * <li>{@value #PRODUCTS}: {@code _id = product code}, a definition overlaying {@code MarketProducts.defaultRules()}
 * (a few dozen at most: listed by a scan);</li>
 * <li>{@value #BIDS}: {@code _id = bidId}, the bid as it stands with its history (signer per step);</li>
 * <li>{@value #NOTICES}: {@code _id = noticeId};</li>
 * <li>{@value #DR_PROGRAMS}: {@code _id = programId} (a handful: listed by a scan);</li>
 * <li>{@value #DR_EVENTS}: {@code _id = eventId} with its participations;</li>
 * <li>{@value #DAYS}: membership per day ({@code bid|<period start>}, {@code notice|<trading day>},
 * {@code dr|<trading day>}, see DayIndex).</li>
 * </ul>
 * Each document carries {@code seq}, the aggregate sequence number of the last event it took.
 */
public final class MarketDocuments {

    public static final String PRODUCTS = "mkt_products";
    public static final String BIDS = "mkt_bids";
    public static final String NOTICES = "mkt_notices";
    public static final String DR_PROGRAMS = "mkt_dr_programs";
    public static final String DR_EVENTS = "mkt_dr_events";
    public static final String DAYS = "mkt_days";
    public static final String BID_KIND = "bid";
    public static final String NOTICE_KIND = "notice";
    public static final String DR_KIND = "dr";

    public static final String SEQ = "seq";
    public static final String HISTORY = "history";
    public static final String PARTICIPATIONS = "participations";

    private MarketDocuments() {
    }

    public static Document rule(MarketProductRule rule) {
        return new Document("code", rule.code()).append("nameZh", rule.nameZh()).append("nameEn", rule.nameEn())
                .append("segment", rule.segment().name()).append("kind", rule.kind().name()).append("periodType", rule.periodType().name())
                .append("gateAnchor", rule.gate().anchor().name()).append("gateOffset", rule.gate().offset())
                .append("gateTime", rule.gate().localTime().toString()).append("settlementRuleRef", rule.settlementRuleRef());
    }

    public static MarketProductRule readRule(Document d) {
        return new MarketProductRule(d.getString("code"), d.getString("nameZh"), d.getString("nameEn"),
                readEnum(d, "segment", MarketSegment.class), readEnum(d, "kind", DeclarationKind.class),
                readEnum(d, "periodType", PeriodType.class),
                new GateClosureRule(readEnum(d, "gateAnchor", GateAnchor.class), readInt(d, "gateOffset"), LocalTime.parse(d.getString("gateTime"))),
                d.getString("settlementRuleRef"));
    }

    public static BidView bidView(Document d) {
        List<BidHistoryEntry> history = new ArrayList<>();
        for (Document h : d.getList(HISTORY, Document.class, List.of())) {
            history.add(new BidHistoryEntry(instant(h, "at"), h.getString("step"), readInt(h, "version"), h.getString("signer"),
                    h.getString("detail")));
        }
        String forecast = d.getString("basisForecastId");
        return new BidView(
                new BidId(d.getString("_id")),
                d.getString("product"),
                readEnum(d, "segment", MarketSegment.class),
                readEnum(d, "kind", DeclarationKind.class),
                readDay(d, "periodStart"),
                readDay(d, "periodEnd"),
                new AggregationUnitId(d.getString("unitId")),
                readEnum(d, "direction", BidDirection.class),
                readEnum(d, "status", BidStatus.class),
                readInt(d, "version"),
                readDecimal(d, "energyKwh"),
                readCurve(d, "curveKw"),
                readDecimal(d, "limitPriceCnyPerMwh"),
                forecast == null ? null : new ForecastId(forecast),
                instant(d, "gateClosure"),
                d.getString("requestId"),
                readInt(d, "deliveryAttempts"),
                d.getString("exchangeReference"),
                d.getString("rejectionReason"),
                readDecimal(d, "clearedEnergyKwh"),
                readCurve(d, "clearedCurveKw"),
                readCurve(d, "clearingPricesCnyPerMwh"),
                instant(d, "clearedAt"),
                history,
                instant(d, "updatedAt"));
    }

    public static MarketNoticeView noticeView(Document d) {
        return new MarketNoticeView(new MarketNoticeId(d.getString("_id")), d.getString("product"), readDay(d, "tradingDay"),
                d.getString("level"), d.getString("title"), d.getString("body"), instant(d, "receivedAt"));
    }

    public static DrProgramView programView(Document d) {
        return new DrProgramView(new DrProgramId(d.getString("_id")), d.getString("name"), readEnum(d, "type", DrProgramType.class),
                readEnum(d, "baselineRule", BaselineRule.class), readDecimal(d, "priceCnyPerMwh"), d.getString("settlementRuleRef"),
                readInt(d, "version"), instant(d, "registeredAt"));
    }

    public static List<Document> intervals(List<DrInterval> intervals) {
        List<Document> docs = new ArrayList<>();
        if (intervals != null) {
            for (DrInterval i : intervals) {
                docs.add(new Document("startInterval", i.startInterval()).append("endInterval", i.endInterval())
                        .append("targetType", StoredValues.name(i.targetType())).append("value", StoredValues.decimal(i.value())));
            }
        }
        return docs;
    }

    public static DrEventView eventView(Document d) {
        List<DrInterval> intervals = new ArrayList<>();
        for (Document i : d.getList("intervals", Document.class, List.of())) {
            intervals.add(new DrInterval(readInt(i, "startInterval"), readInt(i, "endInterval"), readEnum(i, "targetType", DrTargetType.class),
                    readDecimal(i, "value")));
        }
        List<DrParticipationView> participations = new ArrayList<>();
        for (Document p : d.getList(PARTICIPATIONS, Document.class, List.of())) {
            participations.add(new DrParticipationView(new AggregationUnitId(p.getString("unitId")), readDecimal(p, "committedKw"),
                    Boolean.TRUE.equals(p.getBoolean("optedIn")), instant(p, "optedInAt"), readCurve(p, "baselineKw"),
                    readCurve(p, "actualKw"), readCurve(p, "performanceKw"), readDecimal(p, "deliveredKwh"), readDecimal(p, "committedKwh")));
        }
        String program = d.getString("programId");
        return new DrEventView(new DrEventId(d.getString("_id")), program == null ? null : new DrProgramId(program),
                readEnum(d, "programType", DrProgramType.class), readEnum(d, "baselineRule", BaselineRule.class), readDay(d, "tradingDay"),
                intervals, instant(d, "responseDeadline"), Boolean.TRUE.equals(d.getBoolean("realTime")),
                Boolean.TRUE.equals(d.getBoolean("cancelled")), d.getString("cancelReason"), participations, instant(d, "publishedAt"));
    }
}
