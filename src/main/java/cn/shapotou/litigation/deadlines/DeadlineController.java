package cn.shapotou.litigation.deadlines;

import cn.shapotou.litigation.identity.CurrentUser;
import cn.shapotou.litigation.identity.Roles;
import cn.shapotou.litigation.web.ApiException;
import cn.shapotou.litigation.web.FieldError;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/deadlines} (CONTRACT §5) and the administrator's calendar reload. */
@RestController
public class DeadlineController {

    /** Longer periods than any of the law's (two years) are certainly typing errors. */
    private static final int MAX_DAYS = 3660;
    private static final int MAX_MONTHS = 120;

    private final Deadlines deadlines;
    private final HolidayCalendarRepository calendars;
    private final DeadlineRecomputation recomputation;
    private final CurrentUser user;

    public DeadlineController(Deadlines deadlines, HolidayCalendarRepository calendars,
                              DeadlineRecomputation recomputation, CurrentUser user) {
        this.deadlines = deadlines;
        this.calendars = calendars;
        this.recomputation = recomputation;
        this.user = user;
    }

    @GetMapping("/api/deadlines")
    public Map<String, Object> compute(@RequestParam(required = false) String start,
                                       @RequestParam(required = false) String days,
                                       @RequestParam(required = false) String months) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate from = null;
        if (start == null || start.isBlank()) {
            errors.add(new FieldError("start", "起算日（start）为必填项，格式 yyyy-MM-dd"));
        } else {
            try {
                from = LocalDate.parse(start.strip());
                if (from.getYear() < 1990 || from.getYear() > 2200) {
                    errors.add(new FieldError("start", "起算日（start）超出可计算的范围（1990 至 2200 年）"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("start", "起算日（start）应为 yyyy-MM-dd 格式的日期"));
            }
        }
        if ((days == null) == (months == null)) {
            errors.add(new FieldError("days", "期间须且只须给出一个：日数（days）或月数（months）"));
        }
        Integer amount = null;
        PeriodUnit unit = days != null ? PeriodUnit.DAYS : PeriodUnit.MONTHS;
        String field = days != null ? "days" : "months";
        String raw = days != null ? days : months;
        if (raw != null) {
            int max = unit == PeriodUnit.DAYS ? MAX_DAYS : MAX_MONTHS;
            try {
                amount = Integer.parseInt(raw.strip());
                if (amount < 0 || amount > max) {
                    errors.add(new FieldError(field, "期间（" + field + "）应为 0 至 " + max + " 之间的整数"));
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError(field, "期间（" + field + "）应为整数"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, errors);
        }
        return Deadlines.toJson(deadlines.compute(from, amount, unit, LegalPeriodCalculator.COUNTING_RULE));
    }

    /** Reads the calendar files again and moves every open deadline that depends on them (deadlines.md). */
    @PostMapping("/api/admin/calendar/reload")
    public Map<String, Object> reload() {
        if (!user.groups().contains(Roles.ADMIN)) {
            throw new ApiException(HttpStatus.FORBIDDEN, null, "只有系统管理员可以重新加载节假日日历");
        }
        HolidayCalendar calendar;
        try {
            calendar = calendars.reload();
        } catch (CalendarException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "calendar", e.getMessage());
        }
        List<DeadlineRecomputation.Change> changes = recomputation.recompute();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("calendarYears", List.copyOf(calendar.years().keySet()));
        result.put("changes", changes);
        return result;
    }
}
