package org.evgrid.icc.command.market;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.Objects;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.evgrid.icc.command.common.IccCommandTargetResolver;
import org.evgrid.icc.command.common.Refusal;
import org.evgrid.icc.command.common.StreamIds;
import org.evgrid.icc.command.common.Texts;
import org.evgrid.icc.coreapi.market.MarketNoticeId;
import org.evgrid.icc.coreapi.market.MarketNoticePublishedEvent;
import org.evgrid.icc.coreapi.market.PublishMarketNoticeCommand;

/**
 * A market notice from the exchange, stream {@code notice:<id>}: published once; the same notice sent again changes
 * nothing (the gateway may re-deliver), a different one under the same id is refused ({@code ICC-NOTICE-CONFLICT}).
 */
@Aggregate(commandTargetResolver = IccCommandTargetResolver.BEAN_NAME)
public class MarketNotice {

    private static final int MAX_TITLE = 200;
    private static final int MAX_BODY = 20_000;
    private static final int MAX_SHORT = 64;

    @AggregateIdentifier
    private String streamId;
    private MarketNoticePublishedEvent published;

    /** For Axon. */
    public MarketNotice() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(PublishMarketNoticeCommand command) {
        String title = Texts.required(command.title(), "title", "公告标题", "title", MAX_TITLE);
        String body = Texts.optional(command.body(), "body", "公告正文", "body", MAX_BODY);
        String product = Texts.optional(command.product(), "product", "交易品种", "product", MAX_SHORT);
        String level = Texts.optional(command.level(), "level", "公告级别", "level", MAX_SHORT);
        LocalDate tradingDay = command.tradingDay();
        MarketNoticePublishedEvent notice = new MarketNoticePublishedEvent(command.noticeId(), product, tradingDay, level, title, body);
        if (published != null) {
            if (Objects.equals(published, notice)) {
                return;
            }
            MarketNoticeId id = command.noticeId();
            throw Refusal.conflict("ICC-NOTICE-CONFLICT", "noticeId",
                    "市场公告 " + id + " 已以不同内容发布过", "Market notice " + id + " was already published with different content",
                    "Publish the changed notice under a new notice id").exception();
        }
        apply(notice);
    }

    @EventSourcingHandler
    void on(MarketNoticePublishedEvent event) {
        streamId = StreamIds.of(event.noticeId());
        published = event;
    }
}
