package cn.shapotou.litigation.answer;

import cn.shapotou.litigation.engine.FormFieldRefusal;
import cn.shapotou.litigation.web.FormRefusal;
import cn.shapotou.litigation.deadlines.CaseDeadlineVariable;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.escalation.StatutoryAnswerWatch;
import cn.shapotou.litigation.web.FieldError;
import cn.shapotou.litigation.accountability.AccountabilityFact;
import cn.shapotou.litigation.accountability.AccountabilityFacts;
import cn.shapotou.litigation.web.FormValues;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of 盖章送达 (Art. 10 ¶2, Art. 11): the district seal is on and the materials reached the court on a
 * real date. Delivery closes the statutory answer item (ALL Art. 67); a delivery after its deadline is recorded as
 * late, since late evidence counts as none (ALL Art. 34) and it is an accountability fact (Art. 22).
 */
@Component("answerDeliveryCheck")
public class AnswerDeliveryCheck implements ExecutionListener {

    private final LegalClock clock;
    private final StatutoryAnswerWatch answerWatch;

    public AnswerDeliveryCheck(LegalClock clock, StatutoryAnswerWatch answerWatch) {
        this.clock = clock;
        this.answerWatch = answerWatch;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        // The seal and the date are refused together, so the clerk corrects both at once.
        List<FieldError> errors = new ArrayList<>();
        if (!Boolean.TRUE.equals(FormValues.bool(execution.getVariable("sealed")))) {
            errors.add(new FieldError("sealed", "答辩材料须加盖区人民政府公章后送交人民法院"));
        }
        LocalDate delivered = null;
        try {
            delivered = FormValues.date(execution.getVariable("deliveredOn"), "deliveredOn", "送达法院日期",
                    clock.today());
        } catch (FormFieldRefusal e) {
            errors.addAll(FormRefusal.errorsOf(e));
        }
        LocalDate received = FormValues.storedDate(execution, "noticeReceivedOn");
        if (delivered != null && delivered.isBefore(received)) {
            errors.add(new FieldError("deliveredOn", "送达法院日期不能早于收到起诉状副本之日 " + received));
        }
        if (!errors.isEmpty()) {
            throw FormRefusal.of(errors);
        }
        execution.setVariable("deliveredOn", delivered.toString());
        execution.setVariable("answerDeliveredOn", delivered.toString());
        // A statutory answer day: ALL Art. 67 (or Art. 25's reconsideration twin) at first instance, 法释〔2018〕1号
        // Art. 108 in a second instance the other party appealed. Only such a day makes a delivery late (Art. 22).
        String key = AnswerStage.statutoryAnswerOf(execution.getVariable("courtInstance"),
                CaseDeadlineVariable.read(execution));
        LocalDate due = key == null ? delivered : CaseDeadlineVariable.dueDate(execution, key).orElse(delivered);
        boolean late = delivered.isAfter(due);
        execution.setVariable("answerDeliveredLate", late);
        if (late) {
            AccountabilityFacts.record(execution, AccountabilityFact.LATE_ANSWER,
                    "法定期限 " + due + "，实际送达 " + delivered);
        }
        DelegateExecution caseCall = execution.getProcessInstance().getSuperExecution();
        if (caseCall != null) {
            DelegateExecution theCase = caseCall.getProcessInstance();
            answerWatch.close(theCase);
        }
    }
}
