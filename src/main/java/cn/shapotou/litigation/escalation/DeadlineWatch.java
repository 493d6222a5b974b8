package cn.shapotou.litigation.escalation;

import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.robots.RobotNotices;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import cn.shapotou.litigation.engine.EngineTransactions;
import cn.shapotou.litigation.engine.EngineClock;
import org.camunda.bpm.engine.runtime.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The supervision sweep (Art. 3: the Justice Bureau supervises every deadline), run every minute by the timer of
 * process {@code deadline-watch}, so in a cluster exactly one node runs each sweep (the engine locks the job). Each
 * overdue item gets one incident of type {@code deadline-overdue} on its execution, visible in Cockpit, and one
 * instance of process {@code supervision} ({@link Supervisions}); both go when the item is done. Reminders before a deadline are sent once each.
 */
@Component("deadlineWatch")
public class DeadlineWatch implements JavaDelegate {

    public static final String INCIDENT_TYPE = "deadline-overdue";
    /** The process whose timer runs the sweep (processes/deadline-watch.bpmn). */
    public static final String PROCESS_KEY = "deadline-watch";
    /** Variable of a 督办 (an instance of {@code supervision}; a task-local one of a 督办 task before it): the item's key. */
    public static final String SUPERVISES = "supervisedItem";
    /** Variable of a 督办: the unit charged (a unit id). */
    public static final String UNIT = "unit";
    /** Variable of a 督办: the delay it supervises, {@link OverdueItem#delayOf}; one delay counts once. */
    public static final String DELAY = "delay";
    /** Variable of a 督办: when it was raised (epoch milliseconds), to tell which of one delay's came first. */
    public static final String RAISED_AT = "raisedAt";

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);

    private final OverdueItems overdue;
    private final Reminders reminders;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final SupervisionRegister register;
    private final EngineTransactions transactions;
    private final IdentityService identity;
    private final CourtDeadlineReminders courtReminders;
    private final WindowReminders windowReminders;
    private final Supervisions supervisions;

    /** The units' DingTalk/WeCom group robots hear of each 督办 (robots/RobotNotices). */
    @Autowired
    private RobotNotices robots;

    static final int CHUNK = 250;

    /**
     * How long the sweep leaves an overdue task to its own overdue timer (deadlines.DeadlineTimers) before raising it
     * itself: with the sweep every minute, every item is raised within two minutes of its deadline passing, even when
     * the job executor is behind (README「督办（区司法局）」).
     */
    static final long TIMER_GRACE_MILLIS = 60_000;

    public DeadlineWatch(OverdueItems overdue, Reminders reminders, RuntimeService runtime, TaskService tasks,
                         SupervisionRegister register, EngineTransactions transactions,
                         IdentityService identity, CourtDeadlineReminders courtReminders,
                         WindowReminders windowReminders, Supervisions supervisions) {
        this.supervisions = supervisions;
        this.windowReminders = windowReminders;
        this.identity = identity;
        this.courtReminders = courtReminders;
        this.transactions = transactions;
        this.register = register;
        this.overdue = overdue;
        this.reminders = reminders;
        this.runtime = runtime;
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("escalated", sweep());
    }

    /** One sweep; returns how many new overdue items were escalated. */
    public int sweep() {
        // Read before the incidents: a timer that fires after this read has raised its incident by the next one.
        Set<String> timers = overdue.leftToTimers(TIMER_GRACE_MILLIS);
        List<OverdueItem> items = overdue.now();
        Set<String> open = new HashSet<>();
        // Only the incidents this watch raised: the engine also copies each into the calling case instance,
        // without configuration, and resolves those copies with their cause.
        for (Incident incident : runtime.createIncidentQuery().incidentType(INCIDENT_TYPE).list()) {
            if (incident.getConfiguration() != null) {
                open.add(incident.getConfiguration());
            }
        }
        Set<String> current = new HashSet<>();
        List<OverdueItem> fresh = new ArrayList<>();
        for (OverdueItem item : items) {
            current.add(item.key());
            if (!open.contains(item.key()) && !timers.contains(item.key())) {
                fresh.add(item);
            }
        }
        int escalated = escalateInChunks(fresh);
        // An item that stopped being overdue without its task completing (a deadline moved, a delivery recorded),
        // or whose 督办 task outlived it.
        open.addAll(register.keys());
        for (String key : open) {
            if (!current.contains(key)) {
                resolve(key);
            }
        }
        reminders.sendDue();
        courtReminders.sendDue();
        windowReminders.sendDue();
        if (escalated > 0) {
            log.info("Deadline watch: {} new overdue item(s), {} overdue in all", escalated, items.size());
        }
        return escalated;
    }

    /**
     * New items are escalated {@value #CHUNK} to a transaction of their own: the engine orders a transaction's
     * inserts by reference in quadratic time, so 5,000 escalations in one took most of a minute (README「性能基准」).
     * A chunk commits whole or not at all; one that fails (an item finished meanwhile) is retried item by item, and
     * an item that still fails waits for the next sweep instead of holding up the others.
     */
    int escalateInChunks(List<OverdueItem> fresh) {
        int escalated = 0;
        for (int from = 0; from < fresh.size(); from += CHUNK) {
            List<OverdueItem> chunk = fresh.subList(from, Math.min(fresh.size(), from + CHUNK));
            try {
                inNewTransaction(() -> chunk.forEach(this::escalate));
                escalated += chunk.size();
            } catch (RuntimeException chunkFailed) {
                for (OverdueItem item : chunk) {
                    try {
                        inNewTransaction(() -> escalate(item));
                        escalated++;
                    } catch (RuntimeException e) {
                        log.warn("Deadline watch: item {} of case {} not escalated this time: {}", item.key(),
                                item.caseNumber(), e.getMessage());
                    }
                }
            }
        }
        return escalated;
    }

    private void inNewTransaction(Runnable work) {
        transactions.inNewTransaction(work);
    }

    /**
     * Escalates the overdue tasks its overdue timer stands for, those not raised yet (an overdue timer fires once; the
     * sweep may have overtaken it). In the timer job's transaction.
     */
    public int escalateTimed(List<OverdueItem> items) {
        int escalated = 0;
        for (OverdueItem item : items) {
            if (runtime.createIncidentQuery().incidentType(INCIDENT_TYPE).configuration(item.key()).count() == 0) {
                escalate(item);
                escalated++;
            }
        }
        return escalated;
    }

    private void escalate(OverdueItem item) {
        String message = message(item);
        runtime.createIncident(INCIDENT_TYPE, item.taskId() == null ? overdue.executionAt(item.processInstanceId())
                : item.executionId(), item.key(), message);
        // A case-level item's incident ends with the activity its execution was at, and is raised again on the
        // case's next activity, naming who holds the work then; its 督办 task is one and the same.
        if (register.taskOf(item.key()).isPresent()) {
            return;
        }
        String instance = supervisions.start(item);
        // The robots link to the overdue task; a case-level item's 督办 has no task yet (its first follows the save
        // point), so theirs links to Tasklist itself.
        robots.overdue(item.unit(), item.holders(), item.courtDeadline(), item.caseNumber(), item.item(), item.due(),
                item.daysOverdue(), item.unitName(), item.taskId(), message);
        register.add(item.key(), instance, item.caseNumber());
    }

    /**
     * The incident message: case number, item, days, deadline day, who holds it; for a task that serves a statutory
     * court deadline, which one (the same delay as the case-level item, counted once); for such deadlines, that the
     * district leaders were told.
     */
    String message(OverdueItem item) {
        // Cockpit squeezes the message into a narrow column: who and what first, the details after.
        StringBuilder text = new StringBuilder().append(item.caseNumber()).append("｜").append(item.item())
                .append("｜").append(item.unitName()).append("｜逾期").append(item.daysOverdue()).append("日（期限")
                .append(item.due()).append("，承办：").append(item.holding() != null ? item.holding() : item.unitName());
        if (item.assignee() != null) {
            User user = identity.createUserQuery().userId(item.assignee()).singleResult();
            String name = user == null ? item.assignee()
                    : (String.valueOf(user.getFirstName()) + "（" + user.getLastName() + "）");
            text.append("，经办人：").append(name);
        }
        text.append("）");
        if (!item.caseLevel() && item.courtDeadline()) {
            text.append("；与「").append(CourtDeadlines.label(item.deadline())).append("」为同一期限");
        }
        if (item.courtDeadline()) {
            text.append("；法定期限，已报区政府领导");
        }
        return text.toString();
    }

    /**
     * The item is done: its incident is resolved and its 督办 ends, wherever it stands («结束：事项已办结»). A 督办
     * raised as a standalone task before supervision was a process is completed with a note why.
     */
    public void resolve(String key) {
        for (Incident incident : runtime.createIncidentQuery().incidentType(INCIDENT_TYPE).configuration(key).list()) {
            if (key.equals(incident.getConfiguration()) && incident.getId().equals(incident.getRootCauseIncidentId())) {
                runtime.resolveIncident(incident.getId());
            }
        }
        Optional<String> supervision = register.taskOf(key);
        if (supervision.isEmpty()) {
            return;
        }
        register.remove(key);
        if (supervisions.end(supervision.get(), key)) {
            return;
        }
        // Closed by hand already (a 督办 task is the Justice Bureau's own to complete): nothing left to close.
        if (tasks.createTaskQuery().taskId(supervision.get()).count() > 0) {
            LocalDate today = LegalClock.dateOf(EngineClock.now());
            tasks.createComment(supervision.get(), null, "被督办事项已于" + today + "办结，督办自动结束。");
            tasks.complete(supervision.get());
        }
    }
}
