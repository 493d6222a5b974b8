package cn.shapotou.litigation.escalation;

import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.robots.RobotNotices;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
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
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Reminders before a deadline (defaults: 2 days before and on the day, {@code litigation.escalation.reminder-days}):
 * once each per task, recorded on the task and the case as a comment, and sent by e-mail to the task's assignee or
 * its groups' members when SMTP is configured ({@code spring.mail.host}).
 */
@Component
public class Reminders {

    public static final String SENT = "remindersSent";

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final TaskService tasks;
    private final IdentityService identity;
    private final ObjectProvider<JavaMailSender> mail;
    private final List<Integer> offsets;
    private final String from;

    /** The units' DingTalk/WeCom group robots get what is mailed here (robots/RobotNotices). */
    @Autowired
    private RobotNotices robots;

    public Reminders(TaskService tasks, IdentityService identity, ObjectProvider<JavaMailSender> mail,
                     @Value("${litigation.escalation.reminder-days:2,0}") String offsets,
                     @Value("${litigation.escalation.mail-from:litigation@shapotou.gov.cn}") String from) {
        this.tasks = tasks;
        this.identity = identity;
        this.mail = mail;
        this.offsets = Arrays.stream(offsets.split(",")).map(String::strip).map(Integer::valueOf).sorted().toList();
        this.from = from;
    }

    public void sendDue() {
        Date now = EngineClock.now();
        LocalDate today = LegalClock.dateOf(now);
        int furthest = offsets.get(offsets.size() - 1);
        // dueBefore is exclusive: one second past the last due moment of the furthest reminder day
        Date horizon = new Date(LegalClock.endOfDay(today.plusDays(furthest)).getTime() + 1000);
        for (Task task : tasks.createTaskQuery().dueAfter(now).dueBefore(horizon).active().list()) {
            LocalDate due = LegalClock.dateOf(task.getDueDate());
            long daysLeft = ChronoUnit.DAYS.between(today, due);
            Set<Integer> sent = sent(task);
            // the nearest reminder point reached; those further out are not sent late
            Integer offset = offsets.stream().filter(o -> daysLeft <= o).findFirst().orElse(null);
            if (offset == null || sent.contains(offset)) {
                continue;
            }
            offsets.stream().filter(o -> o >= offset).forEach(sent::add);
            tasks.setVariableLocal(task.getId(), SENT, String.join(",", sent.stream().map(String::valueOf).toList()));
            String text = "提醒：「" + task.getName() + "」将于" + CHINESE_DATE.format(due) + "24时到期"
                    + (daysLeft == 0 ? "（今日到期）" : "（还有" + daysLeft + "日）") + "，请及时办理。";
            tasks.createComment(task.getId(), task.getProcessInstanceId(), text);
            send(task, text);
            robots.taskReminder(task, due, daysLeft, text);
        }
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
        return offsets;
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
