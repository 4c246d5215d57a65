package org.evgrid.icc.coreapi.diagnosis;

/** The newest background ledger verifications, newest first (answers a {@link LedgerVerificationList}). */
public record FindLedgerVerificationsQuery(
        int limit) {
}
