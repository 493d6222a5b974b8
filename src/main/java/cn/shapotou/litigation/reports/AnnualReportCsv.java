package cn.shapotou.litigation.reports;

import java.util.List;
import java.util.Map;

/**
 * The annual report as CSV ({@code &format=csv}, README「接口」): the same figures, each row its Chinese label, the JSON
 * key (column 「代码」, for programs) and the value, then the tables by unit, by cause of action and for accountability
 * review; every header is Chinese, as everything a person reads (README「界面语言」). Written with a byte-order mark so that Excel
 * on a Chinese Windows desktop opens it as UTF-8.
 */
final class AnnualReportCsv {

    static final Map<String, String> LABELS = new java.util.LinkedHashMap<>();

    static {
        LABELS.put("year", "年度");
        LABELS.put("casesReceived", "收案数");
        LABELS.put("reconsiderationResponsesReceived", "其中行政复议答复案件");
        LABELS.put("casesClosed", "结案（归档）数");
        LABELS.put("decisions", "裁判生效案件数");
        LABELS.put("losses", "败诉案件数");
        LABELS.put("lossRate", "败诉率");
        LABELS.put("hearings", "开庭次数");
        LABELS.put("headAppearances", "负责人出庭次数");
        LABELS.put("headAppearancesPrincipal", "其中正职负责人出庭次数");
        LABELS.put("headAppearancesDeputy", "其中副职负责人出庭次数");
        LABELS.put("headAppearanceRate", "负责人出庭率");
        LABELS.put("headAbsencesJustified", "负责人经批准的正当理由不出庭次数");
        LABELS.put("headAbsencesUnjustified", "负责人无正当理由未出庭次数");
        LABELS.put("headAppearanceMissed", "应出庭而未出庭案件数");
        LABELS.put("overdueItems", "逾期事项数（同一期限的逾期计一次）");
        LABELS.put("appealsFiled", "提起上诉数");
        LABELS.put("appealOpinionsLate", "逾期报送上诉意见数");
        LABELS.put("judicialRecommendationsReceived", "收到司法建议书数");
        LABELS.put("judicialRecommendationsAnswered", "已回复司法建议书数");
        LABELS.put("judicialRecommendationsAnsweredOnTime", "按期回复司法建议书数");
        LABELS.put("lossAnalysisDue", "应报送败诉分析报告数");
        LABELS.put("lossAnalysisSubmitted", "已报送败诉分析报告数");
        LABELS.put("lossAnalysesLate", "逾期提交败诉分析报告数");
        LABELS.put("compensationTotal", "赔偿（给付）金额合计（元）");
        LABELS.put("judgmentsPerformed", "生效裁判已履行数");
        LABELS.put("judgmentsBeingPerformed", "生效裁判正在履行数");
        LABELS.put("judgmentsNotPerformed", "拒不履行生效裁判数");
        LABELS.put("majorIssueReports", "重大问题书面报告数");
        LABELS.put("hearingObservations", "组织旁听庭审次数");
        LABELS.put("hearingObservers", "旁听庭审人次");
        LABELS.put("trainings", "业务培训次数");
        LABELS.put("trainingAttendees", "业务培训人次");
        LABELS.put("accountabilityCases", "需追责审查的案件数");
        LABELS.put("compensationRecoveries", "国家赔偿追偿件数");
        LABELS.put("compensationRecovered", "责令承担赔偿费用金额（元）");
    }

    private AnnualReportCsv() {}

    static String write(Map<String, Object> report) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        for (List<String> cells : rows(report)) {
            row(csv, cells.toArray(String[]::new));
        }
        return csv.toString();
    }

    /**
     * The report as rows of cells, as both the CSV and the workbook ({@link AnnualReportXlsx}) lay it out: the figures,
     * then each table after an empty row.
     */
    @SuppressWarnings("unchecked")
    static List<List<String>> rows(Map<String, Object> report) {
        List<List<String>> rows = new java.util.ArrayList<>();
        rows.add(List.of("指标", "代码", "数值"));
        LABELS.forEach((key, label) -> rows.add(List.of(label, key, value(report, key))));
        rows.add(List.of());
        rows.add(List.of("裁判结果", "代码", "案件数"));
        for (Map<String, Object> r : (List<Map<String, Object>>) report.get("decisionsByOutcome")) {
            rows.add(List.of(String.valueOf(r.get("label")), String.valueOf(r.get("outcome")),
                    String.valueOf(r.get("count"))));
        }
        rows.add(List.of());
        rows.add(List.of("承办单位", "单位代码", "收案数", "败诉数", "开庭次数", "负责人出庭次数", "逾期事项数"));
        for (Map<String, Object> r : (List<Map<String, Object>>) report.get("byUnit")) {
            rows.add(List.of(String.valueOf(r.get("unitName")), String.valueOf(r.get("unit")),
                    String.valueOf(r.get("received")), String.valueOf(r.get("lost")), String.valueOf(r.get("hearings")),
                    String.valueOf(r.get("headAppearances")), String.valueOf(r.get("overdue"))));
        }
        rows.add(List.of());
        rows.add(List.of("逾期督办单位", "", "事项数"));
        for (Map<String, Object> r : (List<Map<String, Object>>) report.get("overdueByUnit")) {
            rows.add(List.of(String.valueOf(r.get("unitName")), "", String.valueOf(r.get("count"))));
        }
        rows.add(List.of());
        rows.add(List.of("案由", "", "收案数"));
        for (Map<String, Object> r : (List<Map<String, Object>>) report.get("byCause")) {
            rows.add(List.of(String.valueOf(r.get("causeOfAction")), "", String.valueOf(r.get("received"))));
        }
        rows.add(List.of());
        rows.add(List.of("需追责审查的案件（第二十二条）", "承办单位", "事实", "有关人员"));
        for (Map<String, Object> r : (List<Map<String, Object>>) report.get("accountabilityReview")) {
            rows.add(List.of(String.valueOf(r.get("caseNumber")), String.valueOf(r.get("leadUnitName")),
                    String.join("；", (List<String>) r.get("facts")), String.join("；", (List<String>) r.get("persons"))));
        }
        return rows;
    }

    /**
     * A figure as the JSON has it (a spreadsheet reads the plain number), but a rate as people write it, 33.3%, and
     * "—" where nothing was counted: a year without decisions has no loss rate, not 0.0%.
     */
    private static String value(Map<String, Object> report, String key) {
        Object value = report.get(key);
        if ("lossRate".equals(key)) {
            return WorkBulletin.percent(value, ((Number) report.get("decisions")).longValue());
        }
        if ("headAppearanceRate".equals(key)) {
            return WorkBulletin.percent(value, ((Number) report.get("hearings")).longValue());
        }
        return String.valueOf(value);
    }

    private static void row(StringBuilder csv, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells[i]));
        }
        csv.append("\r\n");
    }

    /** RFC 4180 quoting; a leading = + - @ is defused so a spreadsheet never runs a cell as a formula. */
    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?[0-9.]+")) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
