package org.evgrid.icc.infra.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.axonframework.deadline.DeadlineException;
import org.axonframework.deadline.jobrunr.JobRunrDeadlineManager;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.ScheduledState;
import org.jobrunr.storage.StorageProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's JobRunr deadline manager, never early. JobRunr OSS enqueues the jobs due within the next poll interval, so a
 * worker may pick a deadline up to one poll interval before it is due; this manager then waits until the due time (at
 * most {@code maxWait}) before handing the deadline to its saga or aggregate.
 *
 * <p>JobRunr stores this class's name in every deadline job and finds the bean again by it when the job runs: renaming
 * or moving this class strands the deadlines already scheduled.
 */
public final class OnTimeJobRunrDeadlineManager extends JobRunrDeadlineManager {

    private static final Logger LOG = LoggerFactory.getLogger(OnTimeJobRunrDeadlineManager.class);

    private final StorageProvider storage;
    private final Duration maxWait;

    /**
     * @param builder Axon's builder, filled in
     * @param storage JobRunr's store, to read the job's due time
     * @param maxWait the longest wait for a job picked up early (more than JobRunr's poll interval)
     */
    public OnTimeJobRunrDeadlineManager(Builder builder, StorageProvider storage, Duration maxWait) {
        super(builder);
        this.storage = storage;
        this.maxWait = maxWait;
    }

    @Override
    public void execute(String serializedDeadlineDetails, String deadlineId) {
        if (deadlineId != null) {
            waitUntilDue(deadlineId);
        }
        super.execute(serializedDeadlineDetails, deadlineId);
    }

    private void waitUntilDue(String deadlineId) {
        Job job = storage.getJobById(UUID.fromString(deadlineId));
        Instant dueAt = job.getLastJobStateOfType(ScheduledState.class).map(ScheduledState::getScheduledAt).orElse(null);
        if (dueAt == null) {
            return;
        }
        Duration early = Duration.between(Instant.now(), dueAt);
        if (early.isNegative() || early.isZero()) {
            return;
        }
        LOG.debug("Deadline {} picked up {} ms early; waiting", deadlineId, early.toMillis());
        try {
            Thread.sleep(Math.min(early.toMillis() + 1, maxWait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // Stopping: JobRunr runs the job again after the restart.
            throw new DeadlineException("Interrupted while waiting for the deadline's due time", e);
        }
    }
}
