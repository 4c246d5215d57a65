package org.evgrid.icc.command.market;

import static org.evgrid.icc.command.common.Refused.refused;

import java.time.LocalTime;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.evgrid.icc.command.common.IccCommandTargetResolver;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.declaration.DeclarationKind;
import org.evgrid.icc.coreapi.declaration.GateAnchor;
import org.evgrid.icc.coreapi.declaration.GateClosureRule;
import org.evgrid.icc.coreapi.declaration.PeriodType;
import org.evgrid.icc.coreapi.market.DefineMarketProductCommand;
import org.evgrid.icc.coreapi.market.MarketProductCode;
import org.evgrid.icc.coreapi.market.MarketProductDefinedEvent;
import org.evgrid.icc.coreapi.market.MarketProductRetiredEvent;
import org.evgrid.icc.coreapi.market.MarketProductRule;
import org.evgrid.icc.coreapi.market.MarketSegment;
import org.evgrid.icc.coreapi.market.RetireMarketProductCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MarketProductTest {

    static final MarketProductRule DAY_AHEAD_AT_NINE = new MarketProductRule("DAY_AHEAD", "日前现货", "Day-ahead spot",
            MarketSegment.DAY_AHEAD_SPOT, DeclarationKind.CURVE, PeriodType.DAY,
            new GateClosureRule(GateAnchor.DAYS_BEFORE_PERIOD, 1, LocalTime.of(9, 0)), "SR-SPOT-DA");
    static final MarketProductRule CAPACITY = new MarketProductRule("CAPACITY", "容量", "Capacity", MarketSegment.MEDIUM_LONG_TERM,
            DeclarationKind.ENERGY, PeriodType.MONTH, new GateClosureRule(GateAnchor.DAY_OF_PREVIOUS_MONTH, 10, LocalTime.NOON), "SR-CAP");
    private static final MarketProductCode DA = new MarketProductCode("DAY_AHEAD");
    private static final MarketProductCode CAP = new MarketProductCode("CAPACITY");

    private AggregateTestFixture<MarketProduct> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MarketProduct.class);
        fixture.registerCommandTargetResolver(new IccCommandTargetResolver());
    }

    @Test
    void eachDefinitionIsANewVersion() {
        fixture.givenNoPriorActivity()
                .when(new DefineMarketProductCommand(DAY_AHEAD_AT_NINE, "交易中心调整截止时间"))
                .expectEvents(new MarketProductDefinedEvent(DA, DAY_AHEAD_AT_NINE, 1, "交易中心调整截止时间"));
        setUp();
        fixture.given(new MarketProductDefinedEvent(DA, DAY_AHEAD_AT_NINE, 1, "r"))
                .when(new DefineMarketProductCommand(DAY_AHEAD_AT_NINE, " again "))
                .expectEvents(new MarketProductDefinedEvent(DA, DAY_AHEAD_AT_NINE, 2, "again"));
    }

    @Test
    void aDefinitionNeedsAReason() {
        fixture.givenNoPriorActivity()
                .when(new DefineMarketProductCommand(CAPACITY, " "))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FIELD-REQUIRED"))
                .expectNoEvents();
    }

    @Test
    void aDefaultProductMayBeRetiredWithoutBeingDefinedButOnlyOnce() {
        fixture.givenNoPriorActivity()
                .when(new RetireMarketProductCommand(DA, "停止日前交易"))
                .expectEvents(new MarketProductRetiredEvent(DA, 1, "停止日前交易"));
        setUp();
        fixture.given(new MarketProductRetiredEvent(DA, 1, "r"))
                .when(new RetireMarketProductCommand(DA, "again"))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-PRODUCT-RETIRED"))
                .expectNoEvents();
    }

    @Test
    void anUnknownProductCannotBeRetiredAndARetiredOneIsBackInServiceWhenDefinedAgain() {
        fixture.givenNoPriorActivity()
                .when(new RetireMarketProductCommand(CAP, "r"))
                .expectException(refused(ErrorCategory.NOT_FOUND, "ICC-PRODUCT-UNKNOWN"))
                .expectNoEvents();
        setUp();
        fixture.given(new MarketProductDefinedEvent(CAP, CAPACITY, 1, "r"), new MarketProductRetiredEvent(CAP, 2, "r"))
                .when(new DefineMarketProductCommand(CAPACITY, "恢复"))
                .expectEvents(new MarketProductDefinedEvent(CAP, CAPACITY, 3, "恢复"));
        setUp();
        fixture.given(new MarketProductDefinedEvent(CAP, CAPACITY, 1, "r"))
                .when(new RetireMarketProductCommand(CAP, " "))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FIELD-REQUIRED"))
                .expectNoEvents();
    }
}
