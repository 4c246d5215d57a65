package org.evgrid.icc.command.market;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

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
import org.evgrid.icc.coreapi.market.DefineMarketProductCommand;
import org.evgrid.icc.coreapi.market.MarketProductCode;
import org.evgrid.icc.coreapi.market.MarketProductDefinedEvent;
import org.evgrid.icc.coreapi.market.MarketProductRetiredEvent;
import org.evgrid.icc.coreapi.market.RetireMarketProductCommand;

/**
 * A market product's configuration, stream {@code product:<code>}: each DefineMarketProduct is a new version
 * (1, 2, …; a retired product defined again is back in service), RetireMarketProduct takes it out of service. A default
 * product ({@code MarketProducts.defaultRules()}) applies until it is first defined and may be retired without being
 * defined; any other code must be defined first. {@link MarketProductCatalogue} keeps what bids check against.
 */
@Aggregate(commandTargetResolver = IccCommandTargetResolver.BEAN_NAME)
public class MarketProduct {

    private static final int MAX_REASON = 500;

    @AggregateIdentifier
    private String streamId;
    private MarketProductCode code;
    private int version;
    private boolean defined;
    private boolean retired;

    /** For Axon. */
    public MarketProduct() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DefineMarketProductCommand command) {
        if (command.rule() == null) {
            throw Texts.missing("rule", "交易品种规则", "product rule").exception();
        }
        String reason = Texts.required(command.reason(), "reason", "变更原因", "reason", MAX_REASON);
        apply(new MarketProductDefinedEvent(command.productCode(), command.rule(), version + 1, reason));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RetireMarketProductCommand command) {
        MarketProductCode product = command.productCode();
        if (!defined && !retired && !MarketProductCatalogue.isDefault(product.value())) {
            throw Refusal.notFound("ICC-PRODUCT-UNKNOWN", "productCode",
                    "交易品种 " + product + " 不存在", "Market product " + product + " does not exist",
                    "Check the product code; define the product first (DefineMarketProduct)").exception();
        }
        if (retired) {
            throw Refusal.conflict("ICC-PRODUCT-RETIRED", "productCode",
                    "交易品种 " + product + " 已停用", "Market product " + product + " is already retired",
                    "Nothing to do; define it again to bring it back into service").exception();
        }
        String reason = Texts.required(command.reason(), "reason", "停用原因", "reason", MAX_REASON);
        apply(new MarketProductRetiredEvent(product, version + 1, reason));
    }

    @EventSourcingHandler
    void on(MarketProductDefinedEvent event) {
        streamId = StreamIds.of(event.productCode());
        code = event.productCode();
        version = event.version();
        defined = true;
        retired = false;
    }

    @EventSourcingHandler
    void on(MarketProductRetiredEvent event) {
        streamId = StreamIds.of(event.productCode());
        code = event.productCode();
        version = event.version();
        retired = true;
    }
}
