package cn.shapotou.litigation.operations;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * The save points after a person's task (camunda:asyncAfter on a user task, README「事务边界与重试」): the person's
 * request ends there and the job executor continues the case in a new transaction. Some work walks a case through several
 * people's tasks at once — the demo cases — and continues the save points itself, in its own transaction.
 */
@Component
public class SavePoints {

    /** The job configuration of an asynchronous continuation after an activity (the engine's own name). */
    private static final String ASYNC_AFTER = "async-after";

    private final ManagementService management;
    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final Map<String, Boolean> afterUserTask = new ConcurrentHashMap<>();

    public SavePoints(ManagementService management, RepositoryService repository, RuntimeService runtime) {
        this.management = management;
        this.repository = repository;
        this.runtime = runtime;
    }

    /** Whether the job continues a case after a user task (not a timer, not the 督办's start, not other async work). */
    public boolean isAfterUserTask(Job job) {
        if (job.getJobDefinitionId() == null) {
            return false;
        }
        return afterUserTask.computeIfAbsent(job.getJobDefinitionId(), id -> {
            JobDefinition definition = management.createJobDefinitionQuery().jobDefinitionId(id).singleResult();
            if (definition == null || !ASYNC_AFTER.equals(definition.getJobConfiguration())) {
                return false;
            }
            // Each instance of a multi-instance task has its own save point; the engine names it after the task.
            String activity = definition.getActivityId().replace("#multiInstanceBody", "");
            return repository.getBpmnModelInstance(definition.getProcessDefinitionId())
                    .getModelElementById(activity) instanceof UserTask;
        });
    }

    /** Continues now, in the caller's transaction, every save point the case's instances wait at, until none is left. */
    public void continueCase(String caseNumber) {
        for (int round = 0; round < 100; round++) {
            List<Job> waiting = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list()
                    .stream().map(ProcessInstance::getId)
                    .flatMap(instance -> management.createJobQuery().processInstanceId(instance).messages()
                            .executable().list().stream())
                    .filter(this::isAfterUserTask).toList();
            if (waiting.isEmpty()) {
                return;
            }
            waiting.forEach(job -> management.executeJob(job.getId()));
        }
        throw new IllegalStateException("案件 " + caseNumber + " 的保存点执行后仍不断产生新的保存点");
    }
}
