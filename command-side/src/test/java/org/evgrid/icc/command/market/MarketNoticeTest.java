package org.evgrid.icc.command.market;

import static org.evgrid.icc.command.common.Refused.refused;

import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.evgrid.icc.command.common.IccCommandTargetResolver;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.market.MarketNoticeId;
import org.evgrid.icc.coreapi.market.MarketNoticePublishedEvent;
import org.evgrid.icc.coreapi.market.PublishMarketNoticeCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MarketNoticeTest {

    private static final MarketNoticeId ID = new MarketNoticeId("MN-20261201-001");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final MarketNoticePublishedEvent PUBLISHED = new MarketNoticePublishedEvent(ID, "DAY_AHEAD", DAY, "INFO",
            "日前市场延迟出清", "预计 18:00 发布出清结果");

    private AggregateTestFixture<MarketNotice> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MarketNotice.class);
        fixture.registerCommandTargetResolver(new IccCommandTargetResolver());
    }

    private static PublishMarketNoticeCommand publish(String title, String body) {
        return new PublishMarketNoticeCommand(ID, "DAY_AHEAD", DAY, "INFO", title, body);
    }

    @Test
    void aNoticeIsPublishedOnceAndTheSameNoticeAgainChangesNothing() {
        fixture.givenNoPriorActivity()
                .when(publish(" 日前市场延迟出清 ", "预计 18:00 发布出清结果"))
                .expectEvents(PUBLISHED);
        setUp();
        fixture.given(PUBLISHED)
                .when(publish("日前市场延迟出清", "预计 18:00 发布出清结果"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDifferentNoticeUnderTheSameIdIsRefused() {
        fixture.given(PUBLISHED)
                .when(publish("日前市场延迟出清", "预计 19:00 发布出清结果"))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-NOTICE-CONFLICT"))
                .expectNoEvents();
    }

    @Test
    void aNoticeNeedsATitle() {
        fixture.givenNoPriorActivity()
                .when(publish("  ", "正文"))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FIELD-REQUIRED"))
                .expectNoEvents();
    }
}
