package cn.shapotou.litigation.cases;

import cn.shapotou.litigation.casecore.CaseRegistry;
import cn.shapotou.litigation.web.FieldError;
import cn.shapotou.litigation.web.FormRefusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import cn.shapotou.litigation.engine.EngineCommand;
import cn.shapotou.litigation.engine.EngineCaller;
import org.springframework.stereotype.Component;

/**
 * Tasklist's door for court documents (process {@code court-document}): the start listener applies the rules of
 * {@code POST /api/cases/{n}/documents}, the service task registers the document and hands it to the case.
 */
@Component("courtDocumentIntake")
public class CourtDocumentIntake implements ExecutionListener, JavaDelegate {

    private final CourtDocuments documents;
    private final CaseRegistry registry;

    public CourtDocumentIntake(CourtDocuments documents, CaseRegistry registry) {
        this.documents = documents;
        this.registry = registry;
    }

    /** Start listener: the document and the case are checked before anything is kept. */
    @Override
    public void notify(DelegateExecution execution) {
        Map<String, Object> input = execution.getVariables();
        List<FieldError> errors = new ArrayList<>(documents.validate(input));
        Object caseNumber = input.get("caseNumber");
        if (!(caseNumber instanceof String n) || !registry.exists(n.strip())) {
            errors.add(new FieldError("caseNumber", "案号没有对应的已登记案件：" + caseNumber));
        } else if (errors.isEmpty()) {
            String conflict = documents.conflict(n.strip(), input);
            if (conflict != null) {
                errors.add(new FieldError("kind", conflict));
            }
        }
        if (!errors.isEmpty()) {
            throw FormRefusal.of("登记法院文书未通过校验", errors);
        }
        execution.setVariable("caseNumber", ((String) caseNumber).strip());
        execution.setProcessBusinessKey(((String) caseNumber).strip());
    }

    /** Service task 登记并转交. */
    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> input = execution.getVariables();
        input.remove("caseNumber");
        EngineCaller user = EngineCaller.current(execution.getProcessEngineServices().getIdentityService());
        // The clerk registers; handing the document to the case is the system's act, not a change the clerk may make.
        CourtDocumentDispatch.Registered registered = EngineCommand.withoutAuthorization(() ->
                documents.register((String) execution.getVariable("caseNumber"), input,
                        user == null ? null : user.userId()));
        execution.setVariable("documentId", registered.id());
        execution.setVariable("correlated", registered.correlated());
    }
}
