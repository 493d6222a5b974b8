package cn.shapotou.litigation.cases;

import cn.shapotou.litigation.casecore.StageContract;
import cn.shapotou.litigation.deadlines.DeadlineTasks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.jobexecutor.AsyncContinuationJobHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The engine's history (level {@code full}, kept 30 years, operations.HistoryRetention) is written without what the
 * case already keeps elsewhere (src/docs/decisions.md 第 15 条):
 * <ul>
 * <li>a stage's copies of the case's facts that the stage only reads ({@link StageContract#gets()} but not
 * {@link StageContract#givesBack()}): their history is litigation-case's own, where they are set and changed (bar
 * {@link StageContract#keptInHistory()});</li>
 * <li>a task's {@code deadlineKey} and {@code deadlineText}: derived from the case's {@code deadlines}, whose history
 * shows each deadline and how it was computed, while the task's history keeps its due date;</li>
 * <li>that a timer job was created or deleted: a task's 「期限届满」 and 「到期提醒」 timers are created and deleted with
 * each task, and the timer's moment is the task's due date; a timer that fires still leaves its success or failure;</li>
 * <li>that a save point's job was created (an asynchronous continuation, README「事务边界与重试」): it is created when
 * the activity before it ends, which the activity history records; its run leaves its success or failure.</li>
 * </ul>
 * Each is decided by the variable's process, name and scope, or the job's type, so a variable's every event is
 * written or none is. The engine writes the rest as before: this plugin takes the place of its database history
 * handler and passes it every other event, in the same transaction.
 */
@Component
public class RedundantHistory extends AbstractProcessEnginePlugin {

    /** Task-local variables derived from the case's deadlines (deadlines.DeadlineTasks). */
    static final Set<String> DERIVED_TASK_VARIABLES = Set.of(DeadlineTasks.KEY_VARIABLE, DeadlineTasks.TEXT_VARIABLE);

    private final ObjectProvider<StageContract> contracts;
    private volatile Map<String, Set<String>> copiesByStage;

    public RedundantHistory(ObjectProvider<StageContract> contracts) {
        this.contracts = contracts;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = new ArrayList<>();
        handlers.add(new Filtered(new DbHistoryEventHandler()));
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(false);
    }

    /** Whether the database history need not hold this event (see the class comment). */
    boolean redundant(HistoryEvent event) {
        if (event instanceof HistoricVariableUpdateEventEntity variable) {
            if (variable.getTaskId() != null) {
                return DERIVED_TASK_VARIABLES.contains(variable.getVariableName());
            }
            return variable.getProcessInstanceId() != null
                    && variable.getProcessInstanceId().equals(variable.getExecutionId())
                    && copies(variable.getProcessDefinitionKey()).contains(variable.getVariableName());
        }
        if (event instanceof HistoricJobLogEvent job && job.getJobDefinitionType() != null) {
            boolean created = job.getState() == JobState.CREATED.getStateCode();
            if (job.getJobDefinitionType().startsWith("timer-")) {
                return created || job.getState() == JobState.DELETED.getStateCode();
            }
            return created && AsyncContinuationJobHandler.TYPE.equals(job.getJobDefinitionType());
        }
        return false;
    }

    /** The names a stage gets from the case and does not give back. */
    Set<String> copies(String processDefinitionKey) {
        Map<String, Set<String>> known = copiesByStage;
        if (known == null) {
            known = new HashMap<>();
            for (StageContract contract : contracts) {
                Set<String> names = new HashSet<>(contract.gets());
                names.removeAll(contract.givesBack());
                names.removeAll(contract.keptInHistory());
                known.put(contract.stage(), Set.copyOf(names));
            }
            copiesByStage = known;
        }
        return processDefinitionKey == null ? Set.of() : known.getOrDefault(processDefinitionKey, Set.of());
    }

    /** The engine's database history handler, passed every event that is not redundant. */
    private final class Filtered implements HistoryEventHandler {

        private final HistoryEventHandler database;

        Filtered(HistoryEventHandler database) {
            this.database = database;
        }

        @Override
        public void handleEvent(HistoryEvent event) {
            if (!redundant(event)) {
                database.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }
}
