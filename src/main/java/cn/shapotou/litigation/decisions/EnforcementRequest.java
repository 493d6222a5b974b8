package cn.shapotou.litigation.decisions;

import cn.shapotou.litigation.casecore.CaseRegistry;
import cn.shapotou.litigation.casecore.CaseReopening;
import cn.shapotou.litigation.deadlines.CaseDeadline;
import cn.shapotou.litigation.deadlines.DeadlineKind;
import cn.shapotou.litigation.deadlines.Deadlines;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.engine.EngineCaller;
import cn.shapotou.litigation.engine.EngineCommand;
import cn.shapotou.litigation.identity.Roles;
import cn.shapotou.litigation.units.UnitDirectory;
import cn.shapotou.litigation.web.FieldError;
import cn.shapotou.litigation.web.FormCheck;
import cn.shapotou.litigation.web.FormRefusal;
import cn.shapotou.litigation.web.FormValues;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The other party refuses a decision after the case was archived (regulation Art. 16): the handling unit proposes
 * compulsory enforcement within the two years from the last day of performance (法释〔2018〕1号 Art. 153) through
 * process {@code enforcement-request}. The start listener checks the request; the service task reopens the archived
 * case at its enforcement stage (proposal, the leaders' approval, the application), after which it is archived again.
 * A case still open chooses enforcement in its follow-up instead.
 */
@Component("enforcementRequest")
public class EnforcementRequest implements ExecutionListener, JavaDelegate {

    static final String ENFORCEMENT_STAGE = "EnforcementCallActivity";
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final CaseRegistry registry;
    private final CaseReopening reopening;
    private final Deadlines deadlines;
    private final LegalClock clock;

    public EnforcementRequest(CaseRegistry registry, CaseReopening reopening, Deadlines deadlines, LegalClock clock) {
        this.registry = registry;
        this.reopening = reopening;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** Start listener: nothing is kept unless the request may go ahead. */
    @Override
    public void notify(DelegateExecution execution) {
        Object number = execution.getVariable("caseNumber");
        String caseNumber = number instanceof String n ? n.strip() : null;
        if (caseNumber == null || !registry.exists(caseNumber)) {
            throw FormRefusal.of("申请强制执行未通过校验",
                    List.of(new FieldError("caseNumber", "案号没有对应的已登记案件：" + number)));
        }
        if (reopening.runningInstance(caseNumber) != null) {
            throw FormRefusal.of("申请强制执行未通过校验", List.of(new FieldError("caseNumber",
                    "案件尚未归档（案号 " + caseNumber + "）：尚未办结的案件，在裁判生效后的「生效裁判后续事项」中选择申请强制执行")));
        }
        Map<String, Object> theCase = plain(EngineCommand.withoutAuthorization(
                () -> reopening.archivedVariables(caseNumber)));
        EngineCaller user = EngineCaller.current(execution.getProcessEngineServices().getIdentityService());
        List<String> groups = user == null || user.groupIds() == null ? List.of() : user.groupIds();
        Object lead = theCase.get("leadUnit");
        if (user != null && !groups.contains(String.valueOf(lead)) && !groups.contains(UnitDirectory.JUSTICE_BUREAU)
                && !groups.contains(Roles.ADMIN)) {
            throw FormRefusal.of("申请强制执行未通过校验", List.of(new FieldError("caseNumber",
                    "只有该案的应诉事务承办单位或区司法局可以提出申请强制执行的建议（第十六条）")));
        }
        if (theCase.get("effectiveOn") == null) {
            throw FormRefusal.of("申请强制执行未通过校验", List.of(new FieldError("caseNumber",
                    "本案没有发生法律效力的裁判，不能申请强制执行")));
        }
        FormCheck form = new FormCheck(execution);
        LocalDate last = form.date("performanceDeadline", "履行期间最后一日", true);
        LocalDate effective = LocalDate.parse(String.valueOf(theCase.get("effectiveOn")));
        if (last != null && last.isBefore(effective)) {
            form.refuse("performanceDeadline", "履行期间最后一日不能早于裁判生效之日 " + effective);
        } else if (last != null && !last.isBefore(clock.today())) {
            // Refusing to perform (Art. 16) presupposes that the period to perform has ended.
            form.refuse("performanceDeadline", "履行期间最后一日为" + CHINESE_DATE.format(last)
                    + "，履行期间尚未届满，对方当事人尚不构成拒不履行，暂不能申请强制执行");
        } else if (last != null) {
            CaseDeadline window = deadlines.compute(DeadlineKind.ENFORCEMENT, last);
            if (clock.today().isAfter(window.due())) {
                form.refuse("performanceDeadline", "申请强制执行的期限已于" + CHINESE_DATE.format(window.due())
                        + "届满（法释〔2018〕1号第一百五十三条），不能再申请");
            }
        }
        form.text("enforcementRequestReason", "对方当事人拒不履行的情况", true, 4000);
        form.done();
        execution.setVariable("caseNumber", caseNumber);
        execution.setProcessBusinessKey(caseNumber);
    }

    /** Service task: the archived case goes on at its enforcement stage. */
    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = (String) execution.getVariable("caseNumber");
        Map<String, Object> changes = new HashMap<>();
        changes.put("performanceDeadline", FormValues.storedDate(execution, "performanceDeadline").toString());
        changes.put("followUp", "ENFORCEMENT");
        changes.put("enforcementRequestReason", execution.getVariable("enforcementRequestReason"));
        changes.put("enforcementRequestedOn", clock.today().toString());
        // The unit's request reopens a case it may read but not start: the reopening is the system's act.
        String reopened = EngineCommand.withoutAuthorization(
                () -> reopening.reopen(caseNumber, ENFORCEMENT_STAGE, changes));
        execution.setVariable("reopenedCase", reopened);
    }

    private static Map<String, Object> plain(Map<String, Object> typed) {
        Map<String, Object> plain = new HashMap<>();
        typed.forEach((k, v) -> plain.put(k, v instanceof TypedValue t ? t.getValue() : v));
        return plain;
    }
}
