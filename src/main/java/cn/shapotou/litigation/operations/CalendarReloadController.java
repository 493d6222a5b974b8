package cn.shapotou.litigation.operations;

import cn.shapotou.litigation.deadlines.CalendarException;
import cn.shapotou.litigation.deadlines.DeadlineRecomputation;
import cn.shapotou.litigation.deadlines.HolidayCalendar;
import cn.shapotou.litigation.deadlines.HolidayCalendarRepository;
import cn.shapotou.litigation.identity.CurrentUser;
import cn.shapotou.litigation.web.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrator's reload of the holiday calendar (README「期限与节假日日历」, src/docs/deadlines.md): like the backups
 * and the migrations, work on the whole system that only the system administrators (camunda-admin) may do.
 */
@RestController
public class CalendarReloadController {

    private final HolidayCalendarRepository calendars;
    private final DeadlineRecomputation recomputation;
    private final CurrentUser user;

    public CalendarReloadController(HolidayCalendarRepository calendars, DeadlineRecomputation recomputation,
                                    CurrentUser user) {
        this.calendars = calendars;
        this.recomputation = recomputation;
        this.user = user;
    }

    /** Reads the calendar files again and moves every open deadline that depends on them (src/docs/deadlines.md). */
    @PostMapping("/api/admin/calendar/reload")
    public Map<String, Object> reload() {
        user.requireAdmin("只有系统管理员可以重新加载节假日日历");
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
