package org.evgrid.icc.command.archive;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.evgrid.icc.command.common.IccCommandTargetResolver;
import org.evgrid.icc.command.common.StreamIds;
import org.evgrid.icc.command.archive.internal.ArchiveRules;
import org.evgrid.icc.command.common.Refusal;
import org.evgrid.icc.command.common.Texts;
import org.evgrid.icc.coreapi.archive.AggregationUnitCreatedEvent;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.CreateAggregationUnitCommand;
import org.evgrid.icc.coreapi.archive.DispatchAreaId;

/**
 * An aggregation unit: piles of one dispatch area traded as one. Membership is recorded on the piles
 * ({@link UnitMembershipHandler}); a repeated unit id is refused with {@code ICC-UNIT-EXISTS}.
 */
@Aggregate(commandTargetResolver = IccCommandTargetResolver.BEAN_NAME)
public class AggregationUnit {

    @AggregateIdentifier
    private String streamId;
    private AggregationUnitId unitId;
    private DispatchAreaId dispatchAreaId;

    /** For Axon. */
    public AggregationUnit() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CreateAggregationUnitCommand command) {
        String name = ArchiveRules.name(command.name(), "name", "聚合单元名称", "unit name");
        if (command.dispatchAreaId() == null) {
            throw Texts.missing("dispatchAreaId", "调度区域", "dispatch area").exception();
        }
        String provinceCode = ArchiveRules.provinceCode(command.provinceCode(), "provinceCode");
        if (unitId != null) {
            throw Refusal.conflict("ICC-UNIT-EXISTS", "unitId",
                    "聚合单元 " + unitId + " 已存在", "Aggregation unit " + unitId + " already exists",
                    "Choose another unit id").exception();
        }
        apply(new AggregationUnitCreatedEvent(command.unitId(), name, command.dispatchAreaId(), provinceCode));
    }

    DispatchAreaId dispatchAreaId() {
        return dispatchAreaId;
    }

    @EventSourcingHandler
    void on(AggregationUnitCreatedEvent event) {
        streamId = StreamIds.of(event.unitId());
        unitId = event.unitId();
        dispatchAreaId = event.dispatchAreaId();
    }
}
