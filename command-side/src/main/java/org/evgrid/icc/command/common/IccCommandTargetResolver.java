package org.evgrid.icc.command.common;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.evgrid.icc.coreapi.common.Identifier;
import org.springframework.stereotype.Component;

/**
 * Routes a command to the aggregate's event stream: the {@code @TargetAggregateIdentifier} of the command, turned into
 * its {@link StreamIds stream id}. Every aggregate of this module names this bean in {@code @Aggregate}.
 */
@Component(IccCommandTargetResolver.BEAN_NAME)
public class IccCommandTargetResolver implements CommandTargetResolver {

    /** The bean name the aggregates refer to. */
    public static final String BEAN_NAME = "iccCommandTargetResolver";

    private final CommandTargetResolver annotations = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        VersionedAggregateIdentifier target = annotations.resolveTarget(command);
        Object id = target.getIdentifierValue();
        if (id instanceof Identifier identifier) {
            return new VersionedAggregateIdentifier(StreamIds.of(identifier), target.getVersion());
        }
        return target;
    }
}
