package cn.shapotou.litigation.deadlines;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One year's holiday notice as a YAML file ({@code calendar/2026.yaml}). The calendar is data, not code
 * (src/docs/deadlines.md); a file that contradicts itself stops start-up, because a wrong rest day moves a legal deadline.
 */
public record CalendarFile(Integer year, String source, List<Holiday> holidays, List<LocalDate> adjustedWorkingDays) {

    public record Holiday(String name, LocalDate from, LocalDate to) {}

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Reads and validates one file; {@code fileName} is only used in messages and to check the year it claims. */
    public static YearCalendar read(String fileName, InputStream in) {
        CalendarFile file;
        try {
            file = YAML.readValue(in, CalendarFile.class);
        } catch (IOException e) {
            throw new CalendarException("节假日日历 " + fileName + " 无法读取：" + e.getMessage(), e);
        }
        if (file == null) {
            throw new CalendarException("节假日日历 " + fileName + " 为空");
        }
        return file.validate(fileName);
    }

    YearCalendar validate(String fileName) {
        String where = "节假日日历 " + fileName + "：";
        if (year == null) {
            throw new CalendarException(where + "缺少年份（year）");
        }
        String expectedName = year + ".yaml";
        if (fileName.endsWith(".yaml") && !fileName.endsWith(expectedName)) {
            throw new CalendarException(where + "文件名应为 " + expectedName + "，与所写年份 " + year + " 不符");
        }
        Map<LocalDate, String> offDays = new HashMap<>();
        for (Holiday holiday : holidays == null ? List.<Holiday>of() : holidays) {
            if (holiday.name() == null || holiday.name().isBlank()) {
                throw new CalendarException(where + "有一个假日缺少名称（name）");
            }
            if (holiday.from() == null || holiday.to() == null || holiday.to().isBefore(holiday.from())) {
                throw new CalendarException(where + holiday.name() + " 的起止日期（from/to）缺失或颠倒");
            }
            for (LocalDate d = holiday.from(); !d.isAfter(holiday.to()); d = d.plusDays(1)) {
                requireInYear(where, d);
                String before = offDays.put(d, holiday.name());
                if (before != null) {
                    throw new CalendarException(where + d + " 被列出两次（" + before + "、" + holiday.name() + "）");
                }
            }
        }
        Set<LocalDate> working = new HashSet<>();
        for (LocalDate d : adjustedWorkingDays == null ? List.<LocalDate>of() : adjustedWorkingDays) {
            requireInYear(where, d);
            if (!working.add(d)) {
                throw new CalendarException(where + "调休上班日 " + d + " 被列出两次");
            }
            if (offDays.containsKey(d)) {
                throw new CalendarException(where + d + " 既是假日（" + offDays.get(d) + "）又是调休上班日");
            }
            DayOfWeek dow = d.getDayOfWeek();
            if (dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY) {
                throw new CalendarException(where + "调休上班日 " + d + " 不是周末，本来就是工作日");
            }
        }
        return new YearCalendar(year, source == null ? "" : source, offDays, working);
    }

    private void requireInYear(String where, LocalDate d) {
        if (d.getYear() != year) {
            throw new CalendarException(where + d + " 不在 " + year + " 年内");
        }
    }
}
