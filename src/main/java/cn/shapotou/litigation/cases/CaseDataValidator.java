package cn.shapotou.litigation.cases;

import static cn.shapotou.litigation.units.UnitDirectory.DISTRICT_GOVERNMENT;

import cn.shapotou.litigation.casecore.CaseData;
import cn.shapotou.litigation.casecore.CaseType;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.casecore.Reconsideration;
import cn.shapotou.litigation.casecore.SuedAct;
import cn.shapotou.litigation.units.UnitDirectory;
import cn.shapotou.litigation.web.FieldError;
import cn.shapotou.litigation.web.PlainText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * The one set of rules for registering a case, applied by {@code POST /api/cases} and by the Tasklist start form
 * alike (README「接口」): each broken rule is one Chinese message naming the field.
 */
@Component
public class CaseDataValidator {

    public static final Set<String> FIELDS = Set.of("caseNumber", "court", "plaintiff", "causeOfAction",
            "noticeReceivedOn", "defendant", "actingUnit", "reconsideration", "suedAct", "appearanceCategories", "caseType");

    /** ALL took effect on 1990-10-01: no complaint copy of an administrative suit can be older. */
    static final LocalDate EARLIEST_NOTICE = LocalDate.of(1990, 10, 1);

    /**
     * A court's or a reconsideration body's number: Chinese characters, letters, digits, spaces and the brackets,
     * dashes and slashes such numbers use, a four-digit year, ending in 号.
     */
    static final java.util.regex.Pattern CASE_NUMBER = java.util.regex.Pattern.compile(
            "^(?=.*\\d{4})[\\p{IsHan}A-Za-z0-9（）()〔〕\\[\\]【】\\-－—·_/ ]{2,98}号$");

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Result(CaseData data, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private final UnitDirectory units;
    private final LegalClock clock;

    public CaseDataValidator(UnitDirectory units, LegalClock clock) {
        this.units = units;
        this.clock = clock;
    }

    public Result validate(Map<String, ?> input) {
        List<FieldError> errors = new ArrayList<>();
        String caseNumber = text(input, "caseNumber", "案号", 100, true, errors);
        if (caseNumber != null && !CASE_NUMBER.matcher(caseNumber).matches()) {
            errors.add(new FieldError("caseNumber", "案号格式不正确：应写明年份并以“号”结尾，"
                    + "如（2026）宁0502行初12号或中卫复议〔2026〕21号"));
            caseNumber = null;
        }
        String court = text(input, "court", "受理法院", 200, true, errors);
        String plaintiff = text(input, "plaintiff", "原告", 500, true, errors);
        String causeOfAction = text(input, "causeOfAction", "案由", 200, true, errors);
        LocalDate received = noticeReceivedOn(input, errors);
        String defendant = unit(input, "defendant", "被告", errors);
        String actingUnit = unit(input, "actingUnit", "原行政行为主管（作出）单位", errors);
        if (DISTRICT_GOVERNMENT.equals(actingUnit)) {
            errors.add(new FieldError("actingUnit",
                    "原行政行为主管（作出）单位应填写具体的部门或乡镇；不明确的请留空，由区司法局提出建议（第四条第六款）"));
            actingUnit = null;
        }
        Reconsideration reconsideration = choice(input, "reconsideration", "复议情况", Reconsideration.class, true,
                errors);
        SuedAct suedAct = choice(input, "suedAct", "被诉行为", SuedAct.class, false, errors);
        if (reconsideration == Reconsideration.SOLE_DEFENDANT && suedAct == null && present(input, "suedAct") == null) {
            errors.add(new FieldError("suedAct",
                    "被诉行为：复议后区人民政府为单独被告的，须写明起诉的是原行政行为还是复议行为（第四条第五款）"));
        }
        if (reconsideration != null && reconsideration != Reconsideration.SOLE_DEFENDANT
                && present(input, "suedAct") != null) {
            errors.add(new FieldError("suedAct",
                    "被诉行为：仅在复议后区人民政府为单独被告（SOLE_DEFENDANT）时填写"));
        }
        List<Integer> categories = categories(input, errors);
        CaseType caseType = choice(input, "caseType", "案件类型", CaseType.class, false, errors);
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        return new Result(new CaseData(caseNumber, court, plaintiff, causeOfAction, received,
                defendant == null ? DISTRICT_GOVERNMENT : defendant, actingUnit, reconsideration, suedAct, categories,
                caseType == null ? CaseType.LITIGATION : caseType),
                errors);
    }

    /** Fields a JSON body may not carry: refused rather than silently dropped. */
    public List<FieldError> unknownFields(Collection<String> names) {
        List<FieldError> errors = new ArrayList<>();
        for (String name : names) {
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(name, "未知字段 " + name));
            }
        }
        return errors;
    }

    private static Object present(Map<String, ?> input, String field) {
        Object value = input.get(field);
        if (value instanceof String s && s.isBlank()) {
            return null;
        }
        return value;
    }

    private static String text(Map<String, ?> input, String field, String label, int max, boolean required,
                               List<FieldError> errors) {
        Object value = present(input, field);
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, label + "为必填项"));
            }
            return null;
        }
        if (!(value instanceof String s)) {
            errors.add(new FieldError(field, label + "应为文字"));
            return null;
        }
        String trimmed = s.strip();
        if (trimmed.length() > max) {
            errors.add(new FieldError(field, label + "不能超过 " + max + " 个字"));
            return null;
        }
        String problem = PlainText.registerProblem(trimmed);
        if (problem != null) {
            errors.add(new FieldError(field, label + "" + problem));
            return null;
        }
        return trimmed;
    }

    private LocalDate noticeReceivedOn(Map<String, ?> input, List<FieldError> errors) {
        String field = "noticeReceivedOn";
        Object value = present(input, field);
        if (value == null) {
            errors.add(new FieldError(field, "收到起诉状副本日期为必填项"));
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "收到起诉状副本日期应为 yyyy-MM-dd 格式的日期"));
            return null;
        }
        if (date.isAfter(clock.today())) {
            errors.add(new FieldError(field, "收到起诉状副本日期不能晚于今天（" + clock.today() + "）"));
            return null;
        }
        if (date.isBefore(EARLIEST_NOTICE)) {
            errors.add(new FieldError(field, "收到起诉状副本日期不能早于行政诉讼法施行日 1990-10-01"));
            return null;
        }
        return date;
    }

    private String unit(Map<String, ?> input, String field, String label, List<FieldError> errors) {
        Object value = present(input, field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String id) || !units.contains(id.strip())) {
            errors.add(new FieldError(field, label + "不是单位目录中的单位：" + value));
            return null;
        }
        return id.strip();
    }

    private static <E extends Enum<E>> E choice(Map<String, ?> input, String field, String label, Class<E> type,
                                                boolean required, List<FieldError> errors) {
        Object value = present(input, field);
        List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        if (value == null) {
            if (required) {
                // Tasklist offers the choices as a list, so a clerk reads no codes; a program finds them in README「接口」
                // and, after a wrong value, in the refusal below.
                errors.add(new FieldError(field, label + "为必填项"));
            }
            return null;
        }
        if (value instanceof String s && allowed.contains(s.strip())) {
            return Enum.valueOf(type, s.strip());
        }
        errors.add(new FieldError(field, label + "的值不正确：" + value + "；可选值：" + String.join("、", allowed)));
        return null;
    }

    private static List<Integer> categories(Map<String, ?> input, List<FieldError> errors) {
        String field = "appearanceCategories";
        String message = "负责人出庭情形应为第七条第二款第1至7项的编号列表，例如 [1, 3]";
        Object value = input.get(field);
        if (value == null) {
            return List.of();
        }
        List<?> items;
        try {
            if (value instanceof List<?> list) {
                items = list;
            } else if (value instanceof SpinJsonNode node) {
                items = JSON.readValue(node.toString(), List.class);
            } else if (value instanceof String s) {
                items = s.isBlank() ? List.of() : JSON.readValue(s, List.class);
            } else {
                errors.add(new FieldError(field, message));
                return List.of();
            }
        } catch (JsonProcessingException | ClassCastException e) {
            errors.add(new FieldError(field, message));
            return List.of();
        }
        TreeSet<Integer> result = new TreeSet<>();
        for (Object item : items) {
            Integer n = null;
            if (item instanceof Integer i) {
                n = i;
            } else if (item instanceof Number num && num.doubleValue() == Math.rint(num.doubleValue())) {
                n = num.intValue();
            } else if (item instanceof String s && s.strip().matches("[1-7]")) {
                n = Integer.parseInt(s.strip());
            }
            if (n == null || n < 1 || n > 7) {
                errors.add(new FieldError(field, message + "；无效的项：" + item));
                return List.of();
            }
            result.add(n);
        }
        return List.copyOf(result);
    }
}
