package cn.shapotou.litigation.deadlines;

import java.time.LocalDate;
import java.util.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import cn.shapotou.litigation.engine.EngineClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one place a deadline is computed and shown: the API, the case variables, task due dates and timers all go
 * through here (DESIGN "Deadlines, end to end").
 */
// Named caseDeadlines in BPMN expressions: the process variable "deadlines" would shadow a bean of that name.
@Component("caseDeadlines")
public class Deadlines {

    private final HolidayCalendarRepository calendars;

    private ReminderDays reminderDays = ReminderDays.DEFAULT;

    public Deadlines(HolidayCalendarRepository calendars) {
        this.calendars = calendars;
    }

    @Autowired(required = false)
    void setReminderDays(ReminderDays reminderDays) {
        this.reminderDays = reminderDays;
    }

    /** The reminder days the reminder timers' cycles are made of. */
    public ReminderDays reminderDays() {
        return reminderDays;
    }

    public ComputedDeadline compute(LocalDate start, int amount, PeriodUnit unit, String basis) {
        return calendars.calculator().compute(start, amount, unit, basis);
    }

    public CaseDeadline compute(DeadlineKind kind, LocalDate start) {
        return new CaseDeadline(kind, compute(start, kind.amount(), kind.unit(), kind.basis()));
    }

    /**
     * The moment a case deadline passes, for BPMN timers: {@code <timeDate>${caseDeadlines.dueAt(execution,
     * 'statutoryAnswer')}</timeDate>}. {@link DeadlineRecomputation} finds timers by this expression.
     */
    public Date dueAt(VariableScope scope, String key) {
        return LegalClock.endOfDay(CaseDeadlineVariable.dueDate(scope, key)
                .orElseThrow(() -> new IllegalStateException("期限 " + key + " 尚未计算")));
    }

    /**
     * The moment a case deadline has passed, for the overdue timers on deadline-bound tasks ({@link DeadlineTimers}):
     * 24:00 of the deadline day, the first instant at which the item is overdue (README「期限与节假日日历」).
     */
    public Date overdueAt(VariableScope scope, String key) {
        return DeadlineTimers.overdueAt(dueAt(scope, key));
    }

    /**
     * The cycle of the reminder timer 「到期提醒」 on a deadline-bound task ({@link DeadlineTimers}): 00:00 of each
     * reminder day up to the deadline day ({@link ReminderDays#cycle}), e.g. {@code R1/2026-12-05T00:00:00+08:00/P2D}
     * for the deadline 2026-12-07 with reminders 2 days before and on the day. Evaluated once, when the timer is
     * created; a moved deadline rewrites the job's cycle (DeadlineTimers#follow).
     */
    public String reminderCycle(VariableScope scope, String key) {
        return reminderDays.cycle(CaseDeadlineVariable.dueDate(scope, key)
                .orElseThrow(() -> new IllegalStateException("期限 " + key + " 尚未计算")), EngineClock.now());
    }

    /**
     * The representation of {@code GET /api/deadlines} (README「期限与节假日日历」), plus the Chinese explanation. The same
     * object is stored on the case ({@link CaseDeadlineVariable}); readers of stored entries must not rely on the newer
     * fields ({@code skipped}, {@code provisional}) being present in entries written before them.
     */
    public static Map<String, Object> toJson(ComputedDeadline d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("start", d.start().toString());
        json.put(d.unit().field(), d.amount());
        json.put("rawEnd", d.rawEnd().toString());
        json.put("due", d.due().toString());
        json.put("dueAt", LegalClock.endOfDayZoned(d.due()).toOffsetDateTime().toString());
        json.put("movedOver", d.movedOver().stream().map(r -> r.date().toString()).toList());
        json.put("movedOverReasons", d.movedOver().stream()
                .map(r -> Map.of("date", r.date().toString(), "reason", r.reason())).toList());
        // Rest days inside a working-day period that were not counted (empty for the other units).
        json.put("skipped", d.skipped().stream().map(r -> r.date().toString()).toList());
        json.put("skippedReasons", d.skipped().stream()
                .map(r -> Map.of("date", r.date().toString(), "reason", r.reason())).toList());
        json.put("calendarYears", d.calendarYears());
        json.put("calendarMissing", d.calendarMissing());
        json.put("provisional", d.provisional());
        json.put("basis", d.basis());
        json.put("explanation", d.explanation());
        return json;
    }

    /** A case deadline as stored on the case and shown by {@code /api/cases}: the key and name first. */
    public static Map<String, Object> toJson(CaseDeadline d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key", d.kind().key());
        json.put("name", d.kind().label());
        json.put("kind", d.kind().name());
        json.putAll(toJson(d.computed()));
        if (d.limit() != null) {
            json.put("periodDue", d.computed().due().toString());
            json.put("due", d.due().toString());
            json.put("dueAt", LegalClock.endOfDayZoned(d.due()).toOffsetDateTime().toString());
            json.put("limitedBy", d.limit().key());
            json.put("limitedByName", d.limit().name());
            json.put("limitedByDue", d.limit().due().toString());
            json.put("explanation", d.explanation());
        }
        return json;
    }

    /**
     * An internal deadline of the case, computed by its own period and never later than the statutory deadline
     * {@code limitKey} it serves (src/docs/deadlines.md, 内部期限服务于法定期限); without that
     * deadline on the case (an instance that has none) the period alone counts.
     */
    public CaseDeadline computeServing(DeadlineKind kind, LocalDate start, List<Map<String, Object>> caseDeadlines,
                                       String limitKey) {
        CaseDeadline own = compute(kind, start);
        return limitOf(caseDeadlines, limitKey).map(own::servingLimit).orElse(own);
    }

    /**
     * The case's deadlines counted again from their own starts with the calendar in force, internal ones again capped
     * by the (recounted) statutory deadline they serve.
     */
    public List<CaseDeadline> recount(List<Map<String, Object>> entries) {
        List<CaseDeadline> fresh = new ArrayList<>();
        List<Map<String, Object>> freshJson = new ArrayList<>();
        for (Map<String, Object> entry : entries) {
            CaseDeadline d = compute(DeadlineKind.of(entry), LocalDate.parse((String) entry.get("start")));
            fresh.add(d);
            freshJson.add(toJson(d));
        }
        List<CaseDeadline> result = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            Object limitKey = entries.get(i).get("limitedBy");
            CaseDeadline d = fresh.get(i);
            result.add(limitKey instanceof String key ? limitOf(freshJson, key).map(d::servingLimit).orElse(d) : d);
        }
        return result;
    }

    private static Optional<CaseDeadline.Limit> limitOf(List<Map<String, Object>> caseDeadlines, String key) {
        if (key == null) {
            return Optional.empty();
        }
        return CaseDeadlineVariable.find(caseDeadlines, key).map(d -> new CaseDeadline.Limit(key,
                String.valueOf(d.get("name")), LocalDate.parse((String) d.get("due"))));
    }
}
