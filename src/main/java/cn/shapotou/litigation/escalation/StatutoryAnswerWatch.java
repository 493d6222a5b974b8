package cn.shapotou.litigation.escalation;

import cn.shapotou.litigation.cases.CaseRegistry;
import java.time.LocalDate;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The statutory answer deadline is an item of every case from registration until its answer is delivered to the court
 * (ALL Art. 67; CONTRACT §7), whatever stage the case is in. The case keeps it as variable
 * {@value OverdueItems#STATUTORY_ANSWER_DUE}; the case register keeps it indexed, so that supervision finds the
 * overdue ones among 50,000 open cases without reading them all. Both change here, in the engine's transaction.
 */
@Component
public class StatutoryAnswerWatch {

    private final CaseRegistry registry;
    private final ItemDone itemDone;

    public StatutoryAnswerWatch(CaseRegistry registry, ItemDone itemDone) {
        this.registry = registry;
        this.itemDone = itemDone;
    }

    /** Registration: the case's answer is due on that day. */
    public void open(DelegateExecution theCase, LocalDate due) {
        theCase.setVariable(OverdueItems.STATUTORY_ANSWER_DUE, due.toString());
        registry.watchAnswer(theCase.getProcessInstanceId(), due);
    }

    /** Delivered to the court, or the case decided before it was: the item is done, with its escalation. */
    public void close(DelegateExecution theCase) {
        if (theCase.getVariable(OverdueItems.STATUTORY_ANSWER_DUE) == null) {
            return;
        }
        theCase.removeVariable(OverdueItems.STATUTORY_ANSWER_DUE);
        registry.watchAnswer(theCase.getProcessInstanceId(), null);
        itemDone.statutoryAnswerDelivered(theCase.getProcessInstanceId());
    }

    /** A changed holiday calendar moved the deadline (deadlines.DeadlineRecomputation); only while still watched. */
    public void move(RuntimeService runtime, String caseInstanceId, LocalDate due) {
        if (runtime.getVariable(caseInstanceId, OverdueItems.STATUTORY_ANSWER_DUE) != null) {
            runtime.setVariable(caseInstanceId, OverdueItems.STATUTORY_ANSWER_DUE, due.toString());
            registry.watchAnswer(caseInstanceId, due);
        }
    }
}
