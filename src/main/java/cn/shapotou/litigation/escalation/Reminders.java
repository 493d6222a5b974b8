package cn.shapotou.litigation.escalation;

import cn.shapotou.litigation.deadlines.DeadlineTimers;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.deadlines.ReminderDays;
import cn.shapotou.litigation.engine.EngineTable;
import cn.shapotou.litigation.robots.RobotNotices;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import cn.shapotou.litigation.engine.EngineClock;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Reminders before a deadline (defaults: 2 days before and on the day, {@code litigation.escalation.reminder-days}):
 * once each per task, recorded on the task and the case as a comment, and sent by e-mail to the task's assignee or
 * its groups' members when SMTP is configured ({@code spring.mail.host}).
 *
 * <p>A deadline-bound task's reminders are sent by its own reminder timer 「到期提醒」 (deadlines.DeadlineTimers,
 * {@link DeadlineReminder}) through {@link #remind}. The supervision sweep ({@link #sendDue}) sends the reminders of
 * the other tasks with a due date, and stands in for a reminder timer only where the timer will not send a reminder
 * that is due: its job executor has left it more than a minute past its moment, or the reminder point was reached
 * before the timer existed (an open task of an earlier model version given its timer by migration). Which reminders a
 * task got is kept on the task ({@link #SENT}), so neither sends one twice (README「督办（区司法局）」).
 */
@Component
public class Reminders {

    public static final String SENT = "remindersSent";

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final TaskService tasks;
    private final IdentityService identity;
    private final ObjectProvider<JavaMailSender> mail;
    private final ReminderDays days;
    private final String from;
    private final JdbcTemplate jdbc;
    private final String timerOwned;

    /** The units' DingTalk/WeCom group robots get what is mailed here (robots/RobotNotices). */
    @Autowired
    private RobotNotices robots;

    public Reminders(TaskService tasks, IdentityService identity, ObjectProvider<JavaMailSender> mail,
                     ReminderDays days, JdbcTemplate jdbc, ManagementService management,
                     @Value("${litigation.escalation.mail-from:litigation@shapotou.gov.cn}") String from) {
        this.tasks = tasks;
        this.identity = identity;
        this.mail = mail;
        this.days = days;
        this.from = from;
        this.jdbc = jdbc;
        // The open tasks due within the horizon whose reminder timer is still the job executor's to fire: locked by
        // a node now, or due at most the grace ago (it sends the reminder due now). A timer waiting for a later
        // reminder day leaves today's reminder, if one is due and unsent, to the sweep. A timer job's handler
        // configuration is its activity's id (the engine's timer-transition handler), followed by "$" and flags once a
        // repeating timer's next job was created before this one failed.
        this.timerOwned = "SELECT t.ID_ FROM " + EngineTable.TASK.tableName(management) + " t JOIN "
                + EngineTable.JOB.tableName(management) + " j ON j.PROCESS_INSTANCE_ID_ = t.PROC_INST_ID_ AND "
                + "j.TYPE_ = 'timer' AND (j.HANDLER_CFG_ = CONCAT(t.TASK_DEF_KEY_, '" + DeadlineTimers.REMINDER_SUFFIX
                + "') OR j.HANDLER_CFG_ LIKE CONCAT(t.TASK_DEF_KEY_, '" + DeadlineTimers.REMINDER_SUFFIX + "$%')) "
                + "WHERE t.DUE_DATE_ > ? AND t.DUE_DATE_ < ? AND (j.LOCK_EXP_TIME_ > ? OR "
                + "(j.DUEDATE_ > ? AND j.DUEDATE_ <= ?))";
    }

    /**
     * The sweep's part: every active task due within the furthest reminder day gets the reminder due now, unless its
     * reminder timer is about to send it ({@link #timerOwned}).
     */
    public void sendDue() {
        Date now = EngineClock.now();
        LocalDate today = LegalClock.dateOf(now);
        // dueBefore is exclusive: one second past the last due moment of the furthest reminder day
        Date horizon = new Date(LegalClock.endOfDay(today.plusDays(days.furthest())).getTime() + 1000);
        Set<String> timed = null;
        for (Task task : tasks.createTaskQuery().dueAfter(now).dueBefore(horizon).active().list()) {
            if (due(task, now, sent(task)) == null) {
                continue;
            }
            if (timed == null) {
                timed = timerOwned(now, horizon);
            }
            if (!timed.contains(task.getId())) {
                remind(task);
            }
        }
    }

    /**
     * Sends {@code task} the reminder due now, if any: the nearest reminder point reached (those further out are not
     * sent late), once (task-local {@link #SENT}). Returns whether it sent one. The reminder timer's path
     * ({@link DeadlineReminder}) and the sweep both send through here.
     */
    public boolean remind(Task task) {
        Date now = EngineClock.now();
        Set<Integer> sent = sent(task);
        Integer offset = due(task, now, sent);
        if (offset == null) {
            return false;
        }
        LocalDate due = LegalClock.dateOf(task.getDueDate());
        long daysLeft = ChronoUnit.DAYS.between(LegalClock.dateOf(now), due);
        days.offsets().stream().filter(o -> o >= offset).forEach(sent::add);
        tasks.setVariableLocal(task.getId(), SENT, String.join(",", sent.stream().map(String::valueOf).toList()));
        String text = "提醒：「" + task.getName() + "」将于" + CHINESE_DATE.format(due) + "24时到期"
                + (daysLeft == 0 ? "（今日到期）" : "（还有" + daysLeft + "日）") + "，请及时办理。";
        tasks.createComment(task.getId(), task.getProcessInstanceId(), text);
        send(task, text);
        robots.taskReminder(task, due, daysLeft, text);
        return true;
    }

    /** The reminder point of {@code task} reached at {@code now} and not among {@code sent}; null when none is due. */
    private Integer due(Task task, Date now, Set<Integer> sent) {
        if (task.getDueDate() == null || !task.getDueDate().after(now)) {
            return null;
        }
        Integer offset = days.nearestReached(ChronoUnit.DAYS.between(LegalClock.dateOf(now),
                LegalClock.dateOf(task.getDueDate())));
        return offset == null || sent.contains(offset) ? null : offset;
    }

    private Set<String> timerOwned(Date now, Date horizon) {
        Timestamp at = new Timestamp(now.getTime());
        Timestamp since = new Timestamp(now.getTime() - DeadlineWatch.TIMER_GRACE_MILLIS);
        return new HashSet<>(jdbc.queryForList(timerOwned, String.class, at, new Timestamp(horizon.getTime()), at,
                since, at));
    }

    private Set<Integer> sent(Task task) {
        Object value = tasks.getVariableLocal(task.getId(), SENT);
        Set<Integer> sent = new LinkedHashSet<>();
        if (value instanceof String s && !s.isBlank()) {
            Arrays.stream(s.split(",")).map(Integer::valueOf).forEach(sent::add);
        }
        return sent;
    }

    private void send(Task task, String text) {
        if (mail.getIfAvailable() == null) {
            return;
        }
        List<String> to = new ArrayList<>();
        if (task.getAssignee() != null) {
            addEmail(identity.createUserQuery().userId(task.getAssignee()).singleResult(), to);
        } else {
            for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                    addMembers(link.getGroupId(), to);
                }
            }
        }
        mail(to, "【行政应诉】" + task.getName() + " 即将到期",
                text + "\n\n请登录行政应诉管理系统办理：/camunda/app/tasklist/default/#/?task=" + task.getId());
    }

    /** The reminder days, nearest first (e.g. 0, 2). */
    List<Integer> offsets() {
        return days.offsets();
    }

    /** The e-mail addresses of a group's members are added to {@code to}, when mail is configured. */
    void addMembers(String group, List<String> to) {
        if (mail.getIfAvailable() != null) {
            identity.createUserQuery().memberOfGroup(group).list().forEach(u -> addEmail(u, to));
        }
    }

    /** Sends one reminder by mail, if mail is configured and anyone is to get it; an outage is only logged. */
    void mail(List<String> to, String subject, String text) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null || to.isEmpty()) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.toArray(String[]::new));
        message.setSubject(subject);
        message.setText(text);
        try {
            sender.send(message);
        } catch (RuntimeException e) {
            // The reminder stays recorded as a comment; a mail server outage must not stop the supervision sweep.
            log.warn("Reminder mail \"{}\" not sent: {}", subject, e.getMessage());
        }
    }

    private static void addEmail(User user, List<String> to) {
        if (user != null && user.getEmail() != null && !user.getEmail().isBlank() && !to.contains(user.getEmail())) {
            to.add(user.getEmail());
        }
    }
}
