package org.evgrid.icc.command.auditlog;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.regex.Pattern;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.evgrid.icc.command.common.IccCommandTargetResolver;
import org.evgrid.icc.command.common.Refusal;
import org.evgrid.icc.coreapi.auditlog.AuditLogSealedEvent;
import org.evgrid.icc.coreapi.auditlog.SealAuditLogCommand;

/**
 * A seal of the audit log of business operations (R-6.2a), stream {@code audit-log-seal:<uptoSequence>}: the chain head
 * of the log up to a record, signed by the center, so that it is kept in the event store and the hash-chained ledger.
 * Sealing the same record twice is refused by the event store (the stream exists).
 */
@Aggregate(commandTargetResolver = IccCommandTargetResolver.BEAN_NAME)
public class AuditLogSeal {

    /** The stream kind. */
    public static final String KIND = "audit-log-seal";

    private static final Pattern HEX_256 = Pattern.compile("[0-9a-f]{64}");

    @AggregateIdentifier
    private String streamId;

    /** For Axon. */
    public AuditLogSeal() {
    }

    /** Seals the log up to a record. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public void handle(SealAuditLogCommand command) {
        if (command.uptoSequence() < 1) {
            throw Refusal.invalid("ICC-AUDITLOG-SEQUENCE", "uptoSequence", "封存的审计记录序号必须从 1 起",
                    "The sealed audit record number must be 1 or more", "Seal a record that exists (numbers start at 1)").exception();
        }
        if (command.chainHead() == null || !HEX_256.matcher(command.chainHead()).matches()) {
            throw Refusal.invalid("ICC-AUDITLOG-HEAD", "chainHead", "审计日志链头必须是 64 位小写十六进制摘要",
                    "The audit log chain head must be 64 lower-case hex characters", "Send the chain hash of the sealed record").exception();
        }
        apply(new AuditLogSealedEvent(command.uptoSequence(), command.chainHead()));
    }

    @EventSourcingHandler
    void on(AuditLogSealedEvent event) {
        streamId = KIND + ":" + event.uptoSequence();
    }
}
