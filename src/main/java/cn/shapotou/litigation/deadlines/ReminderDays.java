package cn.shapotou.litigation.deadlines;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The days before a task's deadline on which its handlers are reminded ({@code litigation.escalation.reminder-days},
 * default 2 days before and on the day; README「督办（区司法局）」), each from 00:00 Asia/Shanghai of that day. One place for
 * the task's reminder timer 「到期提醒」 (its cycle, {@link DeadlineTimers}), the reminders themselves
 * (escalation.Reminders) and the supervision sweep.
 */
@Component
public class ReminderDays {

    /** The application's default, for code built without Spring (tests of single classes). */
    public static final ReminderDays DEFAULT = new ReminderDays("2,0");

    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final List<Integer> offsets;

    public ReminderDays(@Value("${litigation.escalation.reminder-days:2,0}") String offsets) {
        this.offsets = Arrays.stream(offsets.split(",")).map(String::strip).map(Integer::valueOf).distinct().sorted()
                .toList();
        if (this.offsets.isEmpty() || this.offsets.get(0) < 0) {
            throw new IllegalArgumentException("提醒日须为期限前的天数（0 为当日），如 2,0：" + offsets);
        }
    }

    /** The reminder days, nearest first (e.g. 0, 2). */
    public List<Integer> offsets() {
        return offsets;
    }

    public int furthest() {
        return offsets.get(offsets.size() - 1);
    }

    /**
     * The nearest reminder point reached with {@code daysLeft} days to the deadline (null: none yet, or overdue): a
     * task born or moved inside its reminder window gets that one at once, those further out are not sent late.
     */
    public Integer nearestReached(long daysLeft) {
        if (daysLeft < 0) {
            return null;
        }
        return offsets.stream().filter(o -> daysLeft <= o).findFirst().orElse(null);
    }

    /** Whether {@code today} lies between the furthest reminder day and the deadline day {@code due}, both included. */
    public boolean inWindow(LocalDate due, LocalDate today) {
        return nearestReached(ChronoUnit.DAYS.between(today, due)) != null;
    }

    /**
     * The reminder timer's ISO 8601 repeating interval for a task due on {@code due}: from 00:00 of the furthest
     * reminder day, every {@code k} days up to 00:00 of the deadline day, {@code k} the greatest common divisor of the
     * reminder days' distances (2,0 gives {@code R1/2026-12-05T00:00:00+08:00/P2D}: 12-05 and 12-07; 7,3,0 fires daily),
     * so that the timer does not fire on days without a reminder where it can help it. The engine counts repetitions
     * after the start ({@code R1} fires twice: its DurationHelper adds the period up to {@code R} times to the start).
     */
    public String cycle(LocalDate due) {
        int furthest = furthest();
        int step = 0;
        for (int offset : offsets) {
            step = gcd(step, furthest - offset);
        }
        step = step == 0 ? 1 : step;
        return "R" + (furthest / step) + "/" + START.format(startOfDay(due.minusDays(furthest))) + "/P" + step + "D";
    }

    /**
     * The cycle for a reminder timer created at {@code now} (with its task, or by migration): {@link #cycle}, unless
     * none of its days lies ahead (a task born on or after its deadline day). The engine refuses a timer without a
     * next moment, so then the cycle is the single next 00:00, at which the timer finds nothing to send (the deadline
     * day is over); a task born on its deadline day is reminded at once all the same
     * (DeadlineTimers#remindAtOnce).
     */
    public String cycle(LocalDate due, Date now) {
        if (startOfDay(due).toInstant().isAfter(now.toInstant())) {
            return cycle(due);
        }
        return "R0/" + START.format(startOfDay(LegalClock.dateOf(now).plusDays(1))) + "/P1D";
    }

    /**
     * When a task due on {@code due} is next to be looked at by its reminder timer, at {@code now}: at once inside the
     * reminder window (a reminder point reached may not have been sent yet: a task born, moved or migrated inside it);
     * 00:00 of the furthest reminder day before it; at once after the deadline day too, when the timer's cycle has no
     * point left and it ends without sending.
     */
    public Date next(LocalDate due, Date now) {
        Date start = Date.from(startOfDay(due.minusDays(furthest())).toInstant());
        return start.after(now) ? start : now;
    }

    private static ZonedDateTime startOfDay(LocalDate day) {
        return day.atStartOfDay(LegalClock.ZONE);
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
