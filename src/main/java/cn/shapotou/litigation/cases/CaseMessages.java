package cn.shapotou.litigation.cases;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** BPMN messages to a case by its number (the business key of all its instances), for steps that wait for them. */
@Component
public class CaseMessages {

    private final RuntimeService runtime;

    public CaseMessages(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** Hands the case the message if a step of it waits for one; false when none does. */
    public boolean correlateIfWaiting(String caseNumber, String message) {
        if (runtime.createExecutionQuery().processInstanceBusinessKey(caseNumber)
                .messageEventSubscriptionName(message).count() == 0) {
            return false;
        }
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(caseNumber).correlateAllWithResult();
        return true;
    }
}
