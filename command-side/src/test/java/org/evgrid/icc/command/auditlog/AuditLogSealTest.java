package org.evgrid.icc.command.auditlog;

import static org.evgrid.icc.command.common.Refused.refused;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.evgrid.icc.command.common.IccCommandTargetResolver;
import org.evgrid.icc.coreapi.auditlog.AuditLogSealedEvent;
import org.evgrid.icc.coreapi.auditlog.SealAuditLogCommand;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditLogSealTest {

    private static final String HEAD = "ab".repeat(32);

    private AggregateTestFixture<AuditLogSeal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AuditLogSeal.class);
        fixture.registerCommandTargetResolver(new IccCommandTargetResolver());
    }

    @Test
    void theCenterSealsTheLogUpToARecordWithItsChainHead() {
        fixture.givenNoPriorActivity()
                .when(new SealAuditLogCommand(42, HEAD))
                .expectEvents(new AuditLogSealedEvent(42, HEAD));
    }

    @Test
    void aSealBeforeTheFirstRecordIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new SealAuditLogCommand(0, HEAD))
                .expectException(refused(ErrorCategory.INVALID, "ICC-AUDITLOG-SEQUENCE"))
                .expectNoEvents();
    }

    @Test
    void aChainHeadThatIsNotADigestIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new SealAuditLogCommand(1, "ABC"))
                .expectException(refused(ErrorCategory.INVALID, "ICC-AUDITLOG-HEAD"))
                .expectNoEvents();
    }
}
