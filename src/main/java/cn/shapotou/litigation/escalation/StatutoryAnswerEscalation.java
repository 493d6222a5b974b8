package cn.shapotou.litigation.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 「法定答辩期限逾期督办」: the path of the case's statutory answer timer 「法定答辩期限届满」 (ALL Art. 67; the
 * timers end in deadlines.DeadlineTimers#STATUTORY_ANSWER_SUFFIX). When it fires and the answer is still not delivered,
 * the case-level item gets its incident and its 督办, charged to whoever holds the answer work then (《办法》第十条).
 */
@Component("statutoryAnswerEscalation")
public class StatutoryAnswerEscalation implements JavaDelegate {

    private final OverdueItems overdue;
    private final DeadlineWatch watch;

    public StatutoryAnswerEscalation(OverdueItems overdue, DeadlineWatch watch) {
        this.overdue = overdue;
        this.watch = watch;
    }

    @Override
    public void execute(DelegateExecution execution) {
        watch.escalateTimed(overdue.statutoryAnswerOf(execution.getProcessBusinessKey()));
    }
}
