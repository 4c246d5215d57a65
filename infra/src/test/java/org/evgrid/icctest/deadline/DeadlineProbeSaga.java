package org.evgrid.icctest.deadline;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Test-only saga: a probe schedules a deadline when it starts, cancels it by its schedule id when told to, and writes
 * a document into {@link #FIRED} when the deadline fires. Registered only by {@link DeadlineProbeConfig}.
 */
@Saga
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public class DeadlineProbeSaga {

    /** The saga's processing group (Axon's default name for a saga). */
    public static final String PROCESSING_GROUP = "DeadlineProbeSagaProcessor";
    /** Collection of fired deadlines: one document per probe, {@code _id} the probe id. */
    public static final String FIRED = "test_deadline_fired";
    static final String DEADLINE = "probe-due";

    private String probeId;
    private String scheduleId;

    @Autowired
    private transient DeadlineManager deadlineManager;
    @Autowired
    private transient MongoDatabase database;

    /** A probe started: its deadline is due at {@code dueAt}. */
    public record ProbeStarted(String probeId, Instant dueAt) {
    }

    /** A probe's deadline is no longer wanted. */
    public record ProbeCancelled(String probeId) {
    }

    /** The deadline's payload. */
    public record ProbeDue(String probeId, Instant dueAt) {
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "probeId")
    public void on(ProbeStarted event) {
        probeId = event.probeId();
        scheduleId = deadlineManager.schedule(event.dueAt(), DEADLINE, new ProbeDue(event.probeId(), event.dueAt()));
    }

    @SagaEventHandler(associationProperty = "probeId")
    public void on(ProbeCancelled event) {
        deadlineManager.cancelSchedule(DEADLINE, scheduleId);
        SagaLifecycle.end();
    }

    @DeadlineHandler(deadlineName = DEADLINE)
    public void on(ProbeDue due) {
        Document fired = new Document("_id", probeId).append("dueAt", due.dueAt().toString())
                .append("firedAt", Instant.now().toString()).append("scheduleId", scheduleId);
        database.getCollection(FIRED).replaceOne(Filters.eq("_id", probeId), fired, new ReplaceOptions().upsert(true));
        SagaLifecycle.end();
    }
}
