package cn.shapotou.litigation.decisions;

import cn.shapotou.litigation.accountability.AccountabilityFact;
import cn.shapotou.litigation.accountability.AccountabilityFacts;
import cn.shapotou.litigation.casecore.CaseRegistry;
import cn.shapotou.litigation.deadlines.CaseDeadline;
import cn.shapotou.litigation.deadlines.CaseDeadlineVariable;
import cn.shapotou.litigation.deadlines.DeadlineKind;
import cn.shapotou.litigation.deadlines.Deadlines;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.escalation.CaseWindows;
import cn.shapotou.litigation.web.FormCheck;
import cn.shapotou.litigation.web.FormStage;
import cn.shapotou.litigation.web.FormValues;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The end of a case in {@code litigation-case}: whether a first-instance decision took effect when nobody said so,
 * what follows an effective decision (retrial, Art. 15; enforcement,
 * Art. 16; our own performance, Art. 22 (4)) and the archive (Art. 18), after which the case is closed.
 */
@Component("caseClosing")
public class CaseClosing extends FormStage {

    public static final Set<String> FOLLOW_UPS = Set.of("NONE", "RETRIAL", "ENFORCEMENT");
    public static final Set<String> EFFECT_STATUSES = Set.of("EFFECTIVE", "APPEALED");
    public static final Set<String> PERFORMANCE = Set.of("PERFORMED", "IN_PROGRESS", "REFUSED", "NOT_APPLICABLE");
    /** Case variable: every report on our own performance of the effective decision, {reportedOn, performance}. */
    public static final String PERFORMANCE_REPORTS = "performanceReports";
    /** Case variable: every archive of the case, {closedOn, archiveNumber}. */
    public static final String CLOSINGS = "closings";

    private final LegalClock clock;

    private final Deadlines deadlines;
    private final CaseWindows windows;

    private final CaseRegistry registry;

    public CaseClosing(LegalClock clock, Deadlines deadlines, CaseWindows windows, CaseRegistry registry) {
        super("litigation-case");
        this.registry = registry;
        this.clock = clock;
        this.deadlines = deadlines;
        this.windows = windows;
    }

    @Override
    protected Map<String, Consumer<DelegateExecution>> rules() {
        return Map.ofEntries(
                Map.entry("ConfirmEffectTask", execution -> confirmEffect(execution)),
                Map.entry("FollowUpTask", execution -> followUp(execution)),
                Map.entry("ArchiveTask", execution -> {
                    FormCheck form = new FormCheck(execution);
                    form.text("archiveNumber", "案卷编号", true, 100);
                    form.pastDate("archivedOn", "归档日期", clock.today(), null, null);
                    form.text("archiveNotes", "归档说明", false, 4000);
                    form.done();
                    execution.setVariable("closedOn", clock.today().toString());
                    // A case reopened (retrial, enforcement) is archived again: every archive keeps its day, so the
                    // year it was first closed in still counts it.
                    List<Object> closings = new ArrayList<>(FormValues.list(execution.getVariable(CLOSINGS)));
                    closings.add(Map.of("closedOn", clock.today().toString(),
                            "archiveNumber", String.valueOf(execution.getVariable("archiveNumber"))));
                    execution.setVariable(CLOSINGS, FormValues.toJson(closings));
                    // Art. 18: archived, the case leaves the register's open cases on this day.
                    registry.close(execution.getProcessBusinessKey(), clock.today());
                }));
    }

    /**
     * The appeal period is over and the court has sent neither a certificate of effect nor the other party's appeal:
     * the district office asks the court and records which it is, so the case does not wait unseen (Art. 11).
     */
    private void confirmEffect(DelegateExecution execution) {
        FormCheck form = new FormCheck(execution);
        String status = form.choice("effectStatus", "核实结果", EFFECT_STATUSES);
        LocalDate received = FormValues.storedDate(execution, "decisionReceivedOn");
        if ("EFFECTIVE".equals(status)) {
            form.pastDate("effectiveOn", "生效日期", clock.today(), received, "收到裁判文书之日");
        } else if ("APPEALED".equals(status)) {
            form.pastDate("plaintiffAppealedOn", "对方上诉状送达日期", clock.today(), received, "收到裁判文书之日");
        }
        form.text("effectCheckNotes", "核实情况", false, 4000);
        form.done();
    }

    private void followUp(DelegateExecution execution) {
        FormCheck form = new FormCheck(execution);
        String followUp = form.choice("followUp", "后续事项", FOLLOW_UPS);
        String performance = form.choice("ownPerformance", "本机关履行生效裁判情况", PERFORMANCE);
        boolean reconsideration = CourtDecision.RECONSIDERATION_DECISION.equals(execution.getVariable("decisionKind"));
        if ("RETRIAL".equals(followUp) && reconsideration) {
            form.refuse("followUp", "行政复议决定不适用再审");
        }
        // The decision's performance period, where it sets one for the other party: its last day opens the two-year
        // enforcement window (法释〔2018〕1号 Art. 153), watched from now on whatever the unit chooses today.
        LocalDate last = form.date("performanceDeadline", "履行期间最后一日", "ENFORCEMENT".equals(followUp));
        LocalDate effective = FormValues.storedDate(execution, "effectiveOn");
        if (last != null && last.isBefore(effective)) {
            form.refuse("performanceDeadline", "履行期间最后一日不能早于裁判生效之日 " + effective);
        } else if (last != null && "ENFORCEMENT".equals(followUp) && !last.isBefore(clock.today())) {
            // Refusing to perform (Art. 16) presupposes that the period to perform has ended.
            form.refuse("performanceDeadline", "履行期间最后一日为" + last
                    + "，履行期间尚未届满，对方当事人尚不构成拒不履行，暂不能申请强制执行；可选择「无，立卷归档」并填写该日，"
                    + "系统将监视申请强制执行的期限");
        } else if (last != null) {
            execution.setVariable("performanceDeadline", last.toString());
        }
        form.text("followUpNotes", "说明", "REFUSED".equals(performance), 4000);
        String supervisor = form.text("performanceSupervisor", "主管人员", false, 200);
        String responsible = form.text("performanceResponsible", "直接责任人员", false, 200);
        form.done();
        // Art. 20: performing effective judgments is one of the systems the annual report accounts for; each report
        // is kept with its day, so a year's figures do not change when a later report comes.
        if (performance != null) {
            List<Object> reports = new ArrayList<>(FormValues.list(execution.getVariable(PERFORMANCE_REPORTS)));
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("reportedOn", clock.today().toString());
            report.put("performance", performance);
            report.put("effectiveOn", String.valueOf(effective));
            reports.add(report);
            execution.setVariable(PERFORMANCE_REPORTS, FormValues.toJson(reports));
        }
        if (last != null && !last.isBefore(effective)) {
            CaseDeadline enforcement = deadlines.compute(DeadlineKind.ENFORCEMENT, last);
            CaseDeadlineVariable.write(execution, CaseDeadlineVariable.put(CaseDeadlineVariable.read(execution),
                    enforcement));
            windows.open(execution.getProcessBusinessKey(), enforcement, (String) execution.getVariable("leadUnit"));
        }
        if ("REFUSED".equals(performance)) {
            AccountabilityFacts.record(execution, AccountabilityFact.REFUSED_TO_PERFORM,
                    (String) execution.getVariable("followUpNotes"),
                    new AccountabilityFacts.Persons(supervisor, responsible));
        }
    }
}
