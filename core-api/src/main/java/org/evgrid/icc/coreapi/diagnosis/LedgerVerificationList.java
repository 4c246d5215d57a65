package org.evgrid.icc.coreapi.diagnosis;

import java.util.List;

/** Background ledger verifications, newest first. */
public record LedgerVerificationList(
        List<LedgerVerificationRecord> items) {
}
