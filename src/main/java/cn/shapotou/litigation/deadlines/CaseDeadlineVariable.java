package cn.shapotou.litigation.deadlines;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * The case's deadlines as one JSON process variable {@code deadlines}: an array of {@link Deadlines#toJson(CaseDeadline)}
 * objects, readable in Cockpit and over REST. Each entry holds its start and kind, so it can be recomputed from itself
 * when the calendar changes.
 */
public final class CaseDeadlineVariable {

    public static final String NAME = "deadlines";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {};

    private CaseDeadlineVariable() {}

    public static List<Map<String, Object>> read(VariableScope scope) {
        TypedValue value = scope.getVariableTyped(NAME, false);
        return parse(value);
    }

    public static List<Map<String, Object>> parse(TypedValue value) {
        if (value == null) {
            return new ArrayList<>();
        }
        return parse(value instanceof JsonValue jv ? jv.getValueSerialized() : (String) value.getValue());
    }

    public static List<Map<String, Object>> parse(String json) {
        if (json == null) {
            return new ArrayList<>();
        }
        try {
            return JSON.readValue(json, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("variable 'deadlines' is not a JSON array of deadlines", e);
        }
    }

    public static Optional<Map<String, Object>> find(List<Map<String, Object>> deadlines, String key) {
        return deadlines.stream().filter(d -> key.equals(d.get("key"))).findFirst();
    }

    /** The day a deadline of the case falls due, if it has been computed. */
    public static Optional<java.time.LocalDate> dueDate(VariableScope scope, String key) {
        return find(read(scope), key).map(d -> java.time.LocalDate.parse((String) d.get("due")));
    }

    /** Adds the deadline, or replaces the one with the same key. */
    public static List<Map<String, Object>> put(List<Map<String, Object>> deadlines, CaseDeadline deadline) {
        List<Map<String, Object>> result = new ArrayList<>();
        boolean replaced = false;
        for (Map<String, Object> d : deadlines) {
            if (deadline.kind().key().equals(d.get("key"))) {
                result.add(Deadlines.toJson(deadline));
                replaced = true;
            } else {
                result.add(new LinkedHashMap<>(d));
            }
        }
        if (!replaced) {
            result.add(Deadlines.toJson(deadline));
        }
        return result;
    }

    public static JsonValue toValue(List<Map<String, Object>> deadlines) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(deadlines)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void write(VariableScope scope, List<Map<String, Object>> deadlines) {
        scope.setVariable(NAME, toValue(deadlines));
    }
}
