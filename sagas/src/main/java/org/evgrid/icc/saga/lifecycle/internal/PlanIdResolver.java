package org.evgrid.icc.saga.lifecycle.internal;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.modelling.saga.AssociationResolver;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanId;
import org.evgrid.icc.coreapi.dr.DrEventOptedInEvent;
import org.evgrid.icc.coreapi.market.BidClearedEvent;

/**
 * Resolves the dispatch plan id a starting event leads to (a cleared bid: {@code DP-<bid>}; a unit's opt-in to a
 * demand response event: {@code DP-<event>-<unit>}), so each plan gets its own saga even when several units take part
 * in one event.
 */
public class PlanIdResolver implements AssociationResolver {

    @Override
    public <T> void validate(String associationPropertyName, MessageHandlingMember<T> handler) {
        Class<?> payload = handler.payloadType();
        if (!BidClearedEvent.class.equals(payload) && !DrEventOptedInEvent.class.equals(payload)) {
            throw new IllegalStateException("The plan id can be resolved only from a cleared bid or a demand response opt-in, not "
                    + payload.getName());
        }
    }

    @Override
    public <T> Object resolve(String associationPropertyName, EventMessage<?> message, MessageHandlingMember<T> handler) {
        Object payload = message.getPayload();
        if (payload instanceof BidClearedEvent cleared) {
            return DispatchPlanId.forBid(cleared.bidId()).value();
        }
        if (payload instanceof DrEventOptedInEvent optedIn) {
            return DispatchPlanId.forDrEvent(optedIn.eventId(), optedIn.unitId()).value();
        }
        return null;
    }
}
