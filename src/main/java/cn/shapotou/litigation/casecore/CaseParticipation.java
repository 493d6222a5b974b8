package cn.shapotou.litigation.casecore;

import cn.shapotou.litigation.engine.EngineCaller;
import cn.shapotou.litigation.engine.EngineCommand;
import cn.shapotou.litigation.identity.Roles;
import cn.shapotou.litigation.web.FieldError;
import cn.shapotou.litigation.web.FormRefusal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The case a record started from Tasklist is about: it must exist and the person starting must take part in it; the
 * case is looked up as the system (the starter may not read every stage), then the starter's part is checked.
 */
@Component
public class CaseParticipation {

    private final CaseView cases;

    public CaseParticipation(CaseView cases) {
        this.cases = cases;
    }

    /** The case's own variables, or a refusal naming the case number field. */
    public Map<String, Object> require(DelegateExecution execution, String title) {
        Object number = execution.getVariable("caseNumber");
        String caseNumber = number instanceof String n ? n.strip() : null;
        Optional<Map<String, Object>> found = caseNumber == null || caseNumber.isEmpty() ? Optional.empty()
                : EngineCommand.withoutAuthorization(() -> cases.caseVariables(caseNumber));
        EngineCaller user = EngineCaller.current(execution.getProcessEngineServices().getIdentityService());
        List<String> groups = user == null || user.groupIds() == null ? null : user.groupIds();
        if (found.isEmpty() || groups != null && !CaseAccess.maySee(groups, found.get())) {
            throw FormRefusal.of(title + "未通过校验", List.of(new FieldError("caseNumber",
                    "没有案号为 " + (caseNumber == null ? "" : caseNumber) + " 的案件，或您无权查看（案号）")));
        }
        execution.setVariable("caseNumber", caseNumber);
        execution.setProcessBusinessKey(caseNumber);
        return found.get();
    }

    /** Whether the person starting belongs to one of these groups (the system itself always does). */
    public static boolean startedByOneOf(DelegateExecution execution, String... groups) {
        EngineCaller user = EngineCaller.current(execution.getProcessEngineServices().getIdentityService());
        if (user == null) {
            return true;
        }
        List<String> own = user.groupIds() == null ? List.of() : user.groupIds();
        return own.contains(Roles.ADMIN) || List.of(groups).stream().anyMatch(own::contains);
    }
}
