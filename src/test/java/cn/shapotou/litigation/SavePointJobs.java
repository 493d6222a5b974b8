package cn.shapotou.litigation;

import cn.shapotou.litigation.operations.SavePoints;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.MessageJobDeclaration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The tests run without the job executor, so that timers fire only when a test says so. The save points after a
 * person's task (camunda:asyncAfter, README「事务边界与重试」) are a different matter: in the application the job executor
 * continues them within moments, and a test walking a case expects the next step as a user does. This plugin continues
 * them the same way, right after the command that created them has committed, one at a time across threads (the job
 * executor runs the jobs of one case one after the other). Only save points after a user task: timers, the asyncBefore
 * work of the archive copy and the start of a 督办 are left to the tests that execute them.
 *
 * <p>{@link #paused} stops it, so that a test can look at a case waiting at its save point.
 */
@Component
public class SavePointJobs extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(SavePointJobs.class);
    private static final ThreadLocal<Boolean> CREATED = ThreadLocal.withInitial(() -> false);
    private static final ThreadLocal<Boolean> RUNNING = ThreadLocal.withInitial(() -> false);
    private static final Object ONE_AT_A_TIME = new Object();
    private static volatile boolean paused;

    private ProcessEngine engine;
    private SavePoints savePoints;

    /** While a test looks at the save points themselves; {@link #resume} continues what is waiting. */
    public static void pause() {
        paused = true;
    }

    public static void resume() {
        paused = false;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(0, new Continuation());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(new JobCreated());
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        this.engine = processEngine;
        this.savePoints = new SavePoints(processEngine.getManagementService(), processEngine.getRepositoryService(),
                processEngine.getRuntimeService());
    }

    /** Notes that the command created a save-point job, so that commands creating none cost nothing more. */
    private static final class JobCreated implements HistoryEventHandler {
        @Override
        public void handleEvent(HistoryEvent event) {
            if (event instanceof HistoricJobLogEvent job
                    && job.getState() == JobState.CREATED.getStateCode()
                    && MessageJobDeclaration.ASYNC_AFTER.equals(job.getJobDefinitionConfiguration())) {
                CREATED.set(true);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }

    private final class Continuation extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            if (Context.getCommandContext() != null || RUNNING.get()) {
                return next.execute(command);
            }
            CREATED.set(false);
            T result = next.execute(command);
            if (CREATED.get() && !paused && engine != null) {
                CREATED.set(false);
                if (TransactionSynchronizationManager.isSynchronizationActive()) {
                    // Inside the application's own transaction: the jobs exist once it commits.
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            // On a thread of its own: this one still holds the finished transaction's resources.
                            Thread continuation = new Thread(SavePointJobs.this::continueSavePoints, "save-points");
                            continuation.start();
                            try {
                                continuation.join();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    });
                } else {
                    continueSavePoints();
                }
            }
            return result;
        }
    }

    /** Every waiting save point, until none is left (one may lead to the next). */
    public void continueSavePoints() {
        ManagementService management = engine.getManagementService();
        // As the job executor: without the signed-in user, whose permissions do not reach the jobs.
        Authentication caller = engine.getIdentityService().getCurrentAuthentication();
        engine.getIdentityService().clearAuthentication();
        RUNNING.set(true);
        try {
            synchronized (ONE_AT_A_TIME) {
                Set<String> failed = new HashSet<>();
                for (int round = 0; round < 1_000; round++) {
                    List<Job> waiting = management.createJobQuery().messages().executable().list().stream()
                            .filter(job -> !failed.contains(job.getId()) && savePoints.isAfterUserTask(job)).toList();
                    if (waiting.isEmpty()) {
                        return;
                    }
                    for (Job job : waiting) {
                        try {
                            management.executeJob(job.getId());
                        } catch (OptimisticLockingException lost) {
                            // A person's command met the job on the same case; as the job executor does, try again.
                            management.setJobRetries(job.getId(), job.getRetries());
                            management.setJobDuedate(job.getId(), null);
                        } catch (RuntimeException e) {
                            // As in the application: the job waits for its next retry; the test sees the case stand.
                            log.warn("save point {} of {} failed: {}", job.getId(), job.getProcessInstanceId(),
                                    e.getMessage());
                            failed.add(job.getId());
                        }
                    }
                }
            }
        } finally {
            RUNNING.set(false);
            if (caller != null) {
                engine.getIdentityService().setAuthentication(caller);
            }
        }
    }

}
