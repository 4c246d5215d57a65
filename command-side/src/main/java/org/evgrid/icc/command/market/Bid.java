package org.evgrid.icc.command.market;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.evgrid.icc.command.common.IccCommandTargetResolver;
import org.evgrid.icc.command.common.Refusal;
import org.evgrid.icc.command.common.StreamIds;
import org.evgrid.icc.command.common.Texts;
import org.evgrid.icc.command.declaration.DeclarationUnits;
import org.evgrid.icc.command.market.internal.BidRules;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.declaration.DeclarationKind;
import org.evgrid.icc.coreapi.declaration.GateClosureRule;
import org.evgrid.icc.coreapi.declaration.ProductRule;
import org.evgrid.icc.coreapi.market.AcknowledgeBidCommand;
import org.evgrid.icc.coreapi.market.AmendBidCommand;
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
import org.evgrid.icc.coreapi.market.DraftBidCommand;
import org.evgrid.icc.coreapi.market.MarketProductRule;
import org.evgrid.icc.coreapi.market.MarketSegment;
import org.evgrid.icc.coreapi.market.RecordBidDeliveryCommand;
import org.evgrid.icc.coreapi.market.RecordClearingCommand;
import org.evgrid.icc.coreapi.market.SubmitBidCommand;
import org.evgrid.icc.coreapi.market.WithdrawBidCommand;

/**
 * The aggregator's bid for one product, period and aggregation unit, stream {@code bid:<bidId>}:
 * drafted, amended, submitted (the gateway delivers {@code <bidId>-v<version>}), accepted or rejected and cleared by the
 * exchange, or withdrawn; a withdrawn or rejected bid may be drafted again (the version continues). Traders' commands
 * are refused at or after the gate by the {@link Clock} ({@code ICC-BID-GATE-CLOSED}, gate in Asia/Shanghai time).
 *
 * <p>Deadlines: {@value #GATE_DEADLINE} at the gate expires a bid that is DRAFT, REJECTED or DELIVERY_FAILED;
 * {@value #CLEARING_DEADLINE} at the end of the period (the day after its last day, 00:00 Asia/Shanghai) expires a bid
 * still SUBMITTED or ACCEPTED. A deadline firing before its time by the clock is scheduled again and does nothing else;
 * one that no longer applies changes nothing (and on a cleared or expired bid is not scheduled again).
 *
 * <p>Deadlines carry the bid id as their payload (a plain string). The handlers take the {@link Clock}, the
 * {@link DeadlineManager}, the {@link MarketProductLookup} and {@link DeclarationUnits} as parameters.
 */
@Aggregate(commandTargetResolver = IccCommandTargetResolver.BEAN_NAME)
public class Bid {

    /** Name of the gate-closure deadline. */
    public static final String GATE_DEADLINE = "bid-gate-closure";
    /** Name of the end-of-period deadline. */
    public static final String CLEARING_DEADLINE = "bid-clearing-due";

    private static final Set<BidStatus> LIVE = EnumSet.of(BidStatus.DRAFT, BidStatus.SUBMITTED, BidStatus.ACCEPTED, BidStatus.CLEARED,
            BidStatus.DELIVERY_FAILED);
    private static final Set<BidStatus> AMENDABLE = EnumSet.of(BidStatus.DRAFT, BidStatus.SUBMITTED, BidStatus.ACCEPTED,
            BidStatus.REJECTED, BidStatus.DELIVERY_FAILED);
    private static final Set<BidStatus> EXPIRE_AT_GATE = EnumSet.of(BidStatus.DRAFT, BidStatus.REJECTED, BidStatus.DELIVERY_FAILED);
    /** No command or deadline changes a bid in these states (an expired bid is past its gate). */
    private static final Set<BidStatus> FINAL = EnumSet.of(BidStatus.CLEARED, BidStatus.EXPIRED);
    private static final Set<BidStatus> EXPIRE_AT_PERIOD_END = EnumSet.of(BidStatus.SUBMITTED, BidStatus.ACCEPTED);

    @AggregateIdentifier
    private String streamId;
    private BidId bidId;
    private String product;
    private MarketSegment segment;
    private DeclarationKind kind;
    private LocalDate periodStart;
    private LocalDate periodEnd;
    private AggregationUnitId unitId;
    private BidDirection direction;
    private BigDecimal energyKwh;
    private List<BigDecimal> curveKw;
    private BigDecimal limitPrice;
    private Instant gateClosure;
    private int version;
    private BidStatus status;
    private String requestId;
    private boolean delivered;
    private Boolean answer;
    private String exchangeReference;

    /** For Axon. */
    public Bid() {
    }

    /** When the period's clearing is due: the day after its last day, 00:00 Asia/Shanghai. */
    public static Instant clearingDue(LocalDate periodEnd) {
        return periodEnd.plusDays(1).atStartOfDay(GateClosureRule.MARKET_ZONE).toInstant();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DraftBidCommand command, Clock clock, DeadlineManager deadlines, MarketProductLookup products,
                       DeclarationUnits units) {
        MarketProductRule rule = product(products, command.product());
        ProductRule period = rule.asProductRule();
        BidRules.periodStart(period, command.periodStart());
        if (command.direction() == null) {
            throw Texts.missing("direction", "买卖方向", "direction (BUY or SELL)").exception();
        }
        Instant gate = rule.gate().closesAt(command.periodStart());
        BidRules.beforeGate(clock.instant(), gate, rule.code(), command.periodStart());
        BidRules.quantities(rule.code(), rule.kind(), command.energyKwh(), command.curveKw());
        BidRules.limitPrice(command.limitPriceCnyPerMwh());
        String note = Texts.optional(command.note(), "note", "备注", "note", BidRules.MAX_TEXT);
        if (status != null && LIVE.contains(status)) {
            throw Refusal.conflict("ICC-BID-EXISTS", "periodStart",
                    "交易品种 " + rule.code() + " 周期 " + command.periodStart() + " 聚合单元 " + command.unitId() + " 已有报价 " + bidId
                            + "（" + BidRules.statusZh(status) + "）",
                    "There is already bid " + bidId + " (" + status + ") for product " + rule.code() + ", period "
                            + command.periodStart() + " and unit " + command.unitId(),
                    "Amend that bid (AmendBid), or withdraw it first").exception();
        }
        if (!units.exists(command.unitId())) {
            throw Refusal.notFound("ICC-UNIT-UNKNOWN", "unitId",
                    "聚合单元 " + command.unitId() + " 不存在", "Aggregation unit " + command.unitId() + " does not exist",
                    "Check the unit id; bid for an existing aggregation unit").exception();
        }
        Instant previousGate = gateClosure;
        LocalDate previousEnd = periodEnd;
        LocalDate end = period.periodEnd(command.periodStart());
        boolean energy = rule.kind() == DeclarationKind.ENERGY;
        apply(new BidDraftedEvent(command.bidId(), rule.code(), rule.segment(), rule.kind(), command.periodStart(), end,
                command.unitId(), command.direction(), energy ? BidRules.scaled(command.energyKwh(), BidRules.QUANTITY_SCALE) : null,
                energy ? null : BidRules.scaled(command.curveKw(), BidRules.QUANTITY_SCALE),
                BidRules.scaled(command.limitPriceCnyPerMwh(), BidRules.PRICE_SCALE), command.basisForecastId(), gate, version + 1, note));
        if (!gate.equals(previousGate)) {
            deadlines.schedule(gate, GATE_DEADLINE, command.bidId().value());
        }
        if (!end.equals(previousEnd)) {
            deadlines.schedule(clearingDue(end), CLEARING_DEADLINE, command.bidId().value());
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AmendBidCommand command, Clock clock) {
        requireOpen(command.bidId(), clock);
        if (!AMENDABLE.contains(status)) {
            throw BidRules.wrongStatus(bidId, status, "修改", "amended", "Draft the bid again (DraftBid)").exception();
        }
        BidRules.quantities(product, kind, command.energyKwh(), command.curveKw());
        BidRules.limitPrice(command.limitPriceCnyPerMwh());
        String note = Texts.optional(command.note(), "note", "备注", "note", BidRules.MAX_TEXT);
        boolean energy = kind == DeclarationKind.ENERGY;
        apply(new BidAmendedEvent(bidId, energy ? BidRules.scaled(command.energyKwh(), BidRules.QUANTITY_SCALE) : null,
                energy ? null : BidRules.scaled(command.curveKw(), BidRules.QUANTITY_SCALE),
                BidRules.scaled(command.limitPriceCnyPerMwh(), BidRules.PRICE_SCALE), version + 1, note));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SubmitBidCommand command, Clock clock) {
        requireOpen(command.bidId(), clock);
        if (command.version() != version) {
            throw Refusal.conflict("ICC-BID-VERSION-STALE", "version",
                    "报价 " + bidId + " 当前版本为 " + version + "，不是 " + command.version(),
                    "Bid " + bidId + " is at version " + version + ", not " + command.version(),
                    "Review the current version of the bid and submit version " + version).exception();
        }
        if (status != BidStatus.DRAFT) {
            throw BidRules.wrongStatus(bidId, status, "提交", "submitted",
                    status == BidStatus.SUBMITTED || status == BidStatus.ACCEPTED ? "It is submitted already; amend it to submit a change"
                            : "Amend the bid, then submit the new version").exception();
        }
        apply(new BidSubmittedEvent(bidId, version, bidId.value() + "-v" + version, product, segment, kind, periodStart, periodEnd,
                unitId, direction, energyKwh, curveKw, limitPrice, gateClosure));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(WithdrawBidCommand command, Clock clock) {
        requireOpen(command.bidId(), clock);
        if (status == BidStatus.CLEARED || status == BidStatus.WITHDRAWN) {
            throw BidRules.wrongStatus(bidId, status, "撤回", "withdrawn",
                    status == BidStatus.CLEARED ? "A cleared bid stands; settle it" : "Nothing to do").exception();
        }
        String reason = Texts.optional(command.reason(), "reason", "撤回原因", "reason", BidRules.MAX_TEXT);
        apply(new BidWithdrawnEvent(bidId, version, reason));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordBidDeliveryCommand command) {
        requireExists(command.bidId());
        requireCurrent(command.requestId());
        if (command.attempt() < 1) {
            throw Refusal.invalid("ICC-BID-ATTEMPT-INVALID", "attempt", "送达尝试次数应从 1 开始，现为 " + command.attempt(),
                    "Delivery attempts count from 1; " + command.attempt() + " given", "Send the attempt number (1, 2, ...)").exception();
        }
        String detail = Texts.optional(command.detail(), "detail", "说明", "detail", BidRules.MAX_TEXT);
        if (delivered) {
            return;
        }
        if (command.delivered()) {
            apply(new BidDeliveredEvent(bidId, requestId, command.attempt(), detail));
        } else if (status == BidStatus.SUBMITTED) {
            apply(new BidDeliveryFailedEvent(bidId, requestId, command.attempt(), command.finalAttempt(), detail));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AcknowledgeBidCommand command) {
        requireExists(command.bidId());
        requireCurrent(command.requestId());
        String reference = Texts.optional(command.exchangeReference(), "exchangeReference", "交易所编号", "exchange reference", 128);
        if (answer != null && answer == command.accepted()) {
            return;
        }
        if (answer != null) {
            throw Refusal.conflict("ICC-BID-ANSWERED", "accepted",
                    "交易所已对请求 " + requestId + " 作出" + (answer ? "受理" : "驳回") + "答复，不能改为" + (answer ? "驳回" : "受理"),
                    "The exchange already " + (answer ? "accepted" : "rejected") + " request " + requestId + "; the answer cannot change",
                    "Send the same answer, or have the trader amend and resubmit the bid").exception();
        }
        if (status != BidStatus.SUBMITTED) {
            throw BidRules.wrongStatus(bidId, status, command.accepted() ? "受理" : "驳回", command.accepted() ? "accepted" : "rejected",
                    "Answer only a submitted bid, once").exception();
        }
        if (command.accepted()) {
            apply(new BidAcceptedEvent(bidId, requestId, reference));
        } else {
            String reason = Texts.required(command.reason(), "reason", "驳回原因", "rejection reason", BidRules.MAX_TEXT);
            apply(new BidRejectedEvent(bidId, requestId, reason));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordClearingCommand command) {
        requireExists(command.bidId());
        if (status == BidStatus.CLEARED) {
            throw Refusal.conflict("ICC-BID-ALREADY-CLEARED", "bidId",
                    "报价 " + bidId + " 已出清，不能再次记录出清结果", "Bid " + bidId + " is already cleared; a second clearing is not recorded",
                    "Send a clearing result only once per bid").exception();
        }
        requireCurrent(command.requestId());
        if (status != BidStatus.SUBMITTED && status != BidStatus.ACCEPTED) {
            throw BidRules.wrongStatus(bidId, status, "出清", "cleared", "Clear only a submitted or accepted bid").exception();
        }
        if (command.clearedAt() == null) {
            throw Texts.missing("clearedAt", "出清时间", "clearing time").exception();
        }
        String reference = Texts.optional(command.exchangeReference(), "exchangeReference", "交易所编号", "exchange reference", 128);
        BigDecimal clearedEnergy = null;
        List<BigDecimal> clearedCurve = null;
        if (kind == DeclarationKind.ENERGY) {
            clearedEnergy = clearedEnergy(command);
            BidRules.prices(command.clearingPricesCnyPerMwh(), 1);
        } else {
            clearedCurve = clearedCurve(command);
            BidRules.prices(command.clearingPricesCnyPerMwh(), ProductRule.POINTS_PER_DAY);
        }
        apply(new BidClearedEvent(bidId, requestId, product, segment, kind, periodStart, periodEnd, unitId, direction, clearedEnergy,
                clearedCurve, BidRules.scaled(command.clearingPricesCnyPerMwh(), BidRules.PRICE_SCALE), command.clearedAt(),
                reference != null ? reference : exchangeReference));
    }

    private BigDecimal clearedEnergy(RecordClearingCommand command) {
        if (command.clearedCurveKw() != null && !command.clearedCurveKw().isEmpty()) {
            throw Refusal.invalid("ICC-BID-KIND-MISMATCH", "clearedCurveKw", "交易品种 " + product + " 按电量出清，不出清功率曲线",
                    "Product " + product + " clears energy, not a power curve", "Give clearedEnergyKwh and leave clearedCurveKw empty")
                    .exception();
        }
        BigDecimal cleared = command.clearedEnergyKwh();
        if (cleared == null) {
            throw Texts.missing("clearedEnergyKwh", "出清电量（千瓦时）", "cleared energy (kWh)").exception();
        }
        BidRules.amount(cleared, "clearedEnergyKwh", "出清电量", "The cleared energy", BidRules.QUANTITY_SCALE);
        if (cleared.compareTo(energyKwh) > 0) {
            throw exceeds("clearedEnergyKwh", cleared, energyKwh);
        }
        return BidRules.scaled(cleared, BidRules.QUANTITY_SCALE);
    }

    private List<BigDecimal> clearedCurve(RecordClearingCommand command) {
        if (command.clearedEnergyKwh() != null) {
            throw Refusal.invalid("ICC-BID-KIND-MISMATCH", "clearedEnergyKwh", "交易品种 " + product + " 按 96 点功率曲线出清，不出清电量",
                    "Product " + product + " clears a 96-point power curve, not energy", "Give clearedCurveKw and leave clearedEnergyKwh empty")
                    .exception();
        }
        List<BigDecimal> cleared = command.clearedCurveKw();
        BidRules.curve(cleared, "clearedCurveKw", "出清功率");
        if (direction == BidDirection.BUY) {
            for (int i = 0; i < cleared.size(); i++) {
                if (cleared.get(i).compareTo(curveKw.get(i)) > 0) {
                    throw exceeds("clearedCurveKw[" + i + "]", cleared.get(i), curveKw.get(i));
                }
            }
        }
        return BidRules.scaled(cleared, BidRules.QUANTITY_SCALE);
    }

    private RuntimeException exceeds(String field, BigDecimal cleared, BigDecimal bid) {
        return Refusal.unprocessable("ICC-BID-CLEARING-EXCEEDS", field,
                "出清量 " + cleared.toPlainString() + " 超过报价量 " + bid.toPlainString(),
                "The cleared quantity " + cleared.toPlainString() + " exceeds the bid's " + bid.toPlainString(),
                "Check the clearing result against bid version " + version).exception();
    }

    /** Expires a bid not submitted by the gate (re-scheduled if it fires early by the clock). */
    @DeadlineHandler(deadlineName = GATE_DEADLINE)
    public void onGateClosure(String bid, Clock clock, DeadlineManager deadlines) {
        if (bidId == null || FINAL.contains(status)) {
            return;
        }
        if (clock.instant().isBefore(gateClosure)) {
            deadlines.schedule(gateClosure, GATE_DEADLINE, bid);
            return;
        }
        if (EXPIRE_AT_GATE.contains(status)) {
            apply(new BidExpiredEvent(bidId, version, status, "not submitted by gate closure"));
        }
    }

    /** Expires a bid not cleared by the end of its period (re-scheduled if it fires early by the clock). */
    @DeadlineHandler(deadlineName = CLEARING_DEADLINE)
    public void onClearingDue(String bid, Clock clock, DeadlineManager deadlines) {
        if (bidId == null || FINAL.contains(status)) {
            return;
        }
        Instant due = clearingDue(periodEnd);
        if (clock.instant().isBefore(due)) {
            deadlines.schedule(due, CLEARING_DEADLINE, bid);
            return;
        }
        if (EXPIRE_AT_PERIOD_END.contains(status)) {
            apply(new BidExpiredEvent(bidId, version, status, "not cleared"));
        }
    }

    private MarketProductRule product(MarketProductLookup products, String code) {
        if (code == null || code.isBlank()) {
            throw Texts.missing("product", "交易品种", "product").exception();
        }
        MarketProductLookup.Product found = products.find(code).orElseThrow(() -> Refusal.invalid("ICC-BID-PRODUCT-UNKNOWN", "product",
                "交易品种 " + code + " 不存在", "Market product " + code + " does not exist",
                "Use one of: " + String.join(", ", products.all().stream().filter(p -> !p.retired()).map(p -> p.rule().code()).toList()))
                .exception());
        if (found.retired()) {
            throw Refusal.unprocessable("ICC-BID-PRODUCT-RETIRED", "product",
                    "交易品种 " + code + " 已停用，不接受新报价", "Market product " + code + " is retired and takes no new bids",
                    "Bid for a product in service").exception();
        }
        return found.rule();
    }

    private void requireExists(BidId id) {
        if (bidId == null) {
            throw BidRules.unknown(id).exception();
        }
    }

    private void requireOpen(BidId id, Clock clock) {
        requireExists(id);
        if (status == BidStatus.EXPIRED) {
            throw BidRules.gateClosed(product, periodStart, gateClosure).exception();
        }
        BidRules.beforeGate(clock.instant(), gateClosure, product, periodStart);
        if (status == BidStatus.WITHDRAWN) {
            throw BidRules.wrongStatus(bidId, status, "修改、提交或撤回", "amended, submitted or withdrawn",
                    "Draft it again (DraftBid) while the gate is open").exception();
        }
    }

    private void requireCurrent(String request) {
        if (request == null || request.isBlank()) {
            throw Texts.missing("requestId", "请求编号", "request id").exception();
        }
        if (!request.equals(requestId)) {
            throw BidRules.staleRequest(bidId, request, requestId).exception();
        }
    }

    @EventSourcingHandler
    void on(BidDraftedEvent event) {
        streamId = StreamIds.of(event.bidId());
        bidId = event.bidId();
        product = event.product();
        segment = event.segment();
        kind = event.kind();
        periodStart = event.periodStart();
        periodEnd = event.periodEnd();
        unitId = event.unitId();
        direction = event.direction();
        energyKwh = event.energyKwh();
        curveKw = event.curveKw();
        limitPrice = event.limitPriceCnyPerMwh();
        gateClosure = event.gateClosure();
        version = event.version();
        status = BidStatus.DRAFT;
        requestId = null;
        delivered = false;
        answer = null;
        exchangeReference = null;
    }

    @EventSourcingHandler
    void on(BidAmendedEvent event) {
        energyKwh = event.energyKwh();
        curveKw = event.curveKw();
        limitPrice = event.limitPriceCnyPerMwh();
        version = event.version();
        status = BidStatus.DRAFT;
        requestId = null;
        delivered = false;
        answer = null;
        exchangeReference = null;
    }

    @EventSourcingHandler
    void on(BidSubmittedEvent event) {
        status = BidStatus.SUBMITTED;
        requestId = event.requestId();
        delivered = false;
        answer = null;
    }

    @EventSourcingHandler
    void on(BidWithdrawnEvent event) {
        status = BidStatus.WITHDRAWN;
        requestId = null;
    }

    @EventSourcingHandler
    void on(BidDeliveredEvent event) {
        delivered = true;
        if (status == BidStatus.DELIVERY_FAILED) {
            status = BidStatus.SUBMITTED;
        }
    }

    @EventSourcingHandler
    void on(BidDeliveryFailedEvent event) {
        if (event.finalFailure()) {
            status = BidStatus.DELIVERY_FAILED;
        }
    }

    @EventSourcingHandler
    void on(BidAcceptedEvent event) {
        status = BidStatus.ACCEPTED;
        answer = true;
        exchangeReference = event.exchangeReference();
    }

    @EventSourcingHandler
    void on(BidRejectedEvent event) {
        status = BidStatus.REJECTED;
        answer = false;
    }

    @EventSourcingHandler
    void on(BidClearedEvent event) {
        status = BidStatus.CLEARED;
    }

    @EventSourcingHandler
    void on(BidExpiredEvent event) {
        status = BidStatus.EXPIRED;
    }
}
