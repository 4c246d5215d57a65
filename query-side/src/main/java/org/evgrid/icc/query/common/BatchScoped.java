package org.evgrid.icc.query.common;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * One writer per processor batch. Inside a unit of work the writer is a resource of the root unit of work and is
 * flushed while the batch's last event is handled (so the writes reach the store before the tracking processor stores
 * its token, which Axon does in a prepare-commit step registered before ours), with a flush at prepare-commit as a
 * fallback; outside one, the writes are flushed at once. Flushing must be safe to repeat.
 */
public final class BatchScoped {

    private BatchScoped() {
    }

    /** Runs {@code work} against the current batch's writer, created by {@code create} and written by {@code flush}. */
    public static <W> void within(String resourceKey, Supplier<W> create, Consumer<W> flush, Consumer<W> work) {
        if (!CurrentUnitOfWork.isStarted()) {
            W writer = create.get();
            work.accept(writer);
            flush.accept(writer);
            return;
        }
        UnitOfWork<?> current = CurrentUnitOfWork.get();
        UnitOfWork<?> root = current.root();
        W writer = root.getOrComputeResource(resourceKey, key -> {
            W created = create.get();
            root.onPrepareCommit(uow -> flush.accept(created));
            return created;
        });
        work.accept(writer);
        if (current instanceof BatchingUnitOfWork<?> batch && batch.isLastMessage()) {
            flush.accept(writer);
        }
    }
}
