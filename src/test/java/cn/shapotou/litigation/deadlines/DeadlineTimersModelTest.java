package cn.shapotou.litigation.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The models show their deadlines: every user task that serves a case deadline (create listener
 * {@code deadlineTasks.apply(task, key)}) carries the overdue timer 「期限届满」 of {@link DeadlineTimers} on the same
 * deadline, non-interrupting, leading to 「逾期督办」, and its reminder timer 「到期提醒」 on the same deadline, a
 * non-interrupting cycle leading to 「发送到期提醒」; and every overdue or reminder timer belongs to such a task.
 */
class DeadlineTimersModelTest {

    private static final Pattern APPLY = Pattern.compile("deadlineTasks\\.apply\\(\\s*task\\s*,\\s*([^)]+?)\\s*\\)");
    private static final Pattern OVERDUE_AT =
            Pattern.compile("^\\$\\{caseDeadlines\\.overdueAt\\(\\s*execution\\s*,\\s*([^)]+?)\\s*\\)}$");
    private static final Pattern REMINDER_CYCLE =
            Pattern.compile("^\\$\\{caseDeadlines\\.reminderCycle\\(\\s*execution\\s*,\\s*([^)]+?)\\s*\\)}$");

    @ParameterizedTest
    @MethodSource("cn.shapotou.litigation.ModelNames#productModels")
    void everyDeadlineBoundTaskHasItsOverdueTimerAndEveryOverdueTimerItsTask(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<String> timed = new ArrayList<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String key = deadlineOf(task);
            if (key == null) {
                continue;
            }
            timed.add(task.getId());
            List<BoundaryEvent> timers = model.getModelElementsByType(BoundaryEvent.class).stream()
                    .filter(b -> b.getAttachedTo() == task && b.getId().equals(DeadlineTimers.timerOf(task.getId())))
                    .toList();
            assertThat(timers).as(file + ": overdue timer of " + task.getId()).hasSize(1);
            BoundaryEvent timer = timers.get(0);
            assertThat(timer.cancelActivity()).as(timer.getId() + " does not interrupt the task").isFalse();
            assertThat(timer.getName()).isEqualTo("期限届满");
            TimerEventDefinition definition = (TimerEventDefinition) timer.getEventDefinitions().iterator().next();
            Matcher at = OVERDUE_AT.matcher(definition.getTimeDate().getTextContent().strip());
            assertThat(at.matches()).as(timer.getId() + " waits for 24:00 of the deadline day").isTrue();
            assertThat(at.group(1)).as(timer.getId() + " waits for the task's own deadline").isEqualTo(key);
            FlowNode next = timer.getOutgoing().iterator().next().getTarget();
            assertThat(next).isInstanceOf(ServiceTask.class);
            assertThat(((ServiceTask) next).getCamundaDelegateExpression()).isEqualTo("${overdueEscalation}");
            assertThat(next.getName()).isEqualTo("逾期督办");
            String base = task.getId().replaceFirst("Task$", "");
            assertThat(next.getId()).isEqualTo(base + "OverdueEscalationTask");
            assertThat(next.getOutgoing().iterator().next().getTarget()).isInstanceOf(EndEvent.class)
                    .extracting(FlowNode::getId).isEqualTo(base + "EscalatedEndEvent");

            List<BoundaryEvent> reminders = model.getModelElementsByType(BoundaryEvent.class).stream()
                    .filter(b -> b.getAttachedTo() == task && b.getId().equals(DeadlineTimers.reminderOf(task.getId())))
                    .toList();
            assertThat(reminders).as(file + ": reminder timer of " + task.getId()).hasSize(1);
            BoundaryEvent reminder = reminders.get(0);
            assertThat(reminder.cancelActivity()).as(reminder.getId() + " does not interrupt the task").isFalse();
            assertThat(reminder.getName()).isEqualTo("到期提醒");
            TimerEventDefinition cycle = (TimerEventDefinition) reminder.getEventDefinitions().iterator().next();
            assertThat(cycle.getTimeCycle()).as(reminder.getId() + " is a cycle").isNotNull();
            Matcher days = REMINDER_CYCLE.matcher(cycle.getTimeCycle().getTextContent().strip());
            assertThat(days.matches()).as(reminder.getId() + " fires on the reminder days").isTrue();
            assertThat(days.group(1)).as(reminder.getId() + " reminds of the task's own deadline").isEqualTo(key);
            FlowNode send = reminder.getOutgoing().iterator().next().getTarget();
            assertThat(send).isInstanceOf(ServiceTask.class);
            assertThat(((ServiceTask) send).getCamundaDelegateExpression()).isEqualTo("${deadlineReminder}");
            assertThat(send.getName()).isEqualTo("发送到期提醒");
            assertThat(send.getId()).isEqualTo(base + "ReminderTask");
            assertThat(send.getOutgoing().iterator().next().getTarget()).isInstanceOf(EndEvent.class)
                    .satisfies(end -> assertThat(end.getName()).isEqualTo("已提醒"))
                    .extracting(FlowNode::getId).isEqualTo(base + "RemindedEndEvent");
        }
        for (BoundaryEvent timer : model.getModelElementsByType(BoundaryEvent.class)) {
            if (timer.getId().endsWith(DeadlineTimers.STATUTORY_ANSWER_SUFFIX)) {
                // The case's own timers on the statutory answer (ALL Art. 67), whatever task holds the answer work.
                assertThat(timer.cancelActivity()).as(timer.getId()).isFalse();
                assertThat(timer.getName()).isEqualTo("法定答辩期限届满");
                TimerEventDefinition definition = (TimerEventDefinition) timer.getEventDefinitions().iterator().next();
                assertThat(definition.getTimeDate().getTextContent().strip())
                        .isEqualTo("${statutoryAnswerWatch.overdueAt(execution)}");
                FlowNode next = timer.getOutgoing().iterator().next().getTarget();
                assertThat(((ServiceTask) next).getCamundaDelegateExpression()).isEqualTo("${statutoryAnswerEscalation}");
            }
            if (timer.getId().endsWith(DeadlineTimers.REMINDER_SUFFIX)) {
                assertThat(timed).as(file + ": " + timer.getId() + " is on a deadline-bound task")
                        .contains(timer.getAttachedTo().getId());
            }
            if (timer.getId().endsWith(DeadlineTimers.SUFFIX)
                    && !timer.getId().endsWith(DeadlineTimers.STATUTORY_ANSWER_SUFFIX)) {
                assertThat(timed).as(file + ": " + timer.getId() + " is on a deadline-bound task")
                        .contains(timer.getAttachedTo().getId());
            }
        }
    }

    @org.junit.jupiter.api.Test
    void theCaseWatchesItsStatutoryAnswerWithTimersDuringIntakeAndTheInstance() {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", "litigation-case.bpmn").toFile());
        assertThat(model.getModelElementsByType(BoundaryEvent.class).stream()
                .filter(b -> b.getId().endsWith(DeadlineTimers.STATUTORY_ANSWER_SUFFIX))
                .map(b -> b.getAttachedTo().getId()))
                .containsExactlyInAnyOrder("NoticeIntakeCallActivity", "InstanceSubProcess");
    }

    private static String deadlineOf(UserTask task) {
        if (task.getExtensionElements() == null) {
            return null;
        }
        for (CamundaTaskListener listener : task.getExtensionElements().getElementsQuery()
                .filterByType(CamundaTaskListener.class).list()) {
            Matcher m = APPLY.matcher(String.valueOf(listener.getCamundaExpression()));
            if ("create".equals(listener.getCamundaEvent()) && m.find()) {
                return m.group(1);
            }
        }
        return null;
    }
}
