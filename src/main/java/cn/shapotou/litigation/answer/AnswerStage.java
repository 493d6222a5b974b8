package cn.shapotou.litigation.answer;

import cn.shapotou.litigation.web.FormValues;
import cn.shapotou.litigation.casecore.CaseAccess;
import cn.shapotou.litigation.deadlines.CaseDeadlineVariable;
import cn.shapotou.litigation.deadlines.DeadlineKind;
import cn.shapotou.litigation.deadlines.Deadlines;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.units.UnitDirectory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The 7-day answer (Art. 10 ¶2): starts the internal deadline from the day the approved notice reached the handling
 * unit, lists the units that prepare a part (the lead unit, and co-units such as the Justice Bureau for the
 * reconsideration part, Art. 4), and keeps each unit's materials so that a returned answer comes back filled in.
 */
@Component("answerStage")
public class AnswerStage implements ExecutionListener {

    /** The form fields of 准备答辩材料 (Art. 6): the answer materials, the certificate's and the attorney's data. */
    public static final List<String> FIELDS = List.of("draftDefence", "evidenceList", "noEvidenceReason", "normativeDocuments",
            "otherMaterials", "legalRepresentativeName", "legalRepresentativePost", "pretrialReviewRequested");

    /** Stage variable: the key of the case deadline the answer's review, pre-trial review and sealing are due by. */
    public static final String ANSWER_DEADLINE = "answerDeadline";

    /** Stage variable: the candidate group of 审核答辩材料 (see {@link #reviewGroup}). */
    public static final String REVIEW_GROUP = "answerReviewGroup";

    /** Stage variable: true when the lead unit reports the answer in writing to the district government (Art. 4 ¶4). */
    public static final String UPHELD_REPORT = "upheldReport";

    private final Deadlines deadlines;
    private final LegalClock clock;
    private final CaseAccess access;
    private final UnitDirectory directory;

    public AnswerStage(Deadlines deadlines, LegalClock clock, CaseAccess access, UnitDirectory directory) {
        this.deadlines = deadlines;
        this.clock = clock;
        this.access = access;
        this.directory = directory;
    }

    /**
     * Create listener of 准备答辩材料: the form's fields become variables of this unit's own execution, filled with
     * what the unit submitted last round (a returned answer is corrected, not typed again); the submission then lands
     * there and not in the variables of another unit working in parallel.
     */
    public void prefill(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        String unit = (String) execution.getVariable("answerUnit");
        Map<String, Object> previous = materialsOf(execution, unit);
        for (String field : FIELDS) {
            execution.setVariableLocal(field, previous.get(field));
        }
        execution.setVariableLocal("agents", null);
        AgentFields.prefill(execution, AnswerMaterials.agentsOf(previous));
        execution.setVariableLocal("answerUnitName", directory.nameOf(unit));
    }

    /** Start listener of answer-preparation. */
    @Override
    public void notify(DelegateExecution execution) {
        // First instance: from the approved notice (Art. 10 ¶2); a second instance or retrial: from the day it began.
        Object startsOn = execution.getVariable("answerStartsOn");
        Object approvedOn = startsOn instanceof String ? startsOn : execution.getVariable("approvedOn");
        LocalDate received = approvedOn instanceof String s ? LocalDate.parse(s) : clock.today();
        List<Map<String, Object>> caseDeadlines = CaseDeadlineVariable.read(execution);
        String statutory = statutoryAnswerOf(execution.getVariable("courtInstance"), caseDeadlines);
        List<Map<String, Object>> list = CaseDeadlineVariable.put(caseDeadlines,
                deadlines.computeServing(DeadlineKind.ANSWER_MATERIALS, received, caseDeadlines, statutory));
        CaseDeadlineVariable.write(execution, list);
        // Review, pre-trial review and sealing are due by the statutory day; an instance without one by the internal day.
        execution.setVariable(ANSWER_DEADLINE, statutory != null ? statutory : DeadlineKind.ANSWER_MATERIALS.key());
        List<String> units = new ArrayList<>();
        units.add((String) execution.getVariable("leadUnit"));
        for (String co : CaseAccess.unitList(execution.getVariable("coUnits"))) {
            if (!units.contains(co)) {
                units.add(co);
            }
        }
        execution.setVariable("answerUnits", FormValues.toJson(units));
        execution.setVariable(REVIEW_GROUP, reviewGroup(units.get(0)));
        execution.setVariable(UPHELD_REPORT, upheldReport(execution.getVariable("reconsideration")));
        execution.setVariable("answerRound", 1);
        if (execution.getVariable(AnswerMaterials.VARIABLE) == null) {
            execution.setVariable(AnswerMaterials.VARIABLE, FormValues.toJson(Map.of()));
        }
        access.grantToParticipants(execution);
    }

    /**
     * The statutory answer deadline this instance's answer serves, or null: the first instance's (ALL Art. 67, or
     * 行政复议法 Art. 48 for a reconsideration reply); in a second instance the other party appealed, the fifteen days
     * from its appeal copy (法释〔2018〕1号 Art. 108); none when only we appealed or in a retrial. A later instance never
     * inherits the first instance's day.
     */
    static String statutoryAnswerOf(Object courtInstance, List<Map<String, Object>> caseDeadlines) {
        if (courtInstance == null || "FIRST".equals(courtInstance)) {
            return DeadlineKind.STATUTORY_ANSWER.key();
        }
        if ("SECOND".equals(courtInstance)
                && CaseDeadlineVariable.find(caseDeadlines, DeadlineKind.SECOND_INSTANCE_ANSWER.key()).isPresent()) {
            return DeadlineKind.SECOND_INSTANCE_ANSWER.key();
        }
        return null;
    }

    /**
     * Who reviews the answer materials. 第十条第二款: the handling unit's materials are reviewed by the Justice Bureau
     * before the seal. Nobody reviews a draft they wrote: where the Justice Bureau itself handles the case (第四条第五款,
     * a suit against the reconsideration; or 第四条第六款, a unit not determined, when the leaders give it to the Justice
     * Bureau), the whole answer is its own draft, and the district government, which leads the response work
     * (第三条第一款) and in whose name the answer is sealed, reviews it through its leaders. Where the Justice Bureau
     * drafts only a part (the reconsideration part of an upheld case, 第四条第四款) it still reviews the answer as a
     * whole, but by an officer other than the one who drafted that part ({@link AnswerReviewCheck}), and the leaders
     * read the whole answer in the lead unit's written report before the seal.
     */
    static String reviewGroup(String leadUnit) {
        return leadUnit == null || UnitDirectory.JUSTICE_BUREAU.equals(leadUnit) ? UnitDirectory.DISTRICT_LEADERS
                : UnitDirectory.JUSTICE_BUREAU;
    }

    /**
     * 第四条第四款: a case the district government's own reconsideration upheld is answered by the acting unit and the
     * Justice Bureau together; the acting unit reports it in writing to the district government before the seal.
     */
    static boolean upheldReport(Object reconsideration) {
        return "UPHELD".equals(reconsideration);
    }

    /** The units for the multi-instance task, as a Java list. */
    public List<String> units(DelegateExecution execution) {
        Object units = FormValues.json(execution.getVariable("answerUnits"));
        return units instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    /** Create listener of 准备答辩材料: the assigned government legal counsel helps prepare it (Art. 5). */
    public void involveCounsel(DelegateTask task) {
        Object counsel = task.getVariable("counsel");
        if (counsel instanceof String user && !user.isBlank()) {
            task.addCandidateUser(user);
        }
    }

    static Map<String, Map<String, Object>> materials(DelegateExecution execution) {
        return AnswerMaterials.parse(execution.getVariable(AnswerMaterials.VARIABLE));
    }

    static Map<String, Object> materialsOf(DelegateExecution execution, String unit) {
        return materials(execution).getOrDefault(unit, Map.of());
    }
}
