package org.evgrid.icc.coreapi.archive;

/** Whether an operator may register and send data. */
public enum OperatorStatus {
    ACTIVE,
    SUSPENDED
}
