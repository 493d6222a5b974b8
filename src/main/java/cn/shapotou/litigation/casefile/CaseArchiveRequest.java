package cn.shapotou.litigation.casefile;

import cn.shapotou.litigation.engine.EngineCaller;
import cn.shapotou.litigation.engine.EngineClock;
import cn.shapotou.litigation.engine.EngineCommand;
import cn.shapotou.litigation.web.FormValues;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The 立卷归档 task of {@code litigation-case} and the dossier (Art. 18). When the task starts, it gives its form the
 * address of the case's dossier ({@code dossierUrl}), so the unit checks the index before it archives. When the task
 * ends (after {@code caseClosing} accepted the form), it asks for the archive copy by starting {@code case-archive-copy}:
 * the copy is made there, by a job of its own after a save point, not in this transaction, because a large dossier
 * takes time to read, check and write, and the case must close at once — a retrial or an enforcement reopens only a
 * closed case, and the reports count it closed from today. The job is retried when it fails and stays visible to the
 * administrators as an incident; the copy is made once for this task's activity instance however often the job runs.
 */
@Component("caseArchiveRequest")
public class CaseArchiveRequest implements ExecutionListener {

    public static final String PROCESS = "case-archive-copy";
    public static final String DOSSIER_URL = "dossierUrl";

    @Override
    public void notify(DelegateExecution execution) {
        String caseNumber = execution.getProcessBusinessKey();
        if (EVENTNAME_START.equals(execution.getEventName())) {
            execution.setVariable(DOSSIER_URL, "/api/cases/"
                    + URLEncoder.encode(caseNumber, StandardCharsets.UTF_8).replace("+", "%20") + "/dossier");
            return;
        }
        EngineCaller user = EngineCaller.current(execution.getProcessEngineServices().getIdentityService());
        Map<String, Object> request = new HashMap<>();
        request.put("caseNumber", caseNumber);
        request.put("archiveNumber", FormValues.text(execution.getVariable("archiveNumber")));
        request.put("archivedOn", FormValues.text(execution.getVariable("archivedOn")));
        request.put("archivedBy", user == null ? null : user.userId());
        request.put("archivedAt", EngineClock.now().toInstant().toString());
        request.put("sourceId", execution.getActivityInstanceId());
        // The unit archives its case; keeping the copy is the system's act, whoever may start processes.
        EngineCommand.withoutAuthorization(() -> execution.getProcessEngineServices()
                .getRuntimeService().createProcessInstanceByKey(PROCESS).setVariables(request).execute());
    }

    /** The archiving a {@code case-archive-copy} instance was started for. */
    static CaseArchives.Request request(DelegateExecution execution) {
        String on = (String) execution.getVariable("archivedOn");
        return new CaseArchives.Request((String) execution.getVariable("caseNumber"),
                (String) execution.getVariable("archiveNumber"), on == null ? null : LocalDate.parse(on),
                (String) execution.getVariable("archivedBy"),
                java.time.Instant.parse((String) execution.getVariable("archivedAt")),
                (String) execution.getVariable("sourceId"));
    }
}
