package cn.shapotou.litigation.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads a submitted form field by field, collecting every refusal with the field named in Chinese, then refuses the
 * whole submission at once ({@link #done()}), so a clerk sees all that is missing, not one thing per try.
 */
public final class FormCheck {

    private final VariableScope scope;
    private final List<FieldError> errors = new ArrayList<>();

    public FormCheck(VariableScope scope) {
        this.scope = scope;
    }

    public String text(String field, String label, boolean required, int maxLength) {
        String value = FormValues.text(scope.getVariable(field));
        if (value == null && required) {
            refuse(field, label + "为必填项");
        } else if (value != null && value.length() > maxLength) {
            refuse(field, label + "不能超过 " + maxLength + " 个字");
        } else if (value != null && PlainText.problem(value) != null) {
            refuse(field, label + "" + PlainText.problem(value));
        }
        return value;
    }

    public Boolean bool(String field, String label) {
        Boolean value = FormValues.bool(scope.getVariable(field));
        if (value == null) {
            refuse(field, label + "须选择“是”或“否”");
        } else {
            scope.setVariable(field, value);
        }
        return value;
    }

    public String choice(String field, String label, Set<String> allowed) {
        Object value = scope.getVariable(field);
        if (value == null || !allowed.contains(String.valueOf(value))) {
            refuse(field, label + "须从选项中选择一项");
            return null;
        }
        return String.valueOf(value);
    }

    /** A date that has happened: not after today, not before {@code notBefore} (when given). */
    public LocalDate pastDate(String field, String label, LocalDate today, LocalDate notBefore, String notBeforeWhat) {
        LocalDate date = date(field, label, true);
        if (date == null) {
            return null;
        }
        if (date.isAfter(today)) {
            refuse(field, label + "不能晚于今天（" + today + "）");
        } else if (notBefore != null && date.isBefore(notBefore)) {
            refuse(field, label + "不能早于" + notBeforeWhat + "（" + notBefore + "）");
        } else {
            scope.setVariable(field, date.toString());
        }
        return date;
    }

    public LocalDate date(String field, String label, boolean required) {
        String text = FormValues.text(scope.getVariable(field));
        if (text == null) {
            if (required) {
                refuse(field, label + "为必填项");
            }
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
            if (date.getYear() < 1990 || date.getYear() > 2200) {
                refuse(field, label + "超出合理范围");
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            refuse(field, label + "应为 yyyy-MM-dd 格式的日期");
            return null;
        }
    }

    /** An amount of money in yuan, not negative, at most two decimals. */
    public BigDecimal amount(String field, String label, boolean required) {
        Object value = scope.getVariable(field);
        if (value == null || value instanceof String s && s.isBlank()) {
            if (required) {
                refuse(field, label + "为必填项");
            }
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(String.valueOf(value).strip());
            if (amount.signum() < 0 || amount.scale() > 2 || amount.compareTo(new BigDecimal("1000000000000")) > 0) {
                refuse(field, label + "应为不小于 0、最多两位小数的金额（元）");
                return null;
            }
            return amount;
        } catch (NumberFormatException e) {
            refuse(field, label + "应为金额数字（元）");
            return null;
        }
    }

    public void refuse(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public void done() {
        if (!errors.isEmpty()) {
            throw FormRefusal.of(errors);
        }
    }
}
