package cn.shapotou.litigation.reports;

import cn.shapotou.litigation.web.FormValues;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** One case as its history holds it: the variables of its {@code litigation-case} instance, JSON as plain values. */
record CaseRecord(String caseNumber, String instanceId, boolean open, Map<String, Object> variables) {

    String text(String name) {
        Object value = variables.get(name);
        return value == null ? null : String.valueOf(value);
    }

    LocalDate date(String name) {
        String text = text(name);
        try {
            return text == null || text.length() < 10 ? null : LocalDate.parse(text.substring(0, 10));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    boolean in(String name, ReportPeriod period) {
        return period.contains(date(name));
    }

    boolean flag(String name) {
        return Boolean.TRUE.equals(FormValues.bool(variables.get(name)));
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list(String name) {
        return (List<Map<String, Object>>) FormValues.list(variables.get(name));
    }
}
