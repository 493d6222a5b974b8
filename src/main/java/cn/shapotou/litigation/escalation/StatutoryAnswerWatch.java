package cn.shapotou.litigation.escalation;

import cn.shapotou.litigation.accountability.AccountabilityFact;
import cn.shapotou.litigation.accountability.AccountabilityFacts;
import cn.shapotou.litigation.casecore.CaseRegistry;
import cn.shapotou.litigation.deadlines.DeadlineTimers;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.deadlines.RecountFollower;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import cn.shapotou.litigation.engine.EngineTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The statutory answer deadline is an item of every case from registration until its answer is delivered to the court
 * (ALL Art. 67; README「督办（区司法局）」), whatever stage the case is in. The case keeps it as variable
 * {@value OverdueItems#STATUTORY_ANSWER_DUE}; the case register keeps it indexed, so that supervision finds the
 * overdue ones among 50,000 open cases without reading them all. Both change here, in the engine's transaction.
 */
@Component
public class StatutoryAnswerWatch implements RecountFollower {

    /** Engine property: the deadlines of cases registered before the register kept them were copied. */
    static final String COPIED = "litigation.answer-due-copied";

    private static final Logger log = LoggerFactory.getLogger(StatutoryAnswerWatch.class);

    private final CaseRegistry registry;
    private final ItemDone itemDone;
    private final JdbcTemplate jdbc;
    private final ManagementService management;
    private final RuntimeService runtime;
    private final String variables;

    public StatutoryAnswerWatch(CaseRegistry registry, ItemDone itemDone, JdbcTemplate jdbc,
                                ManagementService management, RuntimeService runtime) {
        this.runtime = runtime;
        this.registry = registry;
        this.itemDone = itemDone;
        this.jdbc = jdbc;
        this.management = management;
        this.variables = EngineTable.VARIABLE.tableName(management);
    }

    /** Case variable: which of the case's deadlines the watch follows (a later instance has its own, never the first's). */
    public static final String WATCHED_KEY = "statutoryAnswerKey";

    /** Registration: the case's answer is due on that day (the deadline {@code key} of the case). */
    public void open(DelegateExecution theCase, String key, LocalDate due) {
        theCase.setVariable(OverdueItems.STATUTORY_ANSWER_DUE, due.toString());
        theCase.setVariable(WATCHED_KEY, key);
        registry.watchAnswer(theCase.getProcessInstanceId(), due, key);
    }

    /**
     * A later instance's own statutory answer (法释〔2018〕1号 Art. 108: fifteen days from the copy of the other party's
     * appeal), opened when the document is registered, whatever the case is doing then.
     */
    public void open(String caseInstanceId, String key, LocalDate due) {
        runtime.setVariable(caseInstanceId, OverdueItems.STATUTORY_ANSWER_DUE, due.toString());
        runtime.setVariable(caseInstanceId, WATCHED_KEY, key);
        registry.watchAnswer(caseInstanceId, due, key);
        moveTimers(caseInstanceId, due);
    }

    /**
     * The moment of the case's statutory answer timers 「法定答辩期限届满」 (timeDate
     * {@code ${statutoryAnswerWatch.overdueAt(execution)}}; ids ending in DeadlineTimers#STATUTORY_ANSWER_SUFFIX):
     * 24:00 of the watched answer day. With none watched when the stage starts (a later instance before the other
     * party's appeal is registered), the timer waits without a day ({@link #NO_DAY}) until {@link #open} gives it one.
     */
    public Date overdueAt(DelegateExecution execution) {
        Object due = execution.getVariable(OverdueItems.STATUTORY_ANSWER_DUE);
        return due instanceof String day ? DeadlineTimers.overdueAt(LegalClock.endOfDay(LocalDate.parse(day))) : NO_DAY;
    }

    /** When a statutory answer timer waits while no answer is watched: the last day the engine's dates hold. */
    static final Date NO_DAY = Date.from(LocalDate.of(9999, 12, 31).atStartOfDay(LegalClock.ZONE).toInstant());

    private void moveTimers(String caseInstanceId, LocalDate due) {
        for (Job timer : management.createJobQuery().processInstanceId(caseInstanceId).timers().list()) {
            String activity = DeadlineTimers.activityOf(management, timer);
            if (activity != null && activity.endsWith(DeadlineTimers.STATUTORY_ANSWER_SUFFIX)) {
                management.setJobDuedate(timer.getId(), DeadlineTimers.overdueAt(LegalClock.endOfDay(due)));
            }
        }
    }

    /** Delivered to the court, or the case decided before it was: the item is done, with its escalation. */
    public void close(DelegateExecution theCase) {
        if (theCase.getVariable(OverdueItems.STATUTORY_ANSWER_DUE) == null) {
            return;
        }
        theCase.removeVariable(OverdueItems.STATUTORY_ANSWER_DUE);
        theCase.removeVariable(WATCHED_KEY);
        registry.watchAnswer(theCase.getProcessInstanceId(), null, null);
        itemDone.statutoryAnswerDelivered(theCase.getProcessInstanceId());
    }

    /**
     * A decision came before the answer was delivered: the item is done. Where its statutory day had passed by then,
     * no answer and no evidence reached the court in time — the act counts as without evidence (ALL Art. 34 ¶2) and it
     * is an accountability fact (Art. 22 (6)). A decision within the period (a withdrawal, say) is not.
     */
    public void closeByDecision(DelegateExecution theCase, LocalDate decidedOn) {
        Object due = theCase.getVariable(OverdueItems.STATUTORY_ANSWER_DUE);
        if (due instanceof String day && decidedOn.isAfter(LocalDate.parse(day))) {
            AccountabilityFacts.record(theCase, AccountabilityFact.NO_ANSWER_FILED,
                    "法定答辩期限 " + day + " 届满，至 " + decidedOn + " 收到裁判文书时仍未向人民法院提交答辩状及证据");
        }
        close(theCase);
    }

    /**
     * Cases registered before the case register kept the deadline (earlier builds of version 0.1.0) have it only as a
     * variable: copied once into the register, then never again (an engine property records that it was done).
     */
    @EventListener(ApplicationReadyEvent.class)
    public void copyDeadlinesOfEarlierCases() {
        if (management.getProperties().containsKey(COPIED)) {
            return;
        }
        int copied = jdbc.update("UPDATE lit_case SET answer_due = (SELECT CAST(v.TEXT_ AS DATE) FROM " + variables
                + " v WHERE v.EXECUTION_ID_ = lit_case.process_instance_id AND v.TASK_ID_ IS NULL AND v.NAME_ = ?)"
                + " WHERE answer_due IS NULL AND EXISTS (SELECT 1 FROM " + variables + " v WHERE v.EXECUTION_ID_ ="
                + " lit_case.process_instance_id AND v.TASK_ID_ IS NULL AND v.NAME_ = ?)",
                OverdueItems.STATUTORY_ANSWER_DUE, OverdueItems.STATUTORY_ANSWER_DUE);
        management.setProperty(COPIED, "true");
        if (copied > 0) {
            log.info("Statutory answer deadlines of {} earlier case(s) copied into the case register", copied);
        }
    }

    /** A changed holiday calendar moved the deadline (deadlines.DeadlineRecomputation); only while still watched. */
    @Override
    public void move(String caseInstanceId, String key, LocalDate due) {
        Object watched = runtime.getVariable(caseInstanceId, WATCHED_KEY);
        // Cases registered before the watch named its deadline watch the first instance's.
        boolean same = key.equals(watched == null ? "statutoryAnswer" : watched);
        if (same && runtime.getVariable(caseInstanceId, OverdueItems.STATUTORY_ANSWER_DUE) != null) {
            runtime.setVariable(caseInstanceId, OverdueItems.STATUTORY_ANSWER_DUE, due.toString());
            registry.watchAnswer(caseInstanceId, due, key);
            moveTimers(caseInstanceId, due);
        }
    }
}
