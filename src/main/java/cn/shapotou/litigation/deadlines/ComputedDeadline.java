package cn.shapotou.litigation.deadlines;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A deadline with everything needed to check it by hand (deadlines.md, "Every computed deadline shows how it was
 * computed"): start, length, raw end, each rest day that moved it, the calendar years used and missing, the legal source.
 */
public record ComputedDeadline(
        LocalDate start,
        int amount,
        PeriodUnit unit,
        LocalDate rawEnd,
        LocalDate due,
        List<RestDay> movedOver,
        List<Integer> calendarYears,
        List<Integer> calendarMissing,
        String basis) {

    public ComputedDeadline {
        movedOver = List.copyOf(movedOver);
        calendarYears = List.copyOf(calendarYears);
        calendarMissing = List.copyOf(calendarMissing);
    }

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    /** The explanation a case handler reads, in Chinese. */
    public String explanation() {
        StringBuilder text = new StringBuilder();
        if (amount == 0) {
            text.append("当日办理：").append(CHINESE_DATE.format(start));
        } else {
            text.append("自").append(CHINESE_DATE.format(start)).append("起算，起算日不计入，期间")
                    .append(amount).append(unit.label()).append("，届满日").append(CHINESE_DATE.format(rawEnd));
        }
        if (!movedOver.isEmpty()) {
            text.append("；届满日为法定休假日，顺延过 ")
                    .append(movedOver.stream()
                            .map(d -> CHINESE_DATE.format(d.date()) + "（" + d.reason() + "）")
                            .collect(Collectors.joining("、")));
        }
        text.append("；期限至").append(CHINESE_DATE.format(due)).append("24时止");
        if (!calendarYears.isEmpty()) {
            text.append("；依据")
                    .append(calendarYears.stream().map(y -> y + "年").collect(Collectors.joining("、")))
                    .append("节假日安排");
        }
        if (!calendarMissing.isEmpty()) {
            text.append("；")
                    .append(calendarMissing.stream().map(y -> y + "年").collect(Collectors.joining("、")))
                    .append("节假日安排尚未公布，暂仅按周末计算，公布后将重新计算");
        }
        if (basis != null && !basis.isBlank()) {
            text.append("。法律依据：").append(basis);
        }
        return text.append("。").toString();
    }
}
