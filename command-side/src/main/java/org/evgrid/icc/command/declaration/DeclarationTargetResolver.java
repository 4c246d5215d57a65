package org.evgrid.icc.command.declaration;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.evgrid.icc.coreapi.declaration.DeclarationId;
import org.springframework.stereotype.Component;

/**
 * Routes declaration commands to their stream {@code declaration:<declaration id>} (the prefixed-id scheme of ADR 0006,
 * kept here so the shared stream-id table need not know declarations).
 */
@Component(DeclarationTargetResolver.BEAN_NAME)
public class DeclarationTargetResolver implements CommandTargetResolver {

    /** The bean name {@link DemandDeclaration} refers to. */
    public static final String BEAN_NAME = "declarationTargetResolver";

    /** The stream kind of declarations. */
    public static final String KIND = "declaration";

    private final CommandTargetResolver annotations = AnnotationCommandTargetResolver.builder().build();

    /** The stream id of a declaration. */
    public static String streamId(DeclarationId id) {
        return KIND + ":" + id.value();
    }

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        VersionedAggregateIdentifier target = annotations.resolveTarget(command);
        if (target.getIdentifierValue() instanceof DeclarationId id) {
            return new VersionedAggregateIdentifier(streamId(id), target.getVersion());
        }
        return target;
    }
}
