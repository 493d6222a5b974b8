package cn.shapotou.litigation.proceedings;

import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.engine.EngineCaller;
import cn.shapotou.litigation.records.ReviewRounds;
import cn.shapotou.litigation.web.FormCheck;
import cn.shapotou.litigation.web.FormValues;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Process {@code court-filing} (第九条第三款: 对需要向人民法院提交的文书、文件、书面意见等，应征得区司法局的意见后提交): a
 * document the agents mean to file with the court goes to the Justice Bureau first; it agrees, agrees with changes or
 * disagrees (its opinion is required); a disagreement returns the draft to its unit to revise or withdraw; an agreed
 * document is filed by the unit, on a day not before the opinion and not in the future. A court deadline for the
 * filing (e.g. 补充证据) makes every task of it due by that day. Variables: {@code caseNumber}, {@code filingKind},
 * {@code filingTitle}, {@code opinion}, {@code opinionOn}, {@code filedOn}.
 */
@Component("courtFiling")
public class CourtFiling implements ExecutionListener {

    public static final String PROCESS = "court-filing";

    /** The filing's loop in {@link ReviewRounds}: the Justice Bureau's opinions on each draft. */
    public static final String LOOP = "filing";

    /** The kinds of documents agents file during an instance, by their Chinese names. */
    public static final Map<String, String> KINDS = kinds();
    public static final Map<String, String> OPINIONS = Map.of("AGREE", "同意提交", "AGREE_WITH_CHANGES", "修改后同意提交",
            "DISAGREE", "不同意提交");

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final CaseProceedings proceedings;
    private final LegalClock clock;

    public CourtFiling(CaseProceedings proceedings, LegalClock clock) {
        this.proceedings = proceedings;
        this.clock = clock;
    }

    private static Map<String, String> kinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("AGENT_STATEMENT", "代理词");
        kinds.put("SUPPLEMENTARY_EVIDENCE", "补充证据");
        kinds.put("POSTPONEMENT_APPLICATION", "延期申请书");
        kinds.put("EVIDENCE_APPLICATION", "调查取证申请书");
        kinds.put("OTHER_APPLICATION", "其他申请书");
        kinds.put("WRITTEN_OPINION", "书面意见");
        kinds.put("OTHER", "其他文书、文件");
        return kinds;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        switch (execution.getCurrentActivityId()) {
            case "FilingDraftedStartEvent" -> drafted(execution);
            case "ReviewFilingTask" -> reviewed(execution);
            case "ReviseFilingTask" -> revised(execution);
            case "FileWithCourtTask" -> filed(execution);
            default -> throw new IllegalStateException("courtFiling: " + execution.getCurrentActivityId());
        }
    }

    private void drafted(DelegateExecution execution) {
        FormCheck form = new FormCheck(execution);
        form.text("caseNumber", "案号", true, 100);
        String kind = form.choice("filingKind", "文书种类", KINDS.keySet());
        String title = form.text("filingTitle", "文书标题", true, 200);
        String draft = form.text("filingDraft", "文书内容或摘要", true, 20000);
        LocalDate deadline = form.date("courtDeadline", "法院规定的提交期限", false);
        if (deadline != null && deadline.isBefore(clock.today())) {
            form.refuse("courtDeadline", "法院规定的提交期限不能早于今天（" + clock.today() + "）");
        }
        form.done();
        proceedings.start(execution, "filingUnit", "提交单位");
        execution.setVariable("filingKind", kind);
        execution.setVariable("filingKindName", KINDS.get(kind));
        execution.setVariable("filingTitle", title);
        execution.setVariable("filingDraft", draft);
        execution.setVariable("courtDeadline", deadline == null ? null : deadline.toString());
        execution.setVariable("draftedOn", clock.today().toString());
        execution.setVariable("draftedBy", userId(execution));
        execution.setVariable("filingRound", 1);
    }

    /** 审查提交法院的文书: the Justice Bureau's opinion; an officer does not give it on a draft of their own. */
    private void reviewed(DelegateExecution execution) {
        FormCheck form = new FormCheck(execution);
        String result = form.choice("opinionResult", "审查结论", OPINIONS.keySet());
        String opinion = form.text("opinion", "区司法局意见", true, 4000);
        String reviewer = userId(execution);
        if (reviewer != null && reviewer.equals(execution.getVariable("draftedBy"))) {
            form.refuse("opinionResult", "审查结论不能由文书起草人本人作出，请由区司法局其他工作人员审查（第九条第三款）");
        }
        form.done();
        execution.setVariable("opinion", opinion);
        execution.setVariable("opinionOn", clock.today().toString());
        execution.setVariable("opinionBy", reviewer);
        List<Object> opinions = new ArrayList<>(FormValues.list(execution.getVariable("filingOpinions")));
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("round", execution.getVariable("filingRound"));
        record.put("result", result);
        record.put("opinion", opinion);
        record.put("opinionOn", clock.today().toString());
        record.put("reviewer", reviewer);
        opinions.add(record);
        ReviewRounds.record(execution, LOOP, execution.getVariable("filingRound"), "区司法局审查", OPINIONS.get(result),
                "DISAGREE".equals(result), opinion, "**《" + execution.getVariable("filingTitle") + "》**（"
                        + execution.getVariable("filingKindName") + "）\n\n" + execution.getVariable("filingDraft"));
        execution.setVariable("filingOpinions", FormValues.toJson(opinions));
    }

    /** 修改或撤回文书: after a disagreement the unit revises the draft (it goes to the Justice Bureau again) or withdraws. */
    private void revised(DelegateExecution execution) {
        FormCheck form = new FormCheck(execution);
        String choice = form.choice("revision", "处理方式", java.util.Set.of("REVISE", "WITHDRAW"));
        if ("REVISE".equals(choice)) {
            form.text("filingDraft", "修改后的文书内容或摘要", true, 20000);
        } else if ("WITHDRAW".equals(choice)) {
            form.text("withdrawalReason", "撤回理由", true, 2000);
        }
        form.done();
        if ("REVISE".equals(choice)) {
            execution.setVariable("filingDraft", FormValues.text(execution.getVariable("filingDraft")));
            execution.setVariable("draftedBy", userId(execution));
            execution.setVariable("filingRound", ((Number) execution.getVariable("filingRound")).intValue() + 1);
        } else {
            execution.setVariable("withdrawnOn", clock.today().toString());
        }
    }

    /** 提交法院: the day it was filed, not before the Justice Bureau's opinion, not in the future. */
    private void filed(DelegateExecution execution) {
        FormCheck form = new FormCheck(execution);
        LocalDate opinionOn = FormValues.storedDate(execution, "opinionOn");
        form.pastDate("filedOn", "提交法院日期", clock.today(), opinionOn, "区司法局出具意见之日");
        form.text("filingReceipt", "法院收件凭证号 / 邮件号", false, 100);
        form.done();
    }

    /** Create listener of every task: due by the court's deadline for the filing, when one was given. */
    public void due(DelegateTask task) {
        Object deadline = task.getVariable("courtDeadline");
        if (deadline instanceof String day && !day.isBlank()) {
            LocalDate due = LocalDate.parse(day);
            task.setDueDate(LegalClock.endOfDay(due));
            task.setVariableLocal("deadlineText", "法院规定的提交期限：" + CHINESE_DATE.format(due) + "（"
                    + task.getVariable("filingKindName") + "）");
        }
    }

    private static String userId(DelegateExecution execution) {
        EngineCaller user = EngineCaller.current(execution.getProcessEngineServices().getIdentityService());
        return user == null ? null : user.userId();
    }
}
