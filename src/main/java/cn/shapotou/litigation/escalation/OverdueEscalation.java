package cn.shapotou.litigation.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.springframework.stereotype.Component;

/**
 * 「逾期督办」: the path of a deadline-bound task's overdue timer 「期限届满」 (deadlines.DeadlineTimers). When the timer
 * fires, at 24:00 of the deadline day, the task's open instances that are overdue get their incident and their 督办
 * (《办法》第三条), as the supervision sweep would raise them. The task stays open: the timer does not interrupt it.
 */
@Component("overdueEscalation")
public class OverdueEscalation implements JavaDelegate {

    private final OverdueItems overdue;
    private final DeadlineWatch watch;

    public OverdueEscalation(OverdueItems overdue, DeadlineWatch watch) {
        this.overdue = overdue;
        this.watch = watch;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String task = timedTask(execution);
        watch.escalateTimed(overdue.ofActivity(execution.getProcessInstanceId(), task));
    }

    /** The task whose timer led here (「期限届满」 or 「到期提醒」): the activity its boundary event is attached to. */
    static String timedTask(DelegateExecution execution) {
        FlowNode here = (FlowNode) execution.getBpmnModelElementInstance();
        for (SequenceFlow incoming : here.getIncoming()) {
            if (incoming.getSource() instanceof BoundaryEvent timer) {
                return timer.getAttachedTo().getId();
            }
        }
        throw new IllegalStateException("「" + here.getName() + "」须紧接在任务的计时器（「期限届满」或「到期提醒」）之后");
    }
}
