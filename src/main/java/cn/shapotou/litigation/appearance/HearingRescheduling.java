package cn.shapotou.litigation.appearance;

import cn.shapotou.litigation.deadlines.DeadlineTasks;
import cn.shapotou.litigation.deadlines.DueDateGuard;
import cn.shapotou.litigation.deadlines.LegalClock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The court moved a hearing whose appearance is already being prepared (a new hearing notice, Art. 7–9): the stage and
 * its open tasks follow the new date, by the rules {@link CourtAppearanceStage} set them with when the tasks were
 * created, so the due dates and explanations people see are the court's.
 */
@Component
public class HearingRescheduling {

    static final String PROCESS = "court-appearance";
    /** The stage's tasks with a due date, and which of {@link CourtAppearanceStage#due}'s rules each follows. */
    private static final Map<String, String> DUE_RULES = Map.of(
            "PlanAppearanceTask", "plan",
            "ApproveHeadAbsenceTask", "approval",
            "AttendHearingTask", "attend");

    private final RuntimeService runtime;
    private final TaskService taskService;

    public HearingRescheduling(RuntimeService runtime, TaskService taskService) {
        this.runtime = runtime;
        this.taskService = taskService;
    }

    /** @return false when no appearance of the case is under way (then nothing changed) */
    public boolean followNewDate(String caseNumber, LocalDate hearingDate) {
        List<ProcessInstance> open = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey(PROCESS).list();
        for (ProcessInstance stage : open) {
            runtime.setVariable(stage.getId(), "hearingDate", hearingDate.toString());
            for (Task task : taskService.createTaskQuery().processInstanceId(stage.getId()).list()) {
                String rule = DUE_RULES.get(task.getTaskDefinitionKey());
                if (rule != null) {
                    task.setDueDate(LegalClock.endOfDay(CourtAppearanceStage.dueDate(rule, hearingDate)));
                    // The court moved the hearing: the system follows it, no person moved the deadline (DueDateGuard).
                    DueDateGuard.bySystem(() -> taskService.saveTask(task));
                    // The task card's explanation names the new date too, not the one the task was created with.
                    taskService.setVariableLocal(task.getId(), DeadlineTasks.TEXT_VARIABLE,
                            CourtAppearanceStage.deadlineText(rule, hearingDate));
                    taskService.createComment(task.getId(), stage.getId(), "法院重新通知开庭日期为" + hearingDate + "，期限随之调整。");
                }
            }
        }
        return !open.isEmpty();
    }
}
