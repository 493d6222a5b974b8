package cn.shapotou.litigation.deadlines;

import java.time.LocalDate;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import cn.shapotou.litigation.engine.EngineClock;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's own date arithmetic, for task due dates and timers written as ISO periods: a period of whole days,
 * months or years ({@code P7D}, {@code P6M}, {@code P2Y}) is a legal period (期间) counted by
 * {@link LegalPeriodCalculator} from the Asia/Shanghai date of its start, due at 23:59:59 of the last day, so a
 * {@code P7D} in a BPMN file can never skip the rest-day rule. Anything else (hours, minutes, mixed periods, fixed
 * dates, cycles) goes to the engine's default calendar.
 */
public class LegalBusinessCalendar implements BusinessCalendar {

    private static final Pattern SINGLE_UNIT = Pattern.compile("P(\\d+)([DMY])");

    private final BusinessCalendar engineDefault;
    private final Deadlines deadlines;

    public LegalBusinessCalendar(BusinessCalendar engineDefault, Deadlines deadlines) {
        this.engineDefault = engineDefault;
        this.deadlines = deadlines;
    }

    @Override
    public Date resolveDuedate(String description) {
        return resolveDuedate(description, (Date) null);
    }

    @Override
    public Date resolveDuedate(String description, Task task) {
        return resolveDuedate(description, task == null ? null : task.getCreateTime());
    }

    @Override
    public Date resolveDuedate(String description, Date startDate) {
        Matcher period = description == null ? null : SINGLE_UNIT.matcher(description.strip());
        if (period == null || !period.matches()) {
            return engineDefault.resolveDuedate(description, startDate);
        }
        PeriodUnit unit = switch (period.group(2)) {
            case "D" -> PeriodUnit.DAYS;
            case "M" -> PeriodUnit.MONTHS;
            default -> PeriodUnit.YEARS;
        };
        LocalDate start = LegalClock.dateOf(startDate != null ? startDate : EngineClock.now());
        ComputedDeadline deadline = deadlines.compute(start, Integer.parseInt(period.group(1)), unit,
                LegalPeriodCalculator.COUNTING_RULE);
        return LegalClock.endOfDay(deadline.due());
    }
}
