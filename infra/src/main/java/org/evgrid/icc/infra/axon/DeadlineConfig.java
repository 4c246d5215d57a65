package org.evgrid.icc.infra.axon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.jobrunr.JobRunrDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.evgrid.icc.infra.config.IccProperties;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.StorageProviderUtils.DatabaseOptions;
import org.jobrunr.storage.nosql.mongo.MongoDBStorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deadlines that survive a restart: Axon's JobRunr deadline manager, its jobs kept in the ICC MongoDB (collections
 * {@code jobrunr_*}), fired by an in-process JobRunr background job server. No dashboard, nothing leaves the machine.
 *
 * <p>A deadline fires at its due time or up to about one poll interval later ({@code icc.deadlines.poll-interval}; 5 s,
 * the smallest JobRunr accepts on a database store), never before (see {@link OnTimeJobRunrDeadlineManager}). Cancel a
 * deadline by the id {@code schedule} returned: {@code cancelAll…} is refused by JobRunr OSS.
 *
 * <p>Order: the job server starts after Axon (a due deadline finds its saga or aggregate) and stops before it, long
 * before the MongoDB client closes.
 */
@Configuration(proxyBeanMethods = false)
public class DeadlineConfig {

    /** Prefix of JobRunr's collections in the ICC database. */
    public static final String COLLECTION_PREFIX = "jobrunr_";

    /** JobRunr's collections (without prefix), created here on the embedded store where its own migrations cannot run. */
    static final List<String> COLLECTIONS = List.of("jobs", "recurring_jobs", "background_job_servers", "metadata");

    /** The longest a worker waits for a deadline it picked up early (JobRunr's look-ahead is one poll interval). */
    static final Duration MAX_WAIT = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineConfig.class);

    /** JobRunr's own JSON mapper (job parameters and states; not the center's mapper). */
    @Bean
    JsonMapper jobRunrJsonMapper() {
        return new JacksonJsonMapper();
    }

    /**
     * JobRunr's store: the ICC database. JobRunr's migrations fail on the embedded store (it keeps only unique indexes;
     * dropping one JobRunr asked for ends in IndexNotFound), so there they are skipped and the collections created here;
     * on a real MongoDB JobRunr creates collections and indexes itself.
     */
    @Bean
    StorageProvider jobRunrStorageProvider(MongoClient client, IccProperties props, JsonMapper jobRunrJsonMapper) {
        String database = props.store().database();
        DatabaseOptions options = DatabaseOptions.CREATE;
        if (props.store().embeddedMongo()) {
            createCollections(client.getDatabase(database));
            options = DatabaseOptions.SKIP_CREATE;
        }
        MongoDBStorageProvider provider = new MongoDBStorageProvider(client, database, COLLECTION_PREFIX, options);
        provider.setJobMapper(new JobMapper(jobRunrJsonMapper));
        return provider;
    }

    static void createCollections(MongoDatabase database) {
        List<String> existing = database.listCollectionNames().into(new ArrayList<>());
        for (String name : COLLECTIONS) {
            if (!existing.contains(COLLECTION_PREFIX + name)) {
                database.createCollection(COLLECTION_PREFIX + name);
            }
        }
        // What JobRunr's migration would insert: the all-time succeeded counter.
        database.getCollection(COLLECTION_PREFIX + "metadata").updateOne(Filters.eq("_id", "succeeded-jobs-counter-cluster"),
                Updates.combine(Updates.setOnInsert("name", "succeeded-jobs-counter"), Updates.setOnInsert("owner", "cluster"),
                        Updates.setOnInsert("value", 0L)),
                new UpdateOptions().upsert(true));
    }

    /** Schedules and cancels jobs (no worker of its own). */
    @Bean
    JobScheduler jobScheduler(StorageProvider jobRunrStorageProvider) {
        return new JobScheduler(jobRunrStorageProvider);
    }

    /**
     * The worker that fires due deadlines. Jobs are few, so few workers; finished and cancelled jobs are removed soon
     * (every poll reads the whole jobs collection on the embedded store, so it must stay small).
     */
    @Bean
    BackgroundJobServer backgroundJobServer(StorageProvider jobRunrStorageProvider, JsonMapper jobRunrJsonMapper,
                                            ApplicationContext context,
                                            @Value("${icc.node-id:icc-node-1}") String nodeId,
                                            @Value("${icc.deadlines.poll-interval:PT5S}") Duration pollInterval,
                                            @Value("${icc.deadlines.workers:2}") int workers,
                                            @Value("${icc.deadlines.keep-succeeded:PT10M}") Duration keepSucceeded,
                                            @Value("${icc.deadlines.keep-deleted:PT1H}") Duration keepDeleted) {
        BackgroundJobServerConfiguration configuration = BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
                .andName(nodeId)
                .andPollInterval(pollInterval)
                .andWorkerCount(workers)
                .andDeleteSucceededJobsAfter(keepSucceeded)
                .andPermanentlyDeleteDeletedJobsAfter(keepDeleted);
        return new BackgroundJobServer(jobRunrStorageProvider, jobRunrJsonMapper, context::getBean, configuration);
    }

    /** Starts the job server once Axon runs, stops it before Axon's components stop. */
    @Bean
    SmartLifecycle backgroundJobServerLifecycle(BackgroundJobServer server) {
        return new JobServerLifecycle(server);
    }

    /**
     * Axon's JobRunr deadline manager, waiting for the due time when JobRunr picks a deadline up early. JobRunr finds
     * it again by its type when a deadline is due, so it is declared with its concrete type.
     */
    @Bean
    OnTimeJobRunrDeadlineManager deadlineManager(JobScheduler jobScheduler, StorageProvider jobRunrStorageProvider,
                                                 org.axonframework.config.Configuration configuration,
                                                 @Qualifier("eventSerializer") Serializer serializer, TransactionManager transactionManager,
                                                 DeadlineManagerSpanFactory spanFactory) {
        JobRunrDeadlineManager.Builder builder = JobRunrDeadlineManager.builder()
                .jobScheduler(jobScheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .spanFactory(spanFactory);
        return new OnTimeJobRunrDeadlineManager(builder, jobRunrStorageProvider, MAX_WAIT);
    }

    /**
     * The job server's start and stop: after Axon has started (Axon runs its whole life cycle in one Spring phase,
     * {@code Integer.MAX_VALUE - 3072}) and before the web server opens ({@code Integer.MAX_VALUE - 2048}); so it stops
     * after the web server and before Axon, and every bean (the MongoDB client too) is destroyed only after that.
     */
    static final class JobServerLifecycle implements SmartLifecycle {

        static final int PHASE = Integer.MAX_VALUE - 2560;

        private final BackgroundJobServer server;
        private volatile boolean running;

        JobServerLifecycle(BackgroundJobServer server) {
            this.server = server;
        }

        @Override
        public void start() {
            server.start();
            running = true;
            LOG.info("Deadline job server started (poll interval {})", server.getConfiguration().getPollInterval());
        }

        @Override
        public void stop() {
            running = false;
            server.stop();
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return PHASE;
        }
    }
}
