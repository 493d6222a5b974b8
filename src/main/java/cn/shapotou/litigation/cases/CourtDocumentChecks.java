package cn.shapotou.litigation.cases;

import cn.shapotou.litigation.web.FieldError;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One court document's input under check: its values, the refusals so far (each naming its field), today. */
public final class CourtDocumentChecks {

    private final Map<String, ?> input;
    private final LocalDate today;
    private final List<FieldError> errors = new ArrayList<>();

    CourtDocumentChecks(Map<String, ?> input, LocalDate today) {
        this.input = input;
        this.today = today;
    }

    public Object value(String field) {
        return input.get(field);
    }

    public void refuse(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    public void refuseAll(List<FieldError> refusals) {
        errors.addAll(refusals);
    }

    /** A date {@code yyyy-MM-dd} within a sensible range; {@code notFuture} for days that have already happened. */
    public void date(String field, String label, boolean required, boolean notFuture) {
        Object value = input.get(field);
        if (value == null || String.valueOf(value).isBlank()) {
            if (required) {
                refuse(field, label + "为必填项");
            }
            return;
        }
        try {
            LocalDate date = LocalDate.parse(String.valueOf(value));
            if (notFuture && date.isAfter(today)) {
                refuse(field, label + "不能晚于今天（" + today + "）");
            } else if (date.getYear() < 1990 || date.getYear() > today.getYear() + 5) {
                refuse(field, label + "超出合理范围");
            }
        } catch (DateTimeParseException e) {
            refuse(field, label + "应为 yyyy-MM-dd 格式的日期");
        }
    }

    List<FieldError> errors() {
        return errors;
    }
}
