package cn.shapotou.litigation.proceedings;

import static cn.shapotou.litigation.units.UnitDirectory.DISTRICT_LEADERS;

import cn.shapotou.litigation.casecore.CaseAccess;
import cn.shapotou.litigation.casecore.CaseView;
import cn.shapotou.litigation.engine.EngineCaller;
import cn.shapotou.litigation.engine.EngineCommand;
import cn.shapotou.litigation.identity.Grants;
import cn.shapotou.litigation.identity.Roles;
import cn.shapotou.litigation.units.UnitDirectory;
import cn.shapotou.litigation.web.FieldError;
import cn.shapotou.litigation.web.FormRefusal;
import cn.shapotou.litigation.web.FormValues;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What the agents do while a case is before the court (第九条第三款): a participant of an open case reports a major issue
 * or files a document. One check for Tasklist's start forms and the API alike: the case exists and the caller may see
 * it (else, as for the case itself, nobody learns it exists), it is open (a closed case has no litigation left), and
 * the unit acting is a participant of the case and one of the caller's own units.
 */
@Component
public class CaseProceedings {

    /** Why a start is refused: the HTTP status the API answers, the Chinese message a form shows. */
    public record Refusal(HttpStatus status, String field, String message) {}

    private final CaseView cases;
    private final UnitDirectory units;
    private final Grants grants;

    public CaseProceedings(CaseView cases, UnitDirectory units, Grants grants) {
        this.cases = cases;
        this.units = units;
        this.grants = grants;
    }

    /** The case's own variables, or why this caller may not act on it (null user = the system itself). */
    public Optional<Refusal> refusal(String caseNumber, String unit, String user, List<String> groups) {
        if (caseNumber == null) {
            return Optional.of(new Refusal(HttpStatus.BAD_REQUEST, "caseNumber", "案号为必填项"));
        }
        Optional<Map<String, Object>> found = cases.caseVariables(caseNumber);
        if (found.isEmpty() || user != null && !CaseAccess.maySee(groups, found.get())) {
            return Optional.of(new Refusal(HttpStatus.NOT_FOUND, "caseNumber",
                    "没有案号为 " + caseNumber + " 的案件，或您无权查看"));
        }
        Map<String, Object> theCase = found.get();
        if (!"OPEN".equals(theCase.get("__status"))) {
            return Optional.of(new Refusal(HttpStatus.CONFLICT, "caseNumber",
                    "案件（案号 " + caseNumber + "）已办结归档，诉讼已经结束，不能再报告或提交"));
        }
        if (unit == null) {
            return Optional.of(new Refusal(HttpStatus.BAD_REQUEST, "unit", "单位为必填项"));
        }
        if (!units.contains(unit) || DISTRICT_LEADERS.equals(unit) || !CaseAccess.participants(theCase).contains(unit)) {
            return Optional.of(new Refusal(HttpStatus.BAD_REQUEST, "unit",
                    "单位 " + unit + " 不是本案的参与单位（承办单位、共同承办单位、区司法局、区政府办公室或区法律顾问室）"));
        }
        if (user != null && !groups.contains(unit) && !Roles.any(groups, Roles.SUPERVISORS)) {
            return Optional.of(new Refusal(HttpStatus.BAD_REQUEST, "unit", "只能以本人所在单位的名义报告或提交："
                    + units.nameOf(unit)));
        }
        return Optional.empty();
    }

    /**
     * Start listener part: checks the case and the unit for the user starting the instance and refuses the form,
     * naming the field by its label; on success the instance carries the case number as business key and the case's
     * names for its forms, and every participant of the case may read it (CaseAccess).
     */
    public Map<String, Object> start(DelegateExecution execution, String unitField, String unitLabel) {
        String caseNumber = FormValues.text(execution.getVariable("caseNumber"));
        EngineCaller auth = EngineCaller.current(execution.getProcessEngineServices().getIdentityService());
        String user = auth == null ? null : auth.userId();
        List<String> groups = auth == null || auth.groupIds() == null ? List.of() : auth.groupIds();
        String unit = FormValues.text(execution.getVariable(unitField));
        if (unit == null && user != null) {
            unit = EngineCommand.withoutAuthorization(() -> defaultUnit(caseNumber, groups));
        }
        String chosen = unit;
        Optional<Refusal> refusal = EngineCommand.withoutAuthorization(
                () -> refusal(caseNumber, chosen, user, groups));
        if (refusal.isPresent()) {
            Refusal r = refusal.get();
            String field = "unit".equals(r.field()) ? unitField : r.field();
            String message = "unit".equals(r.field()) ? unitLabel + "：" + r.message() : r.message();
            throw FormRefusal.of(List.of(new FieldError(field, message)));
        }
        Map<String, Object> theCase = EngineCommand.withoutAuthorization(
                () -> cases.caseVariables(caseNumber).orElseThrow());
        execution.setVariable("caseNumber", caseNumber);
        execution.setVariable(unitField, unit);
        execution.setVariable(unitField + "Name", units.nameOf(unit));
        execution.setProcessBusinessKey(caseNumber);
        for (String name : List.of("court", "plaintiff", "causeOfAction", "leadUnit", "leadUnitName")) {
            execution.setVariable(name, theCase.get(name));
        }
        execution.setVariable("caseDocumentsUrl", "/api/cases/" + encoded(caseNumber) + "/documents");
        String instance = execution.getProcessInstanceId();
        EngineCommand.withoutAuthorization(() -> {
            for (String participant : CaseAccess.participants(theCase)) {
                grants.toGroup(participant, Resources.PROCESS_INSTANCE, instance, Permissions.READ);
            }
            return null;
        });
        return theCase;
    }

    /** The caller's own unit in the case when the form leaves it open: the lead unit first, else any participant. */
    public String defaultUnit(String caseNumber, List<String> groups) {
        if (caseNumber == null) {
            return null;
        }
        Optional<Map<String, Object>> theCase = cases.caseVariables(caseNumber);
        if (theCase.isEmpty()) {
            return null;
        }
        Object lead = theCase.get().get("leadUnit");
        if (lead instanceof String l && groups.contains(l)) {
            return l;
        }
        return CaseAccess.participants(theCase.get()).stream()
                .filter(u -> groups.contains(u) && !DISTRICT_LEADERS.equals(u)).findFirst().orElse(null);
    }

    public static String encoded(String caseNumber) {
        return URLEncoder.encode(caseNumber, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
