package cn.shapotou.litigation.deadlines;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * One year of the State Council's holiday notice: the official days off (with the holiday's name) and the weekend days
 * turned into working days (调休上班日).
 */
public record YearCalendar(int year, String source, Map<LocalDate, String> offDays, Set<LocalDate> adjustedWorkingDays) {

    public YearCalendar {
        offDays = Map.copyOf(offDays);
        adjustedWorkingDays = Set.copyOf(adjustedWorkingDays);
    }
}
