package org.evgrid.icc.command.dr;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.evgrid.icc.command.common.IccCommandTargetResolver;
import org.evgrid.icc.command.common.StreamIds;
import org.evgrid.icc.command.common.Texts;
import org.evgrid.icc.command.dr.internal.DrRules;
import org.evgrid.icc.coreapi.dr.DrProgramRegisteredEvent;
import org.evgrid.icc.coreapi.dr.RegisterDrProgramCommand;

/**
 * A demand response program of the dispatch center, stream {@code dr-program:<id>}: registered, and registered again
 * to update it (version 1, 2, …). The same registration sent again changes nothing.
 */
@Aggregate(commandTargetResolver = IccCommandTargetResolver.BEAN_NAME)
public class DrProgram {

    private static final int MAX_NAME = 100;
    private static final int MAX_REF = 64;

    @AggregateIdentifier
    private String streamId;
    private DrProgramRegisteredEvent current;

    /** For Axon. */
    public DrProgram() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterDrProgramCommand command) {
        String name = Texts.required(command.name(), "name", "项目名称", "program name", MAX_NAME);
        if (command.type() == null) {
            throw Texts.missing("type", "项目类型", "program type (PEAK_SHAVING or VALLEY_FILLING)").exception();
        }
        if (command.baselineRule() == null) {
            throw Texts.missing("baselineRule", "基线规则", "baseline rule").exception();
        }
        if (command.priceCnyPerMwh() == null) {
            throw Texts.missing("priceCnyPerMwh", "补偿价格（元/兆瓦时）", "compensation price (CNY/MWh)").exception();
        }
        DrRules.amount(command.priceCnyPerMwh(), "priceCnyPerMwh", "补偿价格", "The compensation price", DrRules.PRICE_SCALE);
        BigDecimal price = DrRules.scaled(command.priceCnyPerMwh(), DrRules.PRICE_SCALE);
        String settlementRuleRef = Texts.optional(command.settlementRuleRef(), "settlementRuleRef", "结算规则", "settlement rule", MAX_REF);
        int version = current == null ? 1 : current.version() + 1;
        DrProgramRegisteredEvent registered = new DrProgramRegisteredEvent(command.programId(), name, command.type(),
                command.baselineRule(), price, settlementRuleRef, version);
        if (current != null && registered.equals(new DrProgramRegisteredEvent(current.programId(), current.name(), current.type(),
                current.baselineRule(), current.priceCnyPerMwh(), current.settlementRuleRef(), version))) {
            return;
        }
        apply(registered);
    }

    @EventSourcingHandler
    void on(DrProgramRegisteredEvent event) {
        streamId = StreamIds.of(event.programId());
        current = event;
    }
}
