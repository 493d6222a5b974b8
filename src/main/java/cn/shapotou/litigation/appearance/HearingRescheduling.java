package cn.shapotou.litigation.appearance;

import cn.shapotou.litigation.deadlines.DueDateGuard;
import cn.shapotou.litigation.deadlines.LegalClock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The court moved a hearing whose appearance is already being prepared (a new hearing notice, Art. 7–9): the stage and
 * its open tasks follow the new date, so the due dates people see are the court's — as {@link CourtAppearanceStage}
 * set them when the tasks were created.
 */
@Component
public class HearingRescheduling {

    static final String PROCESS = "court-appearance";
    static final String PLAN_TASK = "PlanAppearanceTask";
    static final String APPROVE_ABSENCE_TASK = "ApproveHeadAbsenceTask";
    static final String ATTEND_TASK = "AttendHearingTask";

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
                LocalDate due = dueFor(task.getTaskDefinitionKey(), hearingDate);
                if (due != null) {
                    task.setDueDate(LegalClock.endOfDay(due));
                    // The court moved the hearing: the system follows it, no person moved the deadline (DueDateGuard).
                    DueDateGuard.bySystem(() -> taskService.saveTask(task));
                    taskService.createComment(task.getId(), stage.getId(), "法院重新通知开庭日期为" + hearingDate + "，期限随之调整。");
                }
            }
        }
        return !open.isEmpty();
    }

    /** The plan and the head's absence are settled the day before the hearing, the appearance is on the day. */
    private static LocalDate dueFor(String taskDefinitionKey, LocalDate hearingDate) {
        return switch (taskDefinitionKey) {
            case PLAN_TASK, APPROVE_ABSENCE_TASK -> hearingDate.minusDays(1);
            case ATTEND_TASK -> hearingDate;
            default -> null;
        };
    }
}
