package org.evgrid.icc.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.bson.Document;
import org.evgrid.icc.infra.axon.DeadlineConfig;
import org.evgrid.icctest.deadline.DeadlineProbeConfig;
import org.evgrid.icctest.deadline.DeadlineProbeSaga;
import org.evgrid.icctest.deadline.DeadlineProbeSaga.ProbeCancelled;
import org.evgrid.icctest.deadline.DeadlineProbeSaga.ProbeStarted;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.ProcessingState;
import org.jobrunr.storage.Paging;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Deadlines are kept in the store: one scheduled before a stop fires after the next start; one cancelled by its
 * schedule id never fires; none fires before its due time, even when JobRunr picks it up early. A test-only saga
 * ({@link DeadlineProbeSaga}) schedules them and records their firing.
 */
class DeadlineRestartIT {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineRestartIT.class);
    /** JobRunr's smallest poll interval on a database store (the default of {@code icc.deadlines.poll-interval}). */
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(5);

    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(IccApplication.class, DeadlineProbeConfig.class).run("--icc.data-dir=" + data,
                "--server.port=0", "--icc.demo.enabled=false", "--icc.deadlines.poll-interval=" + POLL_INTERVAL,
                "--axon.eventhandling.processors." + DeadlineProbeSaga.PROCESSING_GROUP + ".mode=subscribing");
    }

    private static Document fired(ConfigurableApplicationContext ctx, String probeId) {
        return ctx.getBean(MongoDatabase.class).getCollection(DeadlineProbeSaga.FIRED).find(Filters.eq("_id", probeId)).first();
    }

    private static Instant firedAt(ConfigurableApplicationContext ctx, String probeId) {
        return Instant.parse(fired(ctx, probeId).getString("firedAt"));
    }

    private static long jobsIn(ConfigurableApplicationContext ctx, String state) {
        return ctx.getBean(MongoDatabase.class).getCollection(DeadlineConfig.COLLECTION_PREFIX + "jobs").countDocuments(Filters.eq("state", state));
    }

    private static void awaitFired(ConfigurableApplicationContext ctx, String probeId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> fired(ctx, probeId) != null);
    }

    @Test
    void aDeadlineScheduledBeforeAStopFiresAfterTheNextStart() throws Exception {
        Path data = Files.createTempDirectory("icc-deadline-it");
        Instant dueAt;
        ConfigurableApplicationContext first = start(data);
        try {
            dueAt = Instant.now().plusSeconds(15);
            first.getBean(EventGateway.class).publish(new ProbeStarted("survivor", dueAt));
            assertThat(jobsIn(first, "SCHEDULED")).as("the deadline is a job in the store").isEqualTo(1);
        } finally {
            first.close();
        }
        Instant stopped = Instant.now();
        assertThat(stopped).as("the first run ended before the deadline was due (else this test proves nothing)").isBefore(dueAt);

        try (ConfigurableApplicationContext second = start(data)) {
            awaitFired(second, "survivor");
            Instant firedAt = firedAt(second, "survivor");
            LOG.info("Deadline due {} fired {} ms after its due time, after a restart (the first run stopped {} ms before it)",
                    dueAt, Duration.between(dueAt, firedAt).toMillis(), Duration.between(stopped, dueAt).toMillis());
            assertThat(firedAt).as("fired in the second run").isAfter(stopped);
            assertThat(firedAt).as("never before its due time").isAfterOrEqualTo(dueAt);
            await().atMost(Duration.ofSeconds(30)).until(() -> jobsIn(second, "SCHEDULED") == 0);
        }
    }

    @Test
    void aDeadlineCancelledByItsScheduleIdNeverFires() throws Exception {
        Path data = Files.createTempDirectory("icc-deadline-cancel-it");
        try (ConfigurableApplicationContext ctx = start(data)) {
            EventGateway events = ctx.getBean(EventGateway.class);
            Instant cancelledDue = Instant.now().plusSeconds(3);
            Instant keptDue = cancelledDue.plus(POLL_INTERVAL.multipliedBy(2));
            events.publish(new ProbeStarted("cancelled", cancelledDue));
            events.publish(new ProbeStarted("kept", keptDue));
            events.publish(new ProbeCancelled("cancelled"));
            assertThat(jobsIn(ctx, "DELETED")).as("the cancelled deadline's job is deleted").isEqualTo(1);

            // JobRunr takes up due jobs one poll interval ahead, by due time: the later deadline fires at least one
            // poll interval after the cancelled one would have.
            awaitFired(ctx, "kept");
            LOG.info("Deadline due {} fired {} ms after its due time", keptDue, Duration.between(keptDue, firedAt(ctx, "kept")).toMillis());
            assertThat(firedAt(ctx, "kept")).as("never before its due time").isAfterOrEqualTo(keptDue);
            assertThat(fired(ctx, "cancelled")).as("the cancelled deadline").isNull();
        }
    }

    @Test
    void aDeadlineTakenUpEarlyWaitsForItsDueTime() throws Exception {
        Path data = Files.createTempDirectory("icc-deadline-early-it");
        try (ConfigurableApplicationContext ctx = start(data)) {
            Instant dueAt = Instant.now().plusSeconds(12);
            ctx.getBean(EventGateway.class).publish(new ProbeStarted("early", dueAt));
            // What JobRunr's look-ahead does near the due time, done at once: the job is handed to a worker right away.
            StorageProvider jobs = ctx.getBean(StorageProvider.class);
            List<Job> scheduled = jobs.getScheduledJobs(dueAt.plusSeconds(1), Paging.AmountBasedList.ascOnUpdatedAt(10));
            assertThat(scheduled).hasSize(1);
            Job job = scheduled.get(0);
            UUID jobId = job.getId();
            job.enqueue();
            jobs.save(job);

            awaitFired(ctx, "early");
            Instant takenUp = jobs.getJobById(jobId).getLastJobStateOfType(ProcessingState.class).orElseThrow().getCreatedAt();
            assertThat(takenUp).as("a worker took the deadline up before its due time").isBefore(dueAt);
            assertThat(firedAt(ctx, "early")).as("but it fired only when due").isAfterOrEqualTo(dueAt);
        }
    }
}
