package cn.shapotou.litigation.decisions;

import cn.shapotou.litigation.casecore.CaseReopening;
import cn.shapotou.litigation.deadlines.DeadlineKind;
import cn.shapotou.litigation.escalation.CaseWindows;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.springframework.stereotype.Component;

/**
 * The court retries a case that had a legal effect: on the other party's application (ALL Art. 90), on a
 * procuratorate's protest (抗诉, ALL Art. 93) or by its own decision (ALL Art. 92). The case goes before the court again
 * with the same handling unit (Art. 14): answer and appearance as in any instance, counted from the day the order
 * reached us. Whatever the case was doing after the decision (follow-up, loss analysis, archive) gives way; an archived
 * case reopens, as a new instance of {@code litigation-case} under the same case number, carrying the case's data.
 */
@Component
public class RetrialOrder {

    public static final Set<String> INITIATORS = Set.of("OTHER_PARTY", "PROCURATORATE", "COURT");
    /** The scope a retrial (like any instance) starts in. */
    static final String INSTANCE_SCOPE = "InstanceSubProcess";
    /** What goes on beside the main path and is not cancelled: an appearance already under way. */
    static final String HEARING_SCOPE = "HearingEventSubProcess";

    private final RuntimeService runtime;
    private final CaseReopening reopening;
    private final CaseWindows windows;

    public RetrialOrder(RuntimeService runtime, CaseReopening reopening, CaseWindows windows) {
        this.runtime = runtime;
        this.reopening = reopening;
        this.windows = windows;
    }

    /** Chinese name of who started the retrial, for the case record. */
    public static String initiatorLabel(Object initiatedBy) {
        return switch (String.valueOf(initiatedBy)) {
            case "OTHER_PARTY" -> "对方当事人申请再审";
            case "PROCURATORATE" -> "人民检察院抗诉";
            default -> "人民法院决定再审";
        };
    }

    /**
     * Opens the retrial instance. {@code runningCase} is the case's open instance, or null for an archived case.
     * @return the case's instance that now runs the retrial
     */
    public String open(String caseNumber, String runningCase, LocalDate orderReceived, String initiatedBy) {
        Map<String, Object> retrial = new HashMap<>();
        retrial.put("courtInstance", "RETRIAL");
        retrial.put("answerStartsOn", orderReceived.toString());
        retrial.put("retrialOrderedOn", orderReceived.toString());
        retrial.put("retrialInitiatedBy", initiatedBy);
        retrial.put("retrialInitiatedByLabel", initiatorLabel(initiatedBy));
        retrial.put("decisionPending", false);
        // The court retries the case: our own window to apply for it has no more use.
        windows.close(caseNumber, DeadlineKind.RETRIAL.key());
        if (runningCase != null) {
            runtime.setVariables(runningCase, retrial);
            ActivityInstance tree = runtime.getActivityInstance(runningCase);
            // Started first, so that the case is never without an activity while the rest is cancelled.
            ProcessInstanceModificationBuilder modification = runtime.createProcessInstanceModification(runningCase)
                    .startBeforeActivity(INSTANCE_SCOPE);
            for (ActivityInstance child : tree.getChildActivityInstances()) {
                if (!HEARING_SCOPE.equals(child.getActivityId())) {
                    modification.cancelActivityInstance(child.getId());
                }
            }
            for (TransitionInstance transition : tree.getChildTransitionInstances()) {
                modification.cancelTransitionInstance(transition.getId());
            }
            modification.execute();
            return runningCase;
        }
        return reopening.reopen(caseNumber, INSTANCE_SCOPE, retrial);
    }
}
