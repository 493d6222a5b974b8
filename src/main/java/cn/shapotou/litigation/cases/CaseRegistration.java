package cn.shapotou.litigation.cases;

import cn.shapotou.litigation.casecore.CaseData;
import cn.shapotou.litigation.casecore.CaseRegistry;
import cn.shapotou.litigation.casecore.CaseType;
import cn.shapotou.litigation.deadlines.CaseDeadline;
import cn.shapotou.litigation.deadlines.CaseDeadlineVariable;
import cn.shapotou.litigation.deadlines.DeadlineKind;
import cn.shapotou.litigation.deadlines.Deadlines;
import cn.shapotou.litigation.engine.EngineCaller;
import cn.shapotou.litigation.escalation.StatutoryAnswerWatch;
import cn.shapotou.litigation.web.FormRefusal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The start of every case, whichever door it came through (Tasklist start form, {@code POST /api/cases}, engine REST):
 * validates the case data, takes the case number, makes it the business key and starts the statutory answer deadline
 * (ALL Art. 67). A start listener, so that a refused registration leaves nothing behind.
 */
@Component("caseRegistration")
public class CaseRegistration implements ExecutionListener {

    private final CaseDataValidator validator;
    private final CaseRegistry registry;
    private final Deadlines deadlines;

    private final StatutoryAnswerWatch answerWatch;

    public CaseRegistration(CaseDataValidator validator, CaseRegistry registry, Deadlines deadlines,
                            StatutoryAnswerWatch answerWatch) {
        this.answerWatch = answerWatch;
        this.validator = validator;
        this.registry = registry;
        this.deadlines = deadlines;
    }

    /**
     * A start listener by delegate expression, so that a refusal reaches the caller as the form validation error it is
     * (engine REST and Tasklist answer 400 with the message); expression listeners would wrap it.
     */
    @Override
    public void notify(DelegateExecution execution) {
        Map<String, Object> variables = execution.getVariables();
        CaseDataValidator.Result result = validator.validate(variables);
        if (!result.valid()) {
            throw FormRefusal.of("登记应诉通知未通过校验", result.errors());
        }
        CaseData data = result.data();
        execution.setVariables(data.toVariables());
        execution.setProcessBusinessKey(data.caseNumber());
        // Forms link to the case's printable documents (Art. 6) by this address.
        execution.setVariable("caseDocumentsUrl", "/api/cases/"
                + URLEncoder.encode(data.caseNumber(), StandardCharsets.UTF_8).replace("+", "%20") + "/documents");
        EngineCaller user = EngineCaller.current(execution.getProcessEngineServices().getIdentityService());
        registry.register(data, execution.getProcessInstanceId(), user == null ? null : user.userId());

        // Art. 10 ¶1 forwarding is immediate; ALL Art. 67's 15 days run from the same receipt.
        List<Map<String, Object>> caseDeadlines = new ArrayList<>();
        // A reconsideration respondent answers within 10 working days (Art. 25; Administrative Reconsideration Law
        // Art. 48, Art. 88 ¶2).
        CaseDeadline statutory = deadlines.compute(data.caseType() == CaseType.RECONSIDERATION_RESPONSE
                ? DeadlineKind.RECONSIDERATION_ANSWER : DeadlineKind.STATUTORY_ANSWER, data.noticeReceivedOn());
        caseDeadlines = CaseDeadlineVariable.put(caseDeadlines, statutory);
        // Watched from registration until delivery to the court, whatever stage the case is in (ALL Art. 67;
        // README「督办（区司法局）」).
        answerWatch.open(execution, statutory.kind().key(), statutory.due());
        caseDeadlines = CaseDeadlineVariable.put(caseDeadlines,
                deadlines.compute(DeadlineKind.FORWARD_NOTICE, data.noticeReceivedOn()));
        CaseDeadlineVariable.write(execution, caseDeadlines);
    }

}
