package cn.shapotou.litigation.accountability;

import cn.shapotou.litigation.casecore.CaseParticipation;

import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.units.UnitDirectory;
import cn.shapotou.litigation.web.FormCheck;
import cn.shapotou.litigation.web.FormRefusal;
import cn.shapotou.litigation.web.FieldError;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * 登记追责事实 (process {@code accountability-record}): what no form of the case shows — interfering with the court
 * (Art. 22 (1)), an agent absent without reason or leaving without permission (Art. 22 (2)), refusing a decision found
 * out later (Art. 22 (4)), any other ground (Art. 22 (6)) — is recorded by the Justice Bureau from its own inquiries
 * (Art. 3: it supervises the response work), with the persons concerned (主管人员、直接责任人员). The record is an
 * instance of its own under the case number, so it can be made also after the case was archived.
 */
@Component("accountabilityRecord")
public class AccountabilityRecord implements ExecutionListener {

    public static final String PROCESS = "accountability-record";

    /** The facts a person records; the others follow from the case's own forms and deadlines. */
    public static final Set<AccountabilityFact> RECORDED_BY_PERSON = EnumSet.of(AccountabilityFact.INTERFERENCE,
            AccountabilityFact.ABSENT_WITHOUT_REASON, AccountabilityFact.LEFT_WITHOUT_PERMISSION,
            AccountabilityFact.REFUSED_TO_PERFORM, AccountabilityFact.OTHER);

    private static final String TITLE = "登记追责事实";

    private final CaseParticipation participation;
    private final LegalClock clock;

    public AccountabilityRecord(CaseParticipation participation, LegalClock clock) {
        this.participation = participation;
        this.clock = clock;
    }

    /** Start listener: nothing is kept unless the record is complete. */
    @Override
    public void notify(DelegateExecution execution) {
        if (!CaseParticipation.startedByOneOf(execution, UnitDirectory.JUSTICE_BUREAU)) {
            throw FormRefusal.of(TITLE + "未通过校验", List.of(new FieldError("caseNumber",
                    "追责事实由区司法局登记（第三条第二款、第二十二条）")));
        }
        Map<String, Object> theCase = participation.require(execution, TITLE);
        FormCheck form = new FormCheck(execution);
        String fact = form.choice("fact", "追责情形", RECORDED_BY_PERSON.stream().map(Enum::name)
                .collect(Collectors.toSet()));
        form.pastDate("occurredOn", "发生日期", clock.today(), null, null);
        form.text("detail", "事实经过", true, 4000);
        String supervisor = form.text("supervisor", "主管人员", false, 200);
        String responsible = form.text("directlyResponsible", "直接责任人员", false, 200);
        form.done();
        // An empty field of the form means "not known", as in the case's own facts.
        execution.setVariable("supervisor", supervisor);
        execution.setVariable("directlyResponsible", responsible);
        AccountabilityFact kind = AccountabilityFact.valueOf(fact);
        execution.setVariable("factLabel", kind.label());
        execution.setVariable("basis", kind.basis());
        execution.setVariable("unit", theCase.get("leadUnit"));
        execution.setVariable("recordedOn", clock.today().toString());
    }
}
