package cn.shapotou.litigation.deadlines;

import cn.shapotou.litigation.web.ApiException;
import cn.shapotou.litigation.web.FieldError;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/deadlines} (README「期限与节假日日历」). The administrator's calendar reload is
 * operations.CalendarReloadController's.
 */
@RestController
public class DeadlineController {

    /** Longer periods than any of the law's (two years) are certainly typing errors. */
    private static final int MAX_DAYS = 3660;
    private static final int MAX_MONTHS = 120;
    private static final int MAX_WORKING_DAYS = 2500;

    private final Deadlines deadlines;

    public DeadlineController(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    /**
     * One period from its start: exactly one of {@code days}, {@code months}, {@code workingDays} or {@code kind} (a
     * case deadline by name, e.g. {@code RECONSIDERATION_ANSWER}: its length, unit and legal basis). For working days
     * {@code rawEnd} is the N-th working day itself, which never moves (see {@link LegalPeriodCalculator}).
     */
    @GetMapping("/api/deadlines")
    public Map<String, Object> compute(@RequestParam(required = false) String start,
                                       @RequestParam(required = false) String days,
                                       @RequestParam(required = false) String months,
                                       @RequestParam(required = false) String workingDays,
                                       @RequestParam(required = false) String kind) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate from = null;
        if (start == null || start.isBlank()) {
            errors.add(new FieldError("start", "起算日为必填项，格式 yyyy-MM-dd"));
        } else {
            try {
                from = LocalDate.parse(start.strip());
                if (from.getYear() < 1990 || from.getYear() > 2200) {
                    errors.add(new FieldError("start", "起算日超出可计算的范围（1990 至 2200 年）"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("start", "起算日应为 yyyy-MM-dd 格式的日期"));
            }
        }
        Map<String, String> given = new LinkedHashMap<>();
        given.put("days", days);
        given.put("months", months);
        given.put("workingDays", workingDays);
        given.put("kind", kind);
        given.values().removeIf(Objects::isNull);
        if (given.size() != 1) {
            String field = given.isEmpty() ? "days" : given.keySet().iterator().next();
            errors.add(new FieldError(field,
                    "期间须且只须给出一项：日数、月数、工作日数或期限种类"));
        }
        DeadlineKind deadlineKind = null;
        Integer amount = null;
        PeriodUnit unit = null;
        if (given.size() == 1 && kind != null) {
            deadlineKind = kind(kind, errors);
        } else if (given.size() == 1) {
            unit = days != null ? PeriodUnit.DAYS : months != null ? PeriodUnit.MONTHS : PeriodUnit.WORKING_DAYS;
            amount = amount(unit, given.get(unit.field()), errors);
        }
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, errors);
        }
        if (deadlineKind != null) {
            return Deadlines.toJson(deadlines.compute(deadlineKind, from));
        }
        return Deadlines.toJson(deadlines.compute(from, amount, unit, LegalPeriodCalculator.COUNTING_RULE));
    }

    private static Integer amount(PeriodUnit unit, String raw, List<FieldError> errors) {
        String field = unit.field();
        int max = switch (unit) {
            case MONTHS -> MAX_MONTHS;
            case WORKING_DAYS -> MAX_WORKING_DAYS;
            default -> MAX_DAYS;
        };
        try {
            int amount = Integer.parseInt(raw.strip());
            if (amount < 0 || amount > max) {
                errors.add(new FieldError(field, "期间（" + field + "）应为 0 至 " + max + " 之间的整数"));
            }
            return amount;
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "期间（" + field + "）应为整数"));
            return null;
        }
    }

    private static DeadlineKind kind(String raw, List<FieldError> errors) {
        try {
            return DeadlineKind.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("kind", "期限种类不存在，可选："
                    + Arrays.stream(DeadlineKind.values()).map(k -> k.name() + "（" + k.label() + "）")
                    .collect(Collectors.joining("、"))));
            return null;
        }
    }
}
