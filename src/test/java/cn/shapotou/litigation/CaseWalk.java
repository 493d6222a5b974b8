package cn.shapotou.litigation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.casefile.FileCategory;
import cn.shapotou.litigation.casefile.FileStore;
import cn.shapotou.litigation.casefile.FileType;
import cn.shapotou.litigation.casefile.SampleFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** Walks a case through the engine as its users would, for tests of later stages. */
public final class CaseWalk {

    private final RuntimeService runtime;
    private final TaskService tasks;

    public CaseWalk(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    public ProcessInstance register(Map<String, Object> data) {
        return runtime.startProcessInstanceByKey("litigation-case", data);
    }

    /** The proposal as computed, approved by the district leaders. */
    public void approveProposal(String caseNumber) {
        Task draft = task(caseNumber, "DraftHandlingProposalTask");
        Object lead = runtime.getVariable(draft.getExecutionId(), "leadUnit");
        tasks.complete(draft.getId(), Map.of("complexity", "NORMAL", "leadUnit", lead == null ? "natural-resources" : lead,
                "coUnits", runtime.getVariable(draft.getExecutionId(), "coUnits"), "proposedAppearance", "局长出庭"));
        tasks.complete(task(caseNumber, "ApproveHandlingProposalTask").getId(), Map.of("approved", true));
    }

    /** Counsel assigned, the lead unit's materials passed review, sealed and delivered on the given day. */
    public void deliverAnswer(String caseNumber, String deliveredOn) {
        tasks.complete(task(caseNumber, "AssignCounselTask").getId(), Map.of("counsel", "counsel"));
        for (Task part : tasks(caseNumber, "PrepareAnswerTask")) {
            Object unit = runtime.getVariable(part.getExecutionId(), "answerUnit");
            filePapers(caseNumber, String.valueOf(unit));
            tasks.complete(part.getId(), materials(List.of(agent("justice-bureau".equals(unit) ? "李强" : "刘伟",
                    String.valueOf(unit), "STAFF", true))));
        }
        tasks.complete(task(caseNumber, "ReviewAnswerTask").getId(), Map.of("reviewPassed", true));
        if (!tasks(caseNumber, "WriteUpheldReportTask").isEmpty()) {
            reportUpheldAnswer(caseNumber);
        }
        tasks.complete(task(caseNumber, "SealAndDeliverTask").getId(),
                Map.of("sealed", true, "deliveredOn", deliveredOn, "deliveryMethod", "IN_PERSON"));
    }

    /**
     * A clerk of the unit puts its 答辩状 and one piece of evidence in the case file (the task's 案卷材料 tab), which
     * preparing the answer requires (Art. 6 ¶2).
     */
    public void filePapers(String caseNumber, String unit) {
        ProcessEngine engine = ProcessEngines.getDefaultProcessEngine();
        String clerk = engine.getIdentityService().createUserQuery().memberOfGroup(unit).list().get(0).getId();
        DataSource db = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
        FileStore store = new FileStore(new JdbcTemplate(db), new TransactionTemplate(new DataSourceTransactionManager(db)));
        try {
            String title = "justice-bureau".equals(unit) ? "复议部分答辩状" : "答辩状";
            store.store(new FileStore.Upload(caseNumber, FileCategory.DEFENCE, title, title + ".docx", FileType.DOCX, clerk),
                    new ByteArrayInputStream(SampleFiles.docx("答辩状：答辩人认为被诉行为事实清楚、证据确实充分。")));
            String evidence = "justice-bureau".equals(unit) ? "复议案卷" : "现场勘验笔录";
            store.store(new FileStore.Upload(caseNumber, FileCategory.EVIDENCE, evidence, evidence + ".pdf",
                    FileType.PDF, clerk), new ByteArrayInputStream(SampleFiles.pdf(evidence)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Art. 4 ¶4: the acting unit's written report on an upheld case, read and agreed by the district leaders. */
    public void reportUpheldAnswer(String caseNumber) {
        tasks.complete(task(caseNumber, "WriteUpheldReportTask").getId(), Map.of("upheldReportSummary",
                "原告不服行政处罚，申请区人民政府复议，复议决定维持。", "upheldReportPoints", "处罚事实清楚、程序合法。"));
        tasks.complete(task(caseNumber, "ReadUpheldReportTask").getId(),
                Map.of("upheldReportApproved", true, "upheldReportInstructions", "同意，盖章后送交法院。"));
    }

    /** The appearance planned (with or without the head) and the hearing held; the case then waits for the decision. */
    public void holdHearing(String caseNumber, boolean head) {
        tasks.complete(task(caseNumber, "PlanAppearanceTask").getId(),
                plan(head, List.of(agent("刘伟", "natural-resources", "STAFF", true))));
        if (!head) {
            approveHeadAbsence(caseNumber);
        }
        tasks.complete(task(caseNumber, "AttendHearingTask").getId(), Map.of("hearingOutcome", "HELD",
                "headAppeared", head, "appearedPersons", "刘伟（区自然资源局）", "leftWithoutPermission", false,
                "majorIssue", false));
    }

    /** The district leaders approve the reason why the head cannot appear (法释〔2020〕3号第八条). */
    public void approveHeadAbsence(String caseNumber) {
        tasks.complete(task(caseNumber, "ApproveHeadAbsenceTask").getId(), Map.of("headAbsenceApproved", "true"));
    }

    /**
     * An appearance plan (Art. 7, 8): the head appears, or cannot for an official duty no one else can perform and
     * explains it in writing; the agents.
     */
    public static Map<String, Object> plan(boolean head, List<Map<String, Object>> agents) {
        Map<String, Object> plan = new java.util.HashMap<>();
        plan.put("headAppears", String.valueOf(head));
        if (head) {
            plan.put("headName", "王局长");
            plan.put("headPost", "PRINCIPAL");
        } else {
            plan.put("absenceReason", "OFFICIAL_DUTY");
            plan.put("absenceExplanation", "局长在外地参加全区防汛工作会议");
        }
        plan.put("agents", agents);
        return plan;
    }

    public static Map<String, Object> agent(String name, String unit, String kind, boolean handler) {
        return Map.of("agentName", name, "agentUnit", unit, "agentPost", "科长", "agentKind", kind,
                "agentIsHandler", handler, "agentAuthority", "GENERAL");
    }

    public static Map<String, Object> materials(List<Map<String, Object>> agents) {
        return Map.of("draftDefence", "答辩人认为被诉行为事实清楚、证据确实充分。", "evidenceList", "1. 现场勘验笔录",
                "normativeDocuments", "《中华人民共和国土地管理法》", "legalRepresentativeName", "马区长",
                "legalRepresentativePost", "区长", "agents", agents);
    }

    public Task task(String caseNumber, String definitionKey) {
        List<Task> found = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey(definitionKey).list();
        assertThat(found).as(definitionKey).hasSize(1);
        return found.get(0);
    }

    public List<Task> tasks(String caseNumber, String definitionKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(definitionKey).list();
    }
}
