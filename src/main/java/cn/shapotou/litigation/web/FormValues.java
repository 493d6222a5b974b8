package cn.shapotou.litigation.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/** Reading what Camunda Forms submit (strings, booleans as text, arrays as JSON) into plain values, or refusing. */
public final class FormValues {

    public static final ObjectMapper JSON = new ObjectMapper();

    private FormValues() {}

    public static String text(Object value) {
        return value instanceof String s && !s.isBlank() ? s.strip() : null;
    }

    public static Boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if ("true".equals(value)) {
            return Boolean.TRUE;
        }
        if ("false".equals(value)) {
            return Boolean.FALSE;
        }
        return null;
    }

    /** A required date, not after {@code today} (the legal date, deadlines.LegalClock#today). */
    public static LocalDate date(Object value, String field, String label, LocalDate today) {
        String text = text(value);
        if (text == null) {
            throw FormRefusal.of(List.of(new FieldError(field, label + "为必填项")));
        }
        try {
            LocalDate date = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
            if (date.isAfter(today)) {
                throw FormRefusal.of(List.of(new FieldError(field,
                        label + "不能晚于今天（" + today + "）")));
            }
            return date;
        } catch (DateTimeParseException e) {
            throw FormRefusal.of(List.of(new FieldError(field, label + "应为 yyyy-MM-dd 格式的日期")));
        }
    }

    /** A day the case already holds: checked by {@link #date} when it was entered, stored as yyyy-MM-dd. */
    public static LocalDate storedDate(VariableScope scope, String name) {
        return LocalDate.parse((String) scope.getVariable(name));
    }

    /** A JSON array or object as submitted (List, Spin node, JSON text), as plain Java values. */
    public static Object json(Object value) {
        try {
            if (value == null) {
                return null;
            }
            if (value instanceof List<?> || value instanceof Map<?, ?>) {
                return value;
            }
            String text = value instanceof SpinJsonNode node ? node.toString()
                    : value instanceof JsonValue j ? j.getValueSerialized() : value.toString();
            return text.isBlank() ? null : JSON.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** A JSON array variable (JSON text, Spin node or list) as a list; empty when absent or not an array. */
    public static List<?> list(Object value) {
        return json(value) instanceof List<?> list ? list : List.of();
    }

    public static JsonValue toJson(Object value) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
