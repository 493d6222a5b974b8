package cn.shapotou.litigation.reports;

import cn.shapotou.litigation.documents.OfficialDocument;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The documents the Justice Bureau writes from the figures: the quarterly work bulletin (工作通报, Art. 20) to every
 * unit — overdue items, losses and head appearances by unit — and the chapter on litigation response for the
 * district's annual rule-of-law report (法治政府建设情况报告, Art. 19), the year's figures in prose.
 */
@Service
public class WorkBulletin {

    private final AnnualReport report;
    private final String district;

    public WorkBulletin(AnnualReport report, @Value("${litigation.district-name:中卫市沙坡头区}") String district) {
        this.report = report;
        this.district = district;
    }

    /** 关于…季度全区行政应诉工作情况的通报. */
    @SuppressWarnings("unchecked")
    public OfficialDocument quarterly(ReportPeriod period, LocalDate today) {
        Map<String, Object> f = report.of(period);
        OfficialDocument.Builder doc = OfficialDocument.builder("关于" + period.label() + "全区行政应诉工作情况的通报")
                .to("各乡镇人民政府，区人民政府各部门、直属机构")
                .paragraph("根据《" + district + "人民政府行政应诉工作办法》第二十条关于工作通报制度的规定，现将"
                        + period.label() + "（" + OfficialDocument.chineseDate(period.from()) + "至"
                        + OfficialDocument.chineseDate(period.to()) + "）全区行政应诉工作情况通报如下。")
                .heading("一、基本情况")
                .paragraph(basics(f))
                .paragraph(appearances(f));
        List<Map<String, Object>> byUnit = (List<Map<String, Object>>) f.get("byUnit");
        doc.heading("二、各单位情况");
        if (byUnit.isEmpty()) {
            doc.paragraph("本季度没有承办单位的收案、败诉或开庭记录。");
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (Map<String, Object> r : byUnit) {
                rows.add(List.of(String.valueOf(r.get("unitName")), count(r.get("received")),
                        count(r.get("lost")), count(r.get("hearings")),
                        count(r.get("headAppearances")),
                        percent(r.get("headAppearanceRate"), ((Number) r.get("hearings")).longValue()),
                        count(r.get("overdue"))));
            }
            doc.table(List.of("承办单位", "收案", "败诉", "开庭", "负责人出庭", "出庭率", "逾期事项"), rows, 5, 2, 2, 2, 3, 3, 3);
        }
        doc.heading("三、逾期事项");
        List<Map<String, Object>> overdue = (List<Map<String, Object>>) f.get("overdueByUnit");
        if (overdue.isEmpty()) {
            doc.paragraph("本季度全区没有逾期事项。");
        } else {
            doc.paragraph("本季度全区逾期事项" + count(f.get("overdueItems")) + "件（同一期限的逾期计一次），分别为："
                    + overdue.stream().map(o -> String.valueOf(o.get("unitName")) + count(o.get("count")) + "件").collect(Collectors.joining("，"))
                    + "。逾期提交答辩状和证据的，人民法院可以认定该行政行为没有相应证据（《中华人民共和国行政诉讼法》第三十四条第二款），"
                    + "请上述单位认真查找原因，落实专人专责，确保按期办理。");
        }
        doc.heading("四、上诉意见、败诉分析和重大问题报告")
                .paragraph("逾期报送上诉意见" + count(f.get("appealOpinionsLate")) + "件（第十三条），逾期提交败诉分析报告"
                        + count(f.get("lossAnalysesLate")) + "件（第十二条），向区人民政府书面报告重大问题" + count(f.get("majorIssueReports"))
                        + "件（第九条第三款）。")
                .heading("五、旁听庭审和业务培训")
                .paragraph("组织旁听庭审" + count(f.get("hearingObservations")) + "次、" + count(f.get("hearingObservers")) + "人次（第二十条），"
                        + "开展行政应诉业务培训" + count(f.get("trainings")) + "次、" + count(f.get("trainingAttendees")) + "人次（第二十一条）。");
        List<Map<String, Object>> review = (List<Map<String, Object>>) f.get("accountabilityReview");
        doc.heading("六、需追责审查的案件");
        if (review.isEmpty()) {
            doc.paragraph("本季度没有记录第二十二条所列情形。");
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (Map<String, Object> r : review) {
                rows.add(List.of(String.valueOf(r.get("caseNumber")), String.valueOf(r.get("leadUnitName")),
                        String.join("；", (List<String>) r.get("facts")), String.join("；", (List<String>) r.get("persons"))));
            }
            doc.table(List.of("案号", "承办单位", "情形", "有关人员"), rows, 4, 3, 5, 4);
        }
        return doc.issuedBy(district + "司法局", today);
    }

    /** The chapter of the annual 法治政府建设情况报告 on litigation response (Art. 19). */
    public OfficialDocument annualChapter(int year, LocalDate today) {
        Map<String, Object> f = report.of(year);
        OfficialDocument.Builder doc = OfficialDocument.builder(year + "年度行政应诉工作情况")
                .line("（" + district + "人民政府" + year + "年度法治政府建设情况报告 · 行政应诉工作部分）")
                .heading("一、案件办理情况")
                .paragraph(year + "年，" + basics(f).substring(basics(f).indexOf('收')))
                .paragraph("全年提起上诉" + count(f.get("appealsFiled")) + "件；逾期报送上诉意见" + count(f.get("appealOpinionsLate"))
                        + "件，逾期提交败诉分析报告" + count(f.get("lossAnalysesLate")) + "件。"
                        + compensation(f))
                .heading("二、行政机关负责人出庭应诉情况")
                .paragraph(appearances(f))
                .heading("三、履行生效裁判和反馈司法建议情况")
                .paragraph("本年度报告履行完毕的生效裁判" + count(f.get("judgmentsPerformed")) + "件，正在履行" + count(f.get("judgmentsBeingPerformed"))
                        + "件，拒不履行" + count(f.get("judgmentsNotPerformed")) + "件。收到人民法院司法建议书"
                        + count(f.get("judicialRecommendationsReceived")) + "份，已回复" + count(f.get("judicialRecommendationsAnswered"))
                        + "份，其中按期回复" + count(f.get("judicialRecommendationsAnsweredOnTime")) + "份。")
                .heading("四、旁听庭审、业务培训和重大问题报告情况")
                .paragraph("组织旁听庭审" + count(f.get("hearingObservations")) + "次、" + count(f.get("hearingObservers"))
                        + "人次；开展行政应诉业务培训" + count(f.get("trainings")) + "次、" + count(f.get("trainingAttendees")) + "人次"
                        + topics(f) + "；诉讼代理人向区人民政府书面报告重大问题" + count(f.get("majorIssueReports")) + "件。")
                .heading("五、监督和追责情况")
                .paragraph("全年逾期事项" + count(f.get("overdueItems")) + "件（同一期限的逾期计一次），需追责审查的案件"
                        + count(f.get("accountabilityCases")) + "件（第二十二条）；责令承担国家赔偿费用" + count(f.get("compensationRecoveries"))
                        + "件，金额" + money(f.get("compensationRecovered")) + "元（第二十三条）。");
        return doc.issuedBy(district + "司法局", today);
    }

    private static String basics(Map<String, Object> f) {
        long decisions = ((Number) f.get("decisions")).longValue();
        return "收到以区人民政府及其部门、乡镇人民政府为被告的行政诉讼案件和行政复议答复案件" + count(f.get("casesReceived"))
                + "件（其中行政复议答复案件" + count(f.get("reconsiderationResponsesReceived")) + "件），立卷归档" + count(f.get("casesClosed"))
                + "件；" + (decisions == 0 ? "没有发生法律效力的裁判。"
                : "发生法律效力的裁判" + count(decisions) + "件，其中败诉" + count(f.get("losses")) + "件，败诉率"
                + percent(f.get("lossRate"), decisions) + "。");
    }

    private static String appearances(Map<String, Object> f) {
        long hearings = ((Number) f.get("hearings")).longValue();
        if (hearings == 0) {
            return "没有开庭审理的案件。";
        }
        return "开庭审理" + count(hearings) + "次，行政机关负责人出庭应诉" + count(f.get("headAppearances")) + "次（正职负责人"
                + count(f.get("headAppearancesPrincipal")) + "次、副职负责人" + count(f.get("headAppearancesDeputy")) + "次），出庭率"
                + percent(f.get("headAppearanceRate"), hearings) + "；负责人因正当理由不能出庭、经区政府领导同意并向人民法院"
                + "提交书面情况说明的" + count(f.get("headAbsencesJustified")) + "次，未经批准、无正当理由未出庭的"
                + count(f.get("headAbsencesUnjustified")) + "次，其中属于第七条第二款应当出庭情形的" + count(f.get("headAppearanceMissed"))
                + "件。";
    }

    private static String compensation(Map<String, Object> f) {
        String total = money(f.get("compensationTotal"));
        return "0".equals(total) || "0.00".equals(total) ? "" : "败诉案件判决赔偿（给付）金额合计" + total + "元。";
    }

    @SuppressWarnings("unchecked")
    private static String topics(Map<String, Object> f) {
        List<String> topics = (List<String>) f.get("trainingTopics");
        return topics.isEmpty() ? "" : "（" + topics.stream().map(t -> "「" + t + "」").collect(Collectors.joining("、")) + "）";
    }

    /** 50.0%: as people write a rate; "—" where nothing was counted. */
    static String percent(Object rate, long whole) {
        if (whole == 0 || rate == null) {
            return "—";
        }
        return new BigDecimal(String.valueOf(rate)).multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP)
                .toPlainString() + "%";
    }

    /** 1,234: a count as people read it in a report, with thousands separators. */
    static String count(Object value) {
        if (value == null) {
            return "0";
        }
        return String.format(java.util.Locale.ROOT, "%,d", new BigDecimal(String.valueOf(value)).longValueExact());
    }

    /** 1,234,567.5 元: an amount with thousands separators and no needless trailing zeros. */
    static String money(Object amount) {
        if (amount == null) {
            return "0";
        }
        BigDecimal value = new BigDecimal(String.valueOf(amount)).stripTrailingZeros();
        java.text.DecimalFormat format = new java.text.DecimalFormat("#,##0.##",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        return format.format(value);
    }
}
