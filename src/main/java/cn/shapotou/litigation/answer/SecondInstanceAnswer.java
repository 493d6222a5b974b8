package cn.shapotou.litigation.answer;

import cn.shapotou.litigation.deadlines.CaseDeadline;
import cn.shapotou.litigation.deadlines.CaseDeadlineVariable;
import cn.shapotou.litigation.deadlines.DeadlineKind;
import cn.shapotou.litigation.deadlines.Deadlines;
import cn.shapotou.litigation.escalation.StatutoryAnswerWatch;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The answer to the other party's appeal is due fifteen days after we receive the copy of their appeal
 * (法释〔2018〕1号 Art. 108), a statutory day of the second instance's own: it becomes a deadline of the case and is
 * watched like the first instance's from that day on, whatever the case is doing (the appeal may come while our own
 * appeal opinion is still being drafted).
 */
@Component
public class SecondInstanceAnswer {

    private final RuntimeService runtime;
    private final Deadlines deadlines;
    private final StatutoryAnswerWatch answerWatch;

    public SecondInstanceAnswer(RuntimeService runtime, Deadlines deadlines, StatutoryAnswerWatch answerWatch) {
        this.runtime = runtime;
        this.deadlines = deadlines;
        this.answerWatch = answerWatch;
    }

    /** Opens the deadline once, from the day the appeal copy reached us; later calls change nothing. */
    public void open(String caseInstanceId, LocalDate appealCopyReceived) {
        List<Map<String, Object>> caseDeadlines = CaseDeadlineVariable.parse(
                (org.camunda.bpm.engine.variable.value.TypedValue) runtime.getVariableTyped(caseInstanceId,
                        CaseDeadlineVariable.NAME, false));
        if (CaseDeadlineVariable.find(caseDeadlines, DeadlineKind.SECOND_INSTANCE_ANSWER.key()).isPresent()) {
            return;
        }
        CaseDeadline answer = deadlines.compute(DeadlineKind.SECOND_INSTANCE_ANSWER, appealCopyReceived);
        runtime.setVariable(caseInstanceId, CaseDeadlineVariable.NAME,
                CaseDeadlineVariable.toValue(CaseDeadlineVariable.put(caseDeadlines, answer)));
        answerWatch.open(caseInstanceId, answer.kind().key(), answer.due());
    }
}
