package org.evgrid.icc.command.declaration;

import static org.evgrid.icc.command.common.Refused.refused;
import static org.hamcrest.Matchers.allOf;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.declaration.AmendDemandCommand;
import org.evgrid.icc.coreapi.declaration.DeclarationId;
import org.evgrid.icc.coreapi.declaration.DeclarationKind;
import org.evgrid.icc.coreapi.declaration.DeclarationStatus;
import org.evgrid.icc.coreapi.declaration.DeclareDemandCommand;
import org.evgrid.icc.coreapi.declaration.DemandAmendedEvent;
import org.evgrid.icc.coreapi.declaration.DemandDeclarationFrozenEvent;
import org.evgrid.icc.coreapi.declaration.DemandDeclaredEvent;
import org.evgrid.icc.coreapi.declaration.DemandWithdrawnEvent;
import org.evgrid.icc.coreapi.declaration.WithdrawDemandCommand;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DemandDeclarationTest {

    private static final OperatorId OP = new OperatorId("OP-1");
    private static final AggregationUnitId UNIT = new AggregationUnitId("AU-1");
    private static final String MONTHLY = "MLT_MONTHLY";
    private static final LocalDate DECEMBER = LocalDate.of(2026, 12, 1);
    /** 2026-11-20 17:00 Asia/Shanghai. */
    private static final Instant MONTHLY_GATE = Instant.parse("2026-11-20T09:00:00Z");
    private static final DeclarationId MONTHLY_ID = new DeclarationId("OP-1~MLT_MONTHLY~2026-12-01~AU-1");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    /** 2026-11-30 10:00 Asia/Shanghai. */
    private static final Instant DAY_AHEAD_GATE = Instant.parse("2026-11-30T02:00:00Z");
    private static final Instant EARLY = Instant.parse("2026-11-10T01:00:00Z");

    private AggregateTestFixture<DemandDeclaration> fixture;
    private final MovableClock clock = new MovableClock(EARLY);

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DemandDeclaration.class);
        fixture.registerCommandTargetResolver(new DeclarationTargetResolver());
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(new DeclarationProducts(Optional.empty()));
        fixture.registerInjectableResource(new DeclarationUnits(null) {
            @Override
            public boolean exists(AggregationUnitId unitId) {
                return UNIT.equals(unitId);
            }
        });
    }

    private static DeclareDemandCommand declareMonthly(String kwh) {
        return new DeclareDemandCommand(OP, MONTHLY, DECEMBER, UNIT, new BigDecimal(kwh), null);
    }

    private static DemandDeclaredEvent declaredMonthly(String kwh, int revision) {
        return new DemandDeclaredEvent(MONTHLY_ID, OP, MONTHLY, DeclarationKind.ENERGY, DECEMBER, LocalDate.of(2026, 12, 31), UNIT,
                new BigDecimal(kwh), null, MONTHLY_GATE, revision);
    }

    private static List<BigDecimal> curve(String kw, int points) {
        return new ArrayList<>(Collections.nCopies(points, new BigDecimal(kw)));
    }

    @Test
    void aMonthlyEnergyDeclarationIsRecordedAndItsGateClosureScheduled() {
        fixture.givenCurrentTime(EARLY)
                .when(declareMonthly("120000.5"))
                .expectEvents(declaredMonthly("120000.500", 1))
                .expectScheduledDeadlineWithName(MONTHLY_GATE, DemandDeclaration.GATE_DEADLINE);
    }

    @Test
    void aDayAheadCurveOfNinetySixPointsIsRecorded() {
        DeclarationId id = new DeclarationId("OP-1~DAY_AHEAD~2026-12-01~AU-1");
        fixture.givenCurrentTime(EARLY)
                .when(new DeclareDemandCommand(OP, "DAY_AHEAD", DAY, UNIT, null, curve("250.25", 96)))
                .expectEvents(new DemandDeclaredEvent(id, OP, "DAY_AHEAD", DeclarationKind.CURVE, DAY, DAY, UNIT, null,
                        curve("250.250", 96), DAY_AHEAD_GATE, 1))
                .expectScheduledDeadlineWithName(DAY_AHEAD_GATE, DemandDeclaration.GATE_DEADLINE);
    }

    @Test
    void aSecondDeclarationForTheSameSlotIsRefusedInFavourOfAnAmendment() {
        fixture.given(declaredMonthly("100.000", 1))
                .when(declareMonthly("200"))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-DECL-EXISTS"))
                .expectNoEvents();
    }

    @Test
    void anAmendmentReplacesTheValuesAndCountsARevision() {
        fixture.given(declaredMonthly("100.000", 1))
                .when(new AmendDemandCommand(OP, MONTHLY, DECEMBER, UNIT, new BigDecimal("80.25"), null))
                .expectEvents(new DemandAmendedEvent(MONTHLY_ID, OP, MONTHLY, DeclarationKind.ENERGY, DECEMBER, UNIT,
                        new BigDecimal("80.250"), null, 2));
    }

    @Test
    void aWithdrawnDeclarationMayBeDeclaredAgainWithoutASecondDeadline() {
        fixture.given(declaredMonthly("100.000", 1), new DemandWithdrawnEvent(MONTHLY_ID, OP, MONTHLY, DECEMBER, UNIT, 2))
                .when(declareMonthly("90"))
                .expectEvents(declaredMonthly("90.000", 3))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aWithdrawalIsRecordedAndAWithdrawnDeclarationCannotBeAmended() {
        fixture.given(declaredMonthly("100.000", 1))
                .when(new WithdrawDemandCommand(OP, MONTHLY, DECEMBER, UNIT))
                .expectEvents(new DemandWithdrawnEvent(MONTHLY_ID, OP, MONTHLY, DECEMBER, UNIT, 2));
        fixture.given(declaredMonthly("100.000", 1), new DemandWithdrawnEvent(MONTHLY_ID, OP, MONTHLY, DECEMBER, UNIT, 2))
                .when(new AmendDemandCommand(OP, MONTHLY, DECEMBER, UNIT, BigDecimal.ONE, null))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-DECL-WITHDRAWN"));
    }

    @Test
    void aDeclarationAtTheGateIsRefusedWithTheGateInShanghaiTime() {
        clock.set(MONTHLY_GATE);
        fixture.givenCurrentTime(MONTHLY_GATE)
                .when(declareMonthly("100"))
                .expectException(allOf(refused(ErrorCategory.UNPROCESSABLE, "ICC-DECL-GATE-CLOSED"), showsGate("2026-11-20 17:00")))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void anAmendmentAfterTheGateIsRefusedEvenBeforeTheDeadlineHasFired() {
        clock.set(MONTHLY_GATE.plusSeconds(1));
        fixture.given(declaredMonthly("100.000", 1))
                .when(new AmendDemandCommand(OP, MONTHLY, DECEMBER, UNIT, BigDecimal.TEN, null))
                .expectException(allOf(refused(ErrorCategory.UNPROCESSABLE, "ICC-DECL-GATE-CLOSED"), showsGate("2026-11-20 17:00")))
                .expectNoEvents();
    }

    @Test
    void theGateClosureDeadlineFreezesTheDeclarationAsItStands() {
        fixture.givenCurrentTime(EARLY)
                .andGivenCommands(declareMonthly("100"), new AmendDemandCommand(OP, MONTHLY, DECEMBER, UNIT, new BigDecimal("75"), null))
                .whenTimeAdvancesTo(MONTHLY_GATE)
                .expectTriggeredDeadlinesWithName(DemandDeclaration.GATE_DEADLINE)
                .expectEvents(new DemandDeclarationFrozenEvent(MONTHLY_ID, OP, MONTHLY, DeclarationKind.ENERGY, DECEMBER, UNIT, MONTHLY_GATE,
                        DeclarationStatus.DECLARED, new BigDecimal("75.000"), null, 2));
    }

    @Test
    void aWithdrawnDeclarationFreezesAsWithdrawn() {
        fixture.givenCurrentTime(EARLY)
                .andGivenCommands(declareMonthly("100"), new WithdrawDemandCommand(OP, MONTHLY, DECEMBER, UNIT))
                .whenTimeAdvancesTo(MONTHLY_GATE)
                .expectEvents(new DemandDeclarationFrozenEvent(MONTHLY_ID, OP, MONTHLY, DeclarationKind.ENERGY, DECEMBER, UNIT, MONTHLY_GATE,
                        DeclarationStatus.WITHDRAWN, null, null, 2));
    }

    @Test
    void aFrozenDeclarationRefusesAmendmentWithdrawalAndRedeclaration() {
        DemandDeclarationFrozenEvent frozen = new DemandDeclarationFrozenEvent(MONTHLY_ID, OP, MONTHLY, DeclarationKind.ENERGY, DECEMBER,
                UNIT, MONTHLY_GATE, DeclarationStatus.DECLARED, new BigDecimal("100.000"), null, 1);
        fixture.given(declaredMonthly("100.000", 1), frozen)
                .when(new AmendDemandCommand(OP, MONTHLY, DECEMBER, UNIT, BigDecimal.TEN, null))
                .expectException(allOf(refused(ErrorCategory.UNPROCESSABLE, "ICC-DECL-GATE-CLOSED"), showsGate("2026-11-20 17:00")));
        fixture.given(declaredMonthly("100.000", 1), frozen)
                .when(new WithdrawDemandCommand(OP, MONTHLY, DECEMBER, UNIT))
                .expectException(refused(ErrorCategory.UNPROCESSABLE, "ICC-DECL-GATE-CLOSED"));
        fixture.given(declaredMonthly("100.000", 1), new DemandWithdrawnEvent(MONTHLY_ID, OP, MONTHLY, DECEMBER, UNIT, 2), frozen)
                .when(declareMonthly("5"))
                .expectException(refused(ErrorCategory.UNPROCESSABLE, "ICC-DECL-GATE-CLOSED"));
    }

    @Test
    void amendingOrWithdrawingWhatWasNeverDeclaredIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new AmendDemandCommand(OP, MONTHLY, DECEMBER, UNIT, BigDecimal.TEN, null))
                .expectException(refused(ErrorCategory.NOT_FOUND, "ICC-DECL-UNKNOWN"));
        fixture.givenNoPriorActivity()
                .when(new WithdrawDemandCommand(OP, MONTHLY, DECEMBER, UNIT))
                .expectException(refused(ErrorCategory.NOT_FOUND, "ICC-DECL-UNKNOWN"));
    }

    @Test
    void anUnknownProductOrAPeriodNotStartingAMonthIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new DeclareDemandCommand(OP, "FUTURES", DECEMBER, UNIT, BigDecimal.ONE, null))
                .expectException(refused(ErrorCategory.INVALID, "ICC-DECL-PRODUCT-UNKNOWN"));
        setUp(); // a fixture serves one aggregate id
        fixture.givenNoPriorActivity()
                .when(new DeclareDemandCommand(OP, MONTHLY, LocalDate.of(2026, 12, 2), UNIT, BigDecimal.ONE, null))
                .expectException(refused(ErrorCategory.INVALID, "ICC-DECL-PERIOD-INVALID"));
        setUp();
        fixture.givenNoPriorActivity()
                .when(new DeclareDemandCommand(OP, "MLT_WEEKLY", LocalDate.of(2026, 12, 8), UNIT, BigDecimal.ONE, null))
                .expectException(refused(ErrorCategory.INVALID, "ICC-DECL-PERIOD-INVALID"));
    }

    @Test
    void energyMustBeNonNegativeWithAtMostThreeDecimalsAndGivenForEnergyProductsOnly() {
        fixture.givenNoPriorActivity().when(declareMonthly("-1"))
                .expectException(refused(ErrorCategory.INVALID, "ICC-DECL-NEGATIVE"));
        fixture.givenNoPriorActivity().when(declareMonthly("1.0005"))
                .expectException(refused(ErrorCategory.INVALID, "ICC-DECL-PRECISION"));
        fixture.givenNoPriorActivity().when(new DeclareDemandCommand(OP, MONTHLY, DECEMBER, UNIT, null, null))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FIELD-REQUIRED"));
        fixture.givenNoPriorActivity().when(new DeclareDemandCommand(OP, MONTHLY, DECEMBER, UNIT, BigDecimal.ONE, curve("1", 96)))
                .expectException(refused(ErrorCategory.INVALID, "ICC-DECL-KIND-MISMATCH"));
    }

    @Test
    void aCurveNeedsExactlyNinetySixNonNegativePoints() {
        fixture.givenNoPriorActivity().when(new DeclareDemandCommand(OP, "DAY_AHEAD", DAY, UNIT, null, curve("1", 95)))
                .expectException(refused(ErrorCategory.INVALID, "ICC-DECL-CURVE-POINTS"));
        List<BigDecimal> negative = curve("1", 96);
        negative.set(40, new BigDecimal("-0.001"));
        fixture.givenNoPriorActivity().when(new DeclareDemandCommand(OP, "DAY_AHEAD", DAY, UNIT, null, negative))
                .expectException(refused(ErrorCategory.INVALID, "ICC-DECL-NEGATIVE"));
        fixture.givenNoPriorActivity().when(new DeclareDemandCommand(OP, "DAY_AHEAD", DAY, UNIT, BigDecimal.ONE, curve("1", 96)))
                .expectException(refused(ErrorCategory.INVALID, "ICC-DECL-KIND-MISMATCH"));
    }

    @Test
    void aDeclarationForAnUnknownUnitIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new DeclareDemandCommand(OP, MONTHLY, DECEMBER, new AggregationUnitId("AU-NONE"), BigDecimal.ONE, null))
                .expectException(refused(ErrorCategory.NOT_FOUND, "ICC-UNIT-UNKNOWN"));
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

    /** A clock the test moves. */
    static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
