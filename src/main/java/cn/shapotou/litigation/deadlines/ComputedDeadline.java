package cn.shapotou.litigation.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A deadline with everything needed to check it by hand (src/docs/deadlines.md): start, length, raw end, each rest
 * day that moved it, for a working-day period each rest day inside it that was not counted, the calendar years used and
 * missing, the legal source.
 *
 * @param movedOver rest days the last day was moved over (民事诉讼法 Art. 85: the period ends on the next working day)
 * @param skipped   rest days inside a working-day period, not counted; always empty for other units, whose rest days
 *                  inside the period are not deducted
 */
public record ComputedDeadline(
        LocalDate start,
        int amount,
        PeriodUnit unit,
        LocalDate rawEnd,
        LocalDate due,
        List<RestDay> movedOver,
        List<RestDay> skipped,
        List<Integer> calendarYears,
        List<Integer> calendarMissing,
        String basis) {

    public ComputedDeadline {
        movedOver = List.copyOf(movedOver);
        skipped = List.copyOf(skipped);
        calendarYears = List.copyOf(calendarYears);
        calendarMissing = List.copyOf(calendarMissing);
    }

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    /**
     * True exactly when a year without a published holiday arrangement (no calendar file) was consulted: the deadline
     * is counted provisionally and is recounted when that year's file is added.
     */
    public boolean provisional() {
        return !calendarMissing.isEmpty();
    }

    /** The explanation a case handler reads, in Chinese. */
    public String explanation() {
        StringBuilder text = new StringBuilder();
        if (amount == 0) {
            text.append("当日办理：").append(CHINESE_DATE.format(start));
        } else if (unit.countsWorkingDays()) {
            text.append("自").append(CHINESE_DATE.format(start)).append("起算，起算日不计入，期间")
                    .append(amount).append(unit.label());
            if (!skipped.isEmpty()) {
                text.append("；其间").append(list(skipped)).append("为法定休假日，不计入");
            }
            List<LocalDate> adjusted = adjustedWorkingDaysCounted();
            if (!adjusted.isEmpty()) {
                text.append("；").append(adjusted.stream()
                                .map(d -> CHINESE_DATE.format(d) + "（" + weekday(d) + "）").collect(Collectors.joining("、")))
                        .append("为调休上班日，计入");
            }
            text.append("；第").append(amount).append("个工作日为").append(CHINESE_DATE.format(rawEnd));
        } else {
            text.append("自").append(CHINESE_DATE.format(start)).append("起算，起算日不计入，期间")
                    .append(amount).append(unit.label()).append("，届满日").append(CHINESE_DATE.format(rawEnd));
        }
        if (!movedOver.isEmpty()) {
            text.append("；届满日为法定休假日，顺延过").append(list(movedOver));
        }
        text.append("；期限至").append(CHINESE_DATE.format(due)).append("24时止");
        if (!calendarYears.isEmpty()) {
            text.append("；依据").append(years(calendarYears)).append("节假日安排");
        }
        List<Integer> unpublished = calendarMissing.stream().filter(y -> y >= StatutoryHolidays.FIRST_YEAR).toList();
        if (!unpublished.isEmpty()) {
            text.append("；").append(years(unpublished))
                    .append("放假安排尚未公布，按法定节假日和周末暂计，公布后将重新计算");
        }
        List<Integer> older = calendarMissing.stream().filter(y -> y < StatutoryHolidays.FIRST_YEAR).toList();
        if (!older.isEmpty()) {
            text.append("；").append(years(older)).append("节假日安排未收录，仅按周末暂计，补充后将重新计算");
        }
        if (basis != null && !basis.isBlank()) {
            text.append("。法律依据：").append(basis);
        }
        return text.append("。").toString();
    }

    private static String years(List<Integer> years) {
        return years.stream().map(y -> y + "年").collect(Collectors.joining("、"));
    }

    private static String list(List<RestDay> days) {
        return days.stream().map(d -> CHINESE_DATE.format(d.date()) + "（" + d.reason() + "）")
                .collect(Collectors.joining("、"));
    }

    /** Weekend days counted as working days: inside the period every day is either skipped or counted. */
    private List<LocalDate> adjustedWorkingDaysCounted() {
        Set<LocalDate> skippedDays = skipped.stream().map(RestDay::date).collect(Collectors.toSet());
        List<LocalDate> adjusted = new ArrayList<>();
        for (LocalDate d = start.plusDays(1); !d.isAfter(rawEnd); d = d.plusDays(1)) {
            DayOfWeek dow = d.getDayOfWeek();
            if ((dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) && !skippedDays.contains(d)) {
                adjusted.add(d);
            }
        }
        return adjusted;
    }

    private static String weekday(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY ? "星期六" : "星期日";
    }
}
