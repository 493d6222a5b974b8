package cn.shapotou.litigation.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which days are statutory rest days (法定休假日): the official holidays and the weekends, except the weekend days the
 * State Council's notice turns into working days. A year with no notice on file is counted with the statutory holidays
 * of the 全国年节及纪念日放假办法 ({@link StatutoryHolidays}) and the weekends, provisionally (src/docs/deadlines.md).
 */
public final class HolidayCalendar {

    private final SortedMap<Integer, YearCalendar> years;

    public HolidayCalendar(Collection<YearCalendar> years) {
        TreeMap<Integer, YearCalendar> byYear = new TreeMap<>();
        for (YearCalendar year : years) {
            if (byYear.put(year.year(), year) != null) {
                throw new CalendarException("节假日日历：" + year.year() + " 年的日历重复提供");
            }
        }
        this.years = byYear;
    }

    /**
     * How days are told apart where no file speaks (statutory holidays of unpublished years, working-day periods). Part
     * of the fingerprint, so that open deadlines counted by an older rule are recounted once at start-up.
     */
    static final String RULES = "statutory-holidays-2025;working-days";

    /** Changes whenever a rest day or working day changes: the start-up recount runs only then. */
    public String fingerprint() {
        StringBuilder text = new StringBuilder("rules:").append(RULES).append(';');
        for (YearCalendar year : years.values()) {
            text.append(year.year()).append(':');
            year.offDays().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> text.append(e.getKey()).append('=').append(e.getValue()).append(','));
            year.adjustedWorkingDays().stream().sorted().forEach(d -> text.append(d).append("+,"));
            text.append(';');
        }
        return Integer.toHexString(text.toString().hashCode()) + "-" + text.length();
    }

    public boolean hasYear(int year) {
        return years.containsKey(year);
    }

    public Map<Integer, YearCalendar> years() {
        return years;
    }

    public boolean isRestDay(LocalDate day) {
        return restReason(day).isPresent();
    }

    /** Why a day is a rest day, in Chinese ("国庆节", "星期六"), or empty for a working day. */
    public Optional<String> restReason(LocalDate day) {
        YearCalendar year = years.get(day.getYear());
        if (year != null) {
            String holiday = year.offDays().get(day);
            if (holiday != null) {
                return Optional.of(holiday);
            }
            if (year.adjustedWorkingDays().contains(day)) {
                return Optional.empty();
            }
        } else {
            String holiday = StatutoryHolidays.of(day.getYear()).get(day);
            if (holiday != null) {
                return Optional.of(holiday);
            }
        }
        DayOfWeek dow = day.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY) {
            return Optional.of("星期六");
        }
        if (dow == DayOfWeek.SUNDAY) {
            return Optional.of("星期日");
        }
        return Optional.empty();
    }
}
