package cn.shapotou.litigation.deadlines;

import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The one place a deadline is computed and shown: the API, the case variables, task due dates and timers all go
 * through here (DESIGN "Deadlines, end to end").
 */
// Named caseDeadlines in BPMN expressions: the process variable "deadlines" would shadow a bean of that name.
@Component("caseDeadlines")
public class Deadlines {

    private final HolidayCalendarRepository calendars;

    public Deadlines(HolidayCalendarRepository calendars) {
        this.calendars = calendars;
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
     * The representation of {@code GET /api/deadlines} (CONTRACT §5), plus the Chinese explanation. The same object is
     * stored on the case ({@link CaseDeadlineVariable}); readers of stored entries must not rely on the newer fields
     * ({@code skipped}, {@code provisional}) being present in entries written before them.
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
        return json;
    }
}
