package cn.shapotou.litigation.documents;

import cn.shapotou.litigation.casecore.CaseView;
import cn.shapotou.litigation.units.UnitDirectory;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a template may know about the case: its own variables, the newest value of any variable of its stages (a draft
 * saved in an open task included), the unit directory and today. A document opened from a task's form also knows what
 * the user saved there with 暂存 ({@code draft}, see {@link SavedDrafts}): those values come first, so the document shows
 * what the user is about to submit.
 */
public record CaseDocumentContext(String caseNumber, Map<String, Object> caseVariables, CaseView cases,
                                  UnitDirectory units, String district, LocalDate today, Map<String, Object> draft) {

    public CaseDocumentContext(String caseNumber, Map<String, Object> caseVariables, CaseView cases,
                               UnitDirectory units, String district, LocalDate today) {
        this(caseNumber, caseVariables, cases, units, district, today, Map.of());
    }

    public String text(String name) {
        Object value = draft.containsKey(name) ? draft.get(name) : caseVariables.get(name);
        return value == null ? null : String.valueOf(value);
    }

    /** The newest value of a variable anywhere in the case (JSON as text), the saved draft's first. */
    public Object latest(String name) {
        if (draft.containsKey(name)) {
            Object value = draft.get(name);
            return value instanceof java.util.List<?> || value instanceof Map<?, ?>
                    ? cn.shapotou.litigation.web.FormValues.toJson(value).getValueSerialized() : value;
        }
        return cases.latestVariable(caseNumber, name);
    }

    /** The defendant agency's official name, e.g. 中卫市沙坡头区人民政府. */
    public String defendantName() {
        return units.officialName(text("defendant"), district);
    }

    /** 用于…受理的…原告…诉…一案: how a document names the case. */
    public String caseDescription() {
        return court() + "受理的" + caseNumber + "原告" + text("plaintiff") + "诉" + defendantName()
                + text("causeOfAction") + "一案";
    }

    /**
     * The placeholders every Word template may use (src/docs/templates.md): the case's number, court, parties and cause
     * of action, how a document names the case, and today's date as official documents write it.
     */
    public Map<String, Object> templateData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseNumber", caseNumber);
        data.put("court", OfficialDocument.blank(court()));
        data.put("plaintiff", OfficialDocument.blank(text("plaintiff")));
        data.put("causeOfAction", OfficialDocument.blank(text("causeOfAction")));
        data.put("defendantName", defendantName());
        data.put("caseDescription", caseDescription());
        data.put("today", OfficialDocument.chineseDate(today));
        return data;
    }

    public String court() {
        return text("court");
    }

    public String unitName(String unitId) {
        return unitId == null ? "" : units.nameOf(unitId);
    }
}
