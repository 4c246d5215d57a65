package org.evgrid.icc.coreapi.security;

import org.evgrid.icc.coreapi.archive.OperatorId;

/**
 * A command about one charging operator's data. A key of {@link Role#OPERATOR_PLATFORM} may sign it only for its
 * own operator; the aggregate checks that the addressed object belongs to that operator.
 */
public interface OperatorScoped {

    /** The operator whose data the command changes. */
    OperatorId operatorId();
}
