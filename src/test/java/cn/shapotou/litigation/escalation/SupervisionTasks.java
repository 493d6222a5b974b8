package cn.shapotou.litigation.escalation;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * The open tasks of the 督办 of a case (process {@code supervision}) for one group, as the job executor leaves them:
 * the tests run without it, so the jobs past each 督办's start are run here first.
 */
final class SupervisionTasks {

    private SupervisionTasks() {}

    static List<Task> of(ProcessEngine engine, String caseNumber, String group) {
        for (Job job : engine.getManagementService().createJobQuery().processDefinitionKey(SupervisionProcess.PROCESS_KEY)
                .list()) {
            String key = engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceId(job.getProcessInstanceId()).singleResult().getBusinessKey();
            if (caseNumber.equals(key)) {
                engine.getManagementService().executeJob(job.getId());
            }
        }
        return engine.getTaskService().createTaskQuery().processDefinitionKey(SupervisionProcess.PROCESS_KEY)
                .processInstanceBusinessKey(caseNumber).taskCandidateGroup(group).list();
    }

    /** The item each open 督办 of the case supervises (its variable {@code item}). */
    static List<String> items(ProcessEngine engine, String caseNumber) {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(SupervisionProcess.PROCESS_KEY).processInstanceBusinessKey(caseNumber).list()
                .stream().map(p -> String.valueOf(engine.getRuntimeService().getVariable(p.getId(), "item"))).toList();
    }
}
