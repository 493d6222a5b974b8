package cn.shapotou.litigation.escalation;

import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.web.FormCheck;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import cn.shapotou.litigation.engine.EngineCaller;
import org.springframework.stereotype.Component;

/**
 * The steps of process {@code supervision} (《办法》第三条：区司法局督促承办单位): each submitted form is checked field by
 * field and refused whole with the fields named in Chinese; what was decided is recorded with the day and who did it,
 * for the next step's form and for the 督办通知书.
 */
@Component("supervisionProcess")
public class SupervisionProcess implements ExecutionListener {

    public static final String PROCESS_KEY = "supervision";
    /** Correlated by {@link DeadlineWatch#resolve} when the supervised item is done. */
    public static final String ITEM_DONE_MESSAGE = "SupervisedItemDone";

    public static final Map<String, String> METHODS = methods();
    public static final Map<String, String> DECISIONS = Map.of("CLOSE", "办结", "ESCALATE", "报区政府领导");

    private final LegalClock clock;
    private final Supervisions supervisions;

    public SupervisionProcess(LegalClock clock, Supervisions supervisions) {
        this.clock = clock;
        this.supervisions = supervisions;
    }

    private static Map<String, String> methods() {
        Map<String, String> methods = new LinkedHashMap<>();
        methods.put("PHONE", "电话");
        methods.put("NOTICE", "督办通知书");
        methods.put("INTERVIEW", "约谈");
        return methods;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        if (EVENTNAME_START.equals(execution.getEventName())) {
            if ("IssueSupervisionTask".equals(execution.getCurrentActivityId())) {
                supervisions.prepare(execution);
            }
            // Each step's form says how late the item is on the day the step begins, not on the day of the sweep.
            Object due = execution.getVariable("due");
            if (due != null) {
                execution.setVariable("daysOverdue",
                        ChronoUnit.DAYS.between(LocalDate.parse(String.valueOf(due)), clock.today()));
            }
            return;
        }
        switch (execution.getCurrentActivityId()) {
            case "IssueSupervisionTask" -> issued(execution);
            case "ReplySupervisionTask" -> replied(execution);
            case "ReviewSupervisionReplyTask" -> reviewed(execution);
            case "LeadersReadSupervisionTask" -> read(execution);
            default -> throw new IllegalStateException("supervisionProcess: " + execution.getCurrentActivityId());
        }
    }

    /** 发出督办: how (电话、督办通知书、约谈) and the Justice Bureau's remarks. */
    private void issued(DelegateExecution execution) {
        FormCheck form = new FormCheck(execution);
        String method = form.choice("supervisionMethod", "督办方式", METHODS.keySet());
        String remarks = form.text("supervisionRemarks", "督办意见", true, 4000);
        form.done();
        execution.setVariable("supervisionMethodName", METHODS.get(method));
        execution.setVariable("supervisionRemarks", remarks);
        execution.setVariable("issuedOn", clock.today().toString());
        execution.setVariable("issuedBy", userId(execution));
    }

    /** 答复督办: why the item is late and when it will be done, which cannot be a day already past. */
    private void replied(DelegateExecution execution) {
        FormCheck form = new FormCheck(execution);
        String reason = form.text("delayReason", "未按期办理的原因", true, 4000);
        LocalDate expected = form.date("expectedCompletionOn", "预计完成日期", true);
        LocalDate today = clock.today();
        if (expected != null && expected.isBefore(today)) {
            // The one refusal a clerk meets in Tasklist (the form asks for every field already): in the clerk's
            // words, without the field's id, which the error's "field" carries for programs.
            form.refuse("expectedCompletionOn", "预计完成日期不能早于今天（" + today + "），请重新选择");
        }
        form.done();
        execution.setVariable("delayReason", reason);
        execution.setVariable("expectedCompletionOn", expected.toString());
        execution.setVariable("repliedOn", today.toString());
        execution.setVariable("repliedBy", userId(execution));
    }

    /** 审查督办答复: closed, or reported to the district leaders. */
    private void reviewed(DelegateExecution execution) {
        FormCheck form = new FormCheck(execution);
        String decision = form.choice("reviewDecision", "审查结论", DECISIONS.keySet());
        String opinion = form.text("reviewOpinion", "审查意见", "ESCALATE".equals(decision), 4000);
        form.done();
        execution.setVariable("reviewOpinion", opinion == null ? "" : opinion);
        execution.setVariable("reviewedOn", clock.today().toString());
        execution.setVariable("reviewedBy", userId(execution));
    }

    /** 区政府领导阅处: the leaders' remark. */
    private void read(DelegateExecution execution) {
        FormCheck form = new FormCheck(execution);
        String remarks = form.text("leaderRemarks", "领导批示", true, 4000);
        form.done();
        execution.setVariable("leaderRemarks", remarks);
        execution.setVariable("leadersReadOn", clock.today().toString());
        execution.setVariable("leadersReadBy", userId(execution));
    }

    private static String userId(DelegateExecution execution) {
        EngineCaller user = EngineCaller.current(execution.getProcessEngineServices().getIdentityService());
        return user == null ? null : user.userId();
    }
}
