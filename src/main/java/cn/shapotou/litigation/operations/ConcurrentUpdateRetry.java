package cn.shapotou.litigation.operations;

import cn.shapotou.litigation.engine.EngineCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Two people finishing parallel work of one case at the same moment (two units' answer materials, 《办法》第四条第三款、
 * 第六条) make the engine write the case's shared state twice; the later write loses the race and the engine rolls it
 * back with an {@link OptimisticLockingException}. Nothing is lost — the task stays open — but the clerk would see an
 * engine error on the deadline day. Such a command is run again from the start, in a new transaction that sees the
 * winner's work, a few times with a short random pause, before the conflict is reported.
 *
 * <p>Only a command that owns its transaction is repeated: one called inside another command or inside an application
 * transaction would leave that outer transaction marked for rollback. The job executor has its own handling of these
 * conflicts (the job is released and acquired again without losing a retry), so its commands are left to it.
 */
@Component
public class ConcurrentUpdateRetry extends AbstractProcessEnginePlugin {

    /** Attempts in all, the first included. */
    static final int ATTEMPTS = 5;
    private static final Set<Class<?>> LEFT_TO_THE_JOB_EXECUTOR = Set.of(ExecuteJobsCmd.class, AcquireJobsCmd.class);
    private static final Logger log = LoggerFactory.getLogger(ConcurrentUpdateRetry.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(0, new Interceptor());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    static final class Interceptor extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (EngineCommand.running() || TransactionSynchronizationManager.isActualTransactionActive()
                    || LEFT_TO_THE_JOB_EXECUTOR.contains(command.getClass())) {
                return next.execute(command);
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    return next.execute(command);
                } catch (OptimisticLockingException conflict) {
                    if (attempt >= ATTEMPTS) {
                        throw conflict;
                    }
                    log.info("{} lost a concurrent update (attempt {} of {}), running it again: {}",
                            command.getClass().getSimpleName(), attempt, ATTEMPTS, conflict.getMessage());
                    pause(attempt);
                }
            }
        }

        /** A random pause growing with the attempt, so that the two racers do not meet again at once. */
        private static void pause(int attempt) {
            try {
                Thread.sleep(ThreadLocalRandom.current().nextLong(10, 40L * attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
