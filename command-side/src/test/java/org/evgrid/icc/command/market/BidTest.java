package org.evgrid.icc.command.market;

import static org.evgrid.icc.command.common.Refused.refused;
import static org.evgrid.icc.command.market.MarketTestSupport.curve;
import static org.hamcrest.Matchers.allOf;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.evgrid.icc.command.common.IccCommandTargetResolver;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.declaration.DeclarationKind;
import org.evgrid.icc.coreapi.forecast.ForecastId;
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
import org.evgrid.icc.coreapi.market.MarketSegment;
import org.evgrid.icc.coreapi.market.RecordBidDeliveryCommand;
import org.evgrid.icc.coreapi.market.RecordClearingCommand;
import org.evgrid.icc.coreapi.market.SubmitBidCommand;
import org.evgrid.icc.coreapi.market.WithdrawBidCommand;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BidTest {

    private static final AggregationUnitId UNIT = new AggregationUnitId("AU-1");
    private static final String DA = "DAY_AHEAD";
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final BidId DA_BID = BidId.of(DA, DAY, UNIT);
    /** 2026-11-30 10:00 Asia/Shanghai. */
    private static final Instant DA_GATE = Instant.parse("2026-11-30T02:00:00Z");
    /** 2026-12-02 00:00 Asia/Shanghai. */
    private static final Instant DA_DUE = Instant.parse("2026-12-01T16:00:00Z");
    private static final String MONTHLY = "MLT_MONTHLY";
    private static final LocalDate DECEMBER = LocalDate.of(2026, 12, 1);
    private static final BidId MONTHLY_BID = BidId.of(MONTHLY, DECEMBER, UNIT);
    /** 2026-11-20 17:00 Asia/Shanghai. */
    private static final Instant MONTHLY_GATE = Instant.parse("2026-11-20T09:00:00Z");
    private static final Instant EARLY = Instant.parse("2026-11-10T01:00:00Z");
    private static final ForecastId FORECAST = new ForecastId("FC-1");
    private static final String REQUEST_1 = DA_BID.value() + "-v1";
    private static final Instant CLEARED_AT = Instant.parse("2026-11-30T08:00:00Z");

    private AggregateTestFixture<Bid> fixture;
    private MarketTestSupport.TestClock clock;
    private MarketTestSupport.Products products;

    @BeforeEach
    void setUp() {
        clock = new MarketTestSupport.TestClock(EARLY);
        products = new MarketTestSupport.Products();
        fixture = new AggregateTestFixture<>(Bid.class);
        fixture.registerCommandTargetResolver(new IccCommandTargetResolver());
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(products);
        fixture.registerInjectableResource(MarketTestSupport.units(UNIT));
    }

    private static DraftBidCommand draftDayAhead(List<BigDecimal> curve) {
        return new DraftBidCommand(DA, DAY, UNIT, BidDirection.BUY, null, curve, new BigDecimal("350.5"), FORECAST, "基于预测");
    }

    private static BidDraftedEvent draftedDayAhead(int version) {
        return new BidDraftedEvent(DA_BID, DA, MarketSegment.DAY_AHEAD_SPOT, DeclarationKind.CURVE, DAY, DAY, UNIT, BidDirection.BUY, null,
                curve("250.000", 96), new BigDecimal("350.50"), FORECAST, DA_GATE, version, "基于预测");
    }

    private static BidSubmittedEvent submittedDayAhead(int version) {
        return new BidSubmittedEvent(DA_BID, version, DA_BID.value() + "-v" + version, DA, MarketSegment.DAY_AHEAD_SPOT, DeclarationKind.CURVE,
                DAY, DAY, UNIT, BidDirection.BUY, null, curve("250.000", 96), new BigDecimal("350.50"), DA_GATE);
    }

    private static BidDraftedEvent draftedMonthly() {
        return new BidDraftedEvent(MONTHLY_BID, MONTHLY, MarketSegment.MEDIUM_LONG_TERM, DeclarationKind.ENERGY, DECEMBER,
                LocalDate.of(2026, 12, 31), UNIT, BidDirection.BUY, new BigDecimal("120000.500"), null, null, null, MONTHLY_GATE, 1, null);
    }

    private static BidSubmittedEvent submittedMonthly() {
        return new BidSubmittedEvent(MONTHLY_BID, 1, MONTHLY_BID.value() + "-v1", MONTHLY, MarketSegment.MEDIUM_LONG_TERM,
                DeclarationKind.ENERGY, DECEMBER, LocalDate.of(2026, 12, 31), UNIT, BidDirection.BUY, new BigDecimal("120000.500"), null, null,
                MONTHLY_GATE);
    }

    private static RecordClearingCommand clearCurve(String kw, int prices) {
        return new RecordClearingCommand(DA_BID, REQUEST_1, "EX-9", null, curve(kw, 96), curve("412.3", prices), CLEARED_AT);
    }

    private void refusesDraft(DraftBidCommand command, ErrorCategory category, String code) {
        setUp();
        fixture.givenNoPriorActivity().when(command).expectException(refused(category, code)).expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void aDayAheadCurveBidIsDraftedAndItsGateAndClearingDeadlinesScheduled() {
        fixture.givenNoPriorActivity()
                .when(draftDayAhead(curve("250", 96)))
                .expectEvents(draftedDayAhead(1))
                .expectScheduledDeadlineWithName(DA_GATE, Bid.GATE_DEADLINE)
                .expectScheduledDeadlineWithName(DA_DUE, Bid.CLEARING_DEADLINE);
    }

    @Test
    void aMonthlyEnergyBidIsDraftedWithoutALimitPrice() {
        fixture.givenNoPriorActivity()
                .when(new DraftBidCommand(MONTHLY, DECEMBER, UNIT, BidDirection.BUY, new BigDecimal("120000.5"), List.of(), null, null, " "))
                .expectEvents(draftedMonthly())
                .expectScheduledDeadlineWithName(MONTHLY_GATE, Bid.GATE_DEADLINE)
                .expectScheduledDeadlineWithName(Instant.parse("2026-12-31T16:00:00Z"), Bid.CLEARING_DEADLINE);
    }

    @Test
    void aDraftIsRefusedForAnUnknownOrRetiredProductOrAPeriodNotStartingAMonth() {
        refusesDraft(new DraftBidCommand("FUTURES", DAY, UNIT, BidDirection.BUY, null, curve("1", 96), null, null, null),
                ErrorCategory.INVALID, "ICC-BID-PRODUCT-UNKNOWN");
        setUp();
        products.retire(DA);
        fixture.givenNoPriorActivity().when(draftDayAhead(curve("1", 96)))
                .expectException(refused(ErrorCategory.UNPROCESSABLE, "ICC-BID-PRODUCT-RETIRED")).expectNoEvents();
        refusesDraft(new DraftBidCommand(MONTHLY, LocalDate.of(2026, 12, 2), UNIT, BidDirection.BUY, BigDecimal.ONE, null, null, null, null),
                ErrorCategory.INVALID, "ICC-BID-PERIOD-INVALID");
        refusesDraft(new DraftBidCommand(DA, DAY, UNIT, null, null, curve("1", 96), null, null, null),
                ErrorCategory.INVALID, "ICC-FIELD-REQUIRED");
    }

    @Test
    void aDraftAtTheGateIsRefusedWithTheGateInShanghaiTime() {
        clock.set(DA_GATE);
        fixture.givenNoPriorActivity()
                .when(draftDayAhead(curve("1", 96)))
                .expectException(allOf(refused(ErrorCategory.UNPROCESSABLE, "ICC-BID-GATE-CLOSED"), showsGate("2026-11-30 10:00")))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void energyMustBePositiveWithAtMostThreeDecimalsAndNoCurve() {
        refusesDraft(new DraftBidCommand(MONTHLY, DECEMBER, UNIT, BidDirection.BUY, BigDecimal.ZERO, null, null, null, null),
                ErrorCategory.INVALID, "ICC-BID-ZERO");
        refusesDraft(new DraftBidCommand(MONTHLY, DECEMBER, UNIT, BidDirection.BUY, new BigDecimal("1.0005"), null, null, null, null),
                ErrorCategory.INVALID, "ICC-BID-PRECISION");
        refusesDraft(new DraftBidCommand(MONTHLY, DECEMBER, UNIT, BidDirection.BUY, new BigDecimal("-1"), null, null, null, null),
                ErrorCategory.INVALID, "ICC-BID-NEGATIVE");
        refusesDraft(new DraftBidCommand(MONTHLY, DECEMBER, UNIT, BidDirection.BUY, null, null, null, null, null),
                ErrorCategory.INVALID, "ICC-FIELD-REQUIRED");
        refusesDraft(new DraftBidCommand(MONTHLY, DECEMBER, UNIT, BidDirection.BUY, BigDecimal.ONE, curve("1", 96), null, null, null),
                ErrorCategory.INVALID, "ICC-BID-KIND-MISMATCH");
    }

    @Test
    void aCurveNeedsNinetySixNonNegativePointsNotAllZeroAndNoEnergy() {
        refusesDraft(draftDayAhead(curve("1", 95)), ErrorCategory.INVALID, "ICC-BID-CURVE-POINTS");
        refusesDraft(draftDayAhead(curve("0", 96)), ErrorCategory.INVALID, "ICC-BID-ZERO");
        List<BigDecimal> negative = curve("1", 96);
        negative.set(7, new BigDecimal("-0.001"));
        refusesDraft(draftDayAhead(negative), ErrorCategory.INVALID, "ICC-BID-NEGATIVE");
        List<BigDecimal> fine = curve("1", 96);
        fine.set(7, new BigDecimal("0.0001"));
        refusesDraft(draftDayAhead(fine), ErrorCategory.INVALID, "ICC-BID-PRECISION");
        refusesDraft(new DraftBidCommand(DA, DAY, UNIT, BidDirection.BUY, BigDecimal.ONE, curve("1", 96), null, null, null),
                ErrorCategory.INVALID, "ICC-BID-KIND-MISMATCH");
    }

    @Test
    void theLimitPriceIsNonNegativeWithAtMostTwoDecimals() {
        refusesDraft(new DraftBidCommand(DA, DAY, UNIT, BidDirection.BUY, null, curve("1", 96), new BigDecimal("300.125"), null, null),
                ErrorCategory.INVALID, "ICC-BID-PRECISION");
        refusesDraft(new DraftBidCommand(DA, DAY, UNIT, BidDirection.BUY, null, curve("1", 96), new BigDecimal("-1"), null, null),
                ErrorCategory.INVALID, "ICC-BID-NEGATIVE");
    }

    @Test
    void aBidForAnUnknownUnitIsRefused() {
        refusesDraft(new DraftBidCommand(DA, DAY, new AggregationUnitId("AU-NONE"), BidDirection.BUY, null, curve("1", 96), null, null, null),
                ErrorCategory.NOT_FOUND, "ICC-UNIT-UNKNOWN");
    }

    @Test
    void aSecondDraftWhileTheBidIsLiveIsRefusedInFavourOfAnAmendment() {
        for (Object[] given : List.of(new Object[] {draftedDayAhead(1)}, new Object[] {draftedDayAhead(1), submittedDayAhead(1)},
                new Object[] {draftedDayAhead(1), submittedDayAhead(1), new BidDeliveryFailedEvent(DA_BID, REQUEST_1, 3, true, "timeout")})) {
            setUp();
            fixture.given(given).when(draftDayAhead(curve("1", 96)))
                    .expectException(refused(ErrorCategory.CONFLICT, "ICC-BID-EXISTS")).expectNoEvents();
        }
    }

    @Test
    void aWithdrawnOrRejectedBidMayBeDraftedAgainAndItsVersionContinuesWithoutNewDeadlines() {
        fixture.given(draftedDayAhead(1), new BidWithdrawnEvent(DA_BID, 1, null))
                .when(draftDayAhead(curve("250", 96)))
                .expectEvents(draftedDayAhead(2))
                .expectNoScheduledDeadlines();
        setUp();
        fixture.given(draftedDayAhead(1), submittedDayAhead(1), new BidRejectedEvent(DA_BID, REQUEST_1, "价格超限"))
                .when(draftDayAhead(curve("250", 96)))
                .expectEvents(draftedDayAhead(2));
    }

    @Test
    void anAmendmentOfASubmittedBidMakesANewDraftVersion() {
        fixture.given(draftedDayAhead(1), submittedDayAhead(1))
                .when(new AmendBidCommand(DA_BID, null, curve("200.5", 96), null, "调整"))
                .expectEvents(new BidAmendedEvent(DA_BID, null, curve("200.500", 96), null, 2, "调整"));
    }

    @Test
    void anAmendmentIsRefusedForAnUnknownClearedOrWithdrawnBidAndAfterTheGate() {
        fixture.givenNoPriorActivity().when(new AmendBidCommand(DA_BID, null, curve("1", 96), null, null))
                .expectException(refused(ErrorCategory.NOT_FOUND, "ICC-BID-UNKNOWN")).expectNoEvents();
        setUp();
        fixture.given(draftedDayAhead(1), submittedDayAhead(1), cleared())
                .when(new AmendBidCommand(DA_BID, null, curve("1", 96), null, null))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-BID-CLEARED")).expectNoEvents();
        setUp();
        fixture.given(draftedDayAhead(1), new BidWithdrawnEvent(DA_BID, 1, null))
                .when(new AmendBidCommand(DA_BID, null, curve("1", 96), null, null))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-BID-WITHDRAWN")).expectNoEvents();
        setUp();
        clock.set(DA_GATE.plusSeconds(1));
        fixture.given(draftedDayAhead(1))
                .when(new AmendBidCommand(DA_BID, null, curve("1", 96), null, null))
                .expectException(allOf(refused(ErrorCategory.UNPROCESSABLE, "ICC-BID-GATE-CLOSED"), showsGate("2026-11-30 10:00")))
                .expectNoEvents();
    }

    @Test
    void theCurrentDraftVersionIsSubmittedUnderItsRequestId() {
        fixture.given(draftedDayAhead(1))
                .when(new SubmitBidCommand(DA_BID, 1))
                .expectEvents(submittedDayAhead(1));
    }

    @Test
    void aStaleVersionOrABidAlreadySubmittedIsNotSubmitted() {
        fixture.given(draftedDayAhead(1), new BidAmendedEvent(DA_BID, null, curve("250.000", 96), new BigDecimal("350.50"), 2, null))
                .when(new SubmitBidCommand(DA_BID, 1))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-BID-VERSION-STALE")).expectNoEvents();
        setUp();
        fixture.given(draftedDayAhead(1), submittedDayAhead(1))
                .when(new SubmitBidCommand(DA_BID, 1))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-BID-STATUS")).expectNoEvents();
        setUp();
        clock.set(DA_GATE);
        fixture.given(draftedDayAhead(1))
                .when(new SubmitBidCommand(DA_BID, 1))
                .expectException(refused(ErrorCategory.UNPROCESSABLE, "ICC-BID-GATE-CLOSED")).expectNoEvents();
    }

    @Test
    void aBidIsWithdrawnBeforeTheGateButNotOnceCleared() {
        fixture.given(draftedDayAhead(1), submittedDayAhead(1))
                .when(new WithdrawBidCommand(DA_BID, "计划变更"))
                .expectEvents(new BidWithdrawnEvent(DA_BID, 1, "计划变更"));
        setUp();
        fixture.given(draftedDayAhead(1), submittedDayAhead(1), cleared())
                .when(new WithdrawBidCommand(DA_BID, null))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-BID-CLEARED")).expectNoEvents();
    }

    @Test
    void deliveryIsRecordedOnceForTheCurrentRequest() {
        fixture.given(draftedDayAhead(1), submittedDayAhead(1))
                .when(new RecordBidDeliveryCommand(DA_BID, REQUEST_1, 1, true, false, "200 OK"))
                .expectEvents(new BidDeliveredEvent(DA_BID, REQUEST_1, 1, "200 OK"));
        setUp();
        fixture.given(draftedDayAhead(1), submittedDayAhead(1), new BidDeliveredEvent(DA_BID, REQUEST_1, 1, "200 OK"))
                .when(new RecordBidDeliveryCommand(DA_BID, REQUEST_1, 2, true, false, "200 OK"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        setUp();
        fixture.given(draftedDayAhead(1), submittedDayAhead(1), new BidAmendedEvent(DA_BID, null, curve("1.000", 96), null, 2, null))
                .when(new RecordBidDeliveryCommand(DA_BID, REQUEST_1, 1, true, false, null))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-BID-REQUEST-STALE")).expectNoEvents();
    }

    @Test
    void aFailedFinalDeliveryLeavesTheBidUndeliveredAndAmendable() {
        fixture.given(draftedDayAhead(1), submittedDayAhead(1))
                .when(new RecordBidDeliveryCommand(DA_BID, REQUEST_1, 3, false, true, "connection refused"))
                .expectEvents(new BidDeliveryFailedEvent(DA_BID, REQUEST_1, 3, true, "connection refused"));
        setUp();
        fixture.given(draftedDayAhead(1), submittedDayAhead(1), new BidDeliveryFailedEvent(DA_BID, REQUEST_1, 3, true, "x"))
                .when(new AmendBidCommand(DA_BID, null, curve("250", 96), new BigDecimal("350.5"), null))
                .expectEvents(new BidAmendedEvent(DA_BID, null, curve("250.000", 96), new BigDecimal("350.50"), 2, null));
    }

    @Test
    void theExchangeAnswersOnceAndTheSameAnswerAgainChangesNothing() {
        fixture.given(draftedDayAhead(1), submittedDayAhead(1))
                .when(new AcknowledgeBidCommand(DA_BID, REQUEST_1, true, "EX-9", null))
                .expectEvents(new BidAcceptedEvent(DA_BID, REQUEST_1, "EX-9"));
        setUp();
        fixture.given(draftedDayAhead(1), submittedDayAhead(1), new BidAcceptedEvent(DA_BID, REQUEST_1, "EX-9"))
                .when(new AcknowledgeBidCommand(DA_BID, REQUEST_1, true, "EX-9", null))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        setUp();
        fixture.given(draftedDayAhead(1), submittedDayAhead(1), new BidAcceptedEvent(DA_BID, REQUEST_1, "EX-9"))
                .when(new AcknowledgeBidCommand(DA_BID, REQUEST_1, false, null, "late"))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-BID-ANSWERED")).expectNoEvents();
        setUp();
        fixture.given(draftedDayAhead(1), submittedDayAhead(1))
                .when(new AcknowledgeBidCommand(DA_BID, REQUEST_1, false, null, "价格超出限价"))
                .expectEvents(new BidRejectedEvent(DA_BID, REQUEST_1, "价格超出限价"));
    }

    @Test
    void anAnswerNeedsTheCurrentRequestAndARejectionItsReason() {
        fixture.given(draftedDayAhead(1), submittedDayAhead(1))
                .when(new AcknowledgeBidCommand(DA_BID, DA_BID.value() + "-v0", true, null, null))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-BID-REQUEST-STALE")).expectNoEvents();
        setUp();
        fixture.given(draftedDayAhead(1), submittedDayAhead(1))
                .when(new AcknowledgeBidCommand(DA_BID, REQUEST_1, false, null, " "))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FIELD-REQUIRED")).expectNoEvents();
        setUp();
        fixture.given(draftedDayAhead(1))
                .when(new AcknowledgeBidCommand(DA_BID, REQUEST_1, true, null, null))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-BID-REQUEST-STALE")).expectNoEvents();
    }

    private static BidClearedEvent cleared() {
        return new BidClearedEvent(DA_BID, REQUEST_1, DA, MarketSegment.DAY_AHEAD_SPOT, DeclarationKind.CURVE, DAY, DAY, UNIT,
                BidDirection.BUY, null, curve("240.000", 96), curve("412.30", 96), CLEARED_AT, "EX-9");
    }

    @Test
    void aCurveClearingCarriesTheBidsSlotAndAllValues() {
        fixture.given(draftedDayAhead(1), submittedDayAhead(1), new BidAcceptedEvent(DA_BID, REQUEST_1, "EX-9"))
                .when(new RecordClearingCommand(DA_BID, REQUEST_1, null, null, curve("240", 96), curve("412.3", 96), CLEARED_AT))
                .expectEvents(cleared());
    }

    @Test
    void anEnergyClearingHasOnePriceAndNoMoreThanTheBid() {
        RecordClearingCommand clearing = new RecordClearingCommand(MONTHLY_BID, MONTHLY_BID.value() + "-v1", "EX-1",
                new BigDecimal("100000"), null, List.of(new BigDecimal("380")), CLEARED_AT);
        fixture.given(draftedMonthly(), submittedMonthly())
                .when(clearing)
                .expectEvents(new BidClearedEvent(MONTHLY_BID, MONTHLY_BID.value() + "-v1", MONTHLY, MarketSegment.MEDIUM_LONG_TERM,
                        DeclarationKind.ENERGY, DECEMBER, LocalDate.of(2026, 12, 31), UNIT, BidDirection.BUY, new BigDecimal("100000.000"), null,
                        List.of(new BigDecimal("380.00")), CLEARED_AT, "EX-1"));
        setUp();
        fixture.given(draftedMonthly(), submittedMonthly())
                .when(new RecordClearingCommand(MONTHLY_BID, MONTHLY_BID.value() + "-v1", "EX-1", new BigDecimal("120000.501"), null,
                        List.of(new BigDecimal("380")), CLEARED_AT))
                .expectException(refused(ErrorCategory.UNPROCESSABLE, "ICC-BID-CLEARING-EXCEEDS")).expectNoEvents();
        setUp();
        fixture.given(draftedMonthly(), submittedMonthly())
                .when(new RecordClearingCommand(MONTHLY_BID, MONTHLY_BID.value() + "-v1", "EX-1", BigDecimal.ONE, null,
                        curve("380", 96), CLEARED_AT))
                .expectException(refused(ErrorCategory.INVALID, "ICC-BID-PRICE-POINTS")).expectNoEvents();
    }

    @Test
    void aClearingAboveTheBuyCurveWithMissingPricesOrASecondClearingIsRefused() {
        fixture.given(draftedDayAhead(1), submittedDayAhead(1))
                .when(clearCurve("250.001", 96))
                .expectException(refused(ErrorCategory.UNPROCESSABLE, "ICC-BID-CLEARING-EXCEEDS")).expectNoEvents();
        setUp();
        fixture.given(draftedDayAhead(1), submittedDayAhead(1))
                .when(clearCurve("200", 95))
                .expectException(refused(ErrorCategory.INVALID, "ICC-BID-PRICE-POINTS")).expectNoEvents();
        setUp();
        fixture.given(draftedDayAhead(1), submittedDayAhead(1), cleared())
                .when(clearCurve("200", 96))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-BID-ALREADY-CLEARED")).expectNoEvents();
        setUp();
        fixture.given(draftedDayAhead(1))
                .when(clearCurve("200", 96))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-BID-REQUEST-STALE")).expectNoEvents();
    }

    @Test
    void aDraftNotSubmittedByTheGateExpiresThere() {
        TestExecutor<Bid> given = fixture.givenCurrentTime(EARLY).andGivenCommands(draftDayAhead(curve("250", 96)));
        clock.set(DA_GATE);
        given.whenTimeAdvancesTo(DA_GATE)
                .expectTriggeredDeadlinesWithName(Bid.GATE_DEADLINE)
                .expectEvents(new BidExpiredEvent(DA_BID, 1, BidStatus.DRAFT, "not submitted by gate closure"));
    }

    @Test
    void aSubmittedBidOutlivesTheGateAndExpiresUnclearedAtTheEndOfItsPeriod() {
        TestExecutor<Bid> given = fixture.givenCurrentTime(EARLY)
                .andGivenCommands(draftDayAhead(curve("250", 96)), new SubmitBidCommand(DA_BID, 1));
        clock.set(DA_GATE);
        given.whenThenTimeAdvancesTo(DA_GATE)
                .expectTriggeredDeadlinesWithName(Bid.GATE_DEADLINE)
                .expectNoEvents();
        setUp();
        given = fixture.givenCurrentTime(EARLY).andGivenCommands(draftDayAhead(curve("250", 96)), new SubmitBidCommand(DA_BID, 1));
        clock.set(DA_DUE);
        given.whenTimeAdvancesTo(DA_DUE)
                .expectTriggeredDeadlinesWithName(Bid.GATE_DEADLINE, Bid.CLEARING_DEADLINE)
                .expectEvents(new BidExpiredEvent(DA_BID, 1, BidStatus.SUBMITTED, "not cleared"));
    }

    @Test
    void aDeadlineFiringBeforeItsTimeByTheClockIsScheduledAgainAndDoesNothingElse() {
        clock.script(EARLY, DA_GATE.minusSeconds(90), DA_GATE);
        fixture.givenCurrentTime(EARLY).andGivenCommands(draftDayAhead(curve("250", 96)))
                .whenTimeAdvancesTo(DA_GATE)
                .expectTriggeredDeadlinesWithName(Bid.GATE_DEADLINE, Bid.GATE_DEADLINE)
                .expectEvents(new BidExpiredEvent(DA_BID, 1, BidStatus.DRAFT, "not submitted by gate closure"));
        setUp();
        clock.script(EARLY, DA_GATE.minusSeconds(90));
        fixture.givenCurrentTime(EARLY).andGivenCommands(draftDayAhead(curve("250", 96)))
                .whenTimeElapses(java.time.Duration.ofSeconds(1))
                .expectNoEvents();
    }

    @Test
    void deadlinesThatNoLongerApplyChangeNothing() {
        TestExecutor<Bid> given = fixture.givenCurrentTime(EARLY)
                .andGivenCommands(draftDayAhead(curve("250", 96)), new WithdrawBidCommand(DA_BID, null));
        clock.set(DA_DUE);
        given.whenTimeAdvancesTo(DA_DUE)
                .expectTriggeredDeadlinesWithName(Bid.GATE_DEADLINE, Bid.CLEARING_DEADLINE)
                .expectNoEvents();
    }

    @Test
    void deadlinesOfAClearedBidAreNotScheduledAgainEvenWhenTheyFireEarly() {
        TestExecutor<Bid> given = fixture.givenCurrentTime(EARLY)
                .andGivenCommands(draftDayAhead(curve("250", 96)), new SubmitBidCommand(DA_BID, 1))
                .andGiven(cleared());
        clock.script(DA_GATE.minusSeconds(5), DA_DUE);
        given.whenTimeAdvancesTo(DA_DUE)
                .expectTriggeredDeadlinesWithName(Bid.GATE_DEADLINE, Bid.CLEARING_DEADLINE)
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    private static Matcher<IccException> showsGate(String shown) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(IccException e) {
                return e.messageZh().contains(shown) && e.messageEn().contains(shown) && e.messageEn().contains("Asia/Shanghai");
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal showing the gate " + shown + " in both languages");
            }
        };
    }
}
