package cn.shapotou.litigation.deadlines;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Counts legal periods (期间) as 行政诉讼法 Art. 101 and 民事诉讼法 Art. 85 require: the start day is not counted; a
 * last day that is a statutory rest day moves to the first day after it that is not one; rest days inside the period
 * are not deducted. Periods in working days (工作日, 行政复议法（2023年修订）第八十八条第二款) count, from the day after
 * the start, only the days that are not statutory rest days and end on the N-th of them. Pure calendar-date
 * arithmetic: time zones are the caller's business (see {@link LegalClock}).
 */
public final class LegalPeriodCalculator {

    /** The counting rule itself, cited when no more specific source is given. */
    public static final String COUNTING_RULE =
            "《中华人民共和国行政诉讼法》第一百零一条、《中华人民共和国民事诉讼法》第八十五条（期间计算）";

    private final HolidayCalendar calendar;

    public LegalPeriodCalculator(HolidayCalendar calendar) {
        this.calendar = calendar;
    }

    public ComputedDeadline compute(LocalDate start, int amount, PeriodUnit unit, String basis) {
        if (start == null) {
            throw new IllegalArgumentException("start is required");
        }
        if (amount < 0) {
            throw new IllegalArgumentException("a period cannot be negative: " + amount);
        }
        TreeSet<Integer> consulted = new TreeSet<>();
        List<RestDay> skipped = new ArrayList<>();
        LocalDate rawEnd;
        if (unit.countsWorkingDays()) {
            // The raw end of a working-day period is its N-th working day itself: being a working day, it never needs
            // to move, so movedOver stays empty and the rest days inside the period are listed as skipped instead.
            // Zero working days is the start day itself, moved like any other last day if it is a rest day.
            rawEnd = start;
            int counted = 0;
            while (counted < amount) {
                rawEnd = rawEnd.plusDays(1);
                consulted.add(rawEnd.getYear());
                Optional<String> reason = calendar.restReason(rawEnd);
                if (reason.isPresent()) {
                    skipped.add(new RestDay(rawEnd, reason.get()));
                } else {
                    counted++;
                }
            }
        } else {
            rawEnd = unit.rawEnd(start, amount);
        }
        List<RestDay> moved = new ArrayList<>();
        LocalDate due = rawEnd;
        while (true) {
            consulted.add(due.getYear());
            Optional<String> reason = calendar.restReason(due);
            if (reason.isEmpty()) {
                break;
            }
            moved.add(new RestDay(due, reason.get()));
            due = due.plusDays(1);
        }
        List<Integer> used = consulted.stream().filter(calendar::hasYear).toList();
        List<Integer> missing = consulted.stream().filter(y -> !calendar.hasYear(y)).toList();
        return new ComputedDeadline(start, amount, unit, rawEnd, due, moved, skipped, used, missing, basis);
    }
}
