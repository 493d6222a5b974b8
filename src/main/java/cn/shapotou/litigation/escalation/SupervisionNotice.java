package cn.shapotou.litigation.escalation;

import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.documents.DocumentFiles;
import cn.shapotou.litigation.documents.OfficialDocument;
import cn.shapotou.litigation.identity.CurrentUser;
import cn.shapotou.litigation.identity.Roles;
import cn.shapotou.litigation.identity.SystemAccess;
import cn.shapotou.litigation.units.UnitDirectory;
import cn.shapotou.litigation.web.ApiException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/supervision/{instance}/notice.pdf|.docx}: the 督办通知书 of one 督办 (process {@code supervision}),
 * issued by the Justice Bureau to the unit charged (《办法》第三条). Read by those who may read the 督办: the Justice
 * Bureau, the district leaders, the administrators and the unit charged.
 */
@RestController
public class SupervisionNotice {

    private static final Set<String> READERS = Set.of(UnitDirectory.JUSTICE_BUREAU, UnitDirectory.DISTRICT_LEADERS,
            Roles.ADMIN);

    private final HistoryService history;
    private final DocumentFiles files;
    private final CurrentUser user;
    private final SystemAccess system;
    private final LegalClock clock;

    public SupervisionNotice(HistoryService history, DocumentFiles files, CurrentUser user, SystemAccess system,
                             LegalClock clock) {
        this.history = history;
        this.files = files;
        this.user = user;
        this.system = system;
        this.clock = clock;
    }

    @GetMapping("/api/supervision/{instance}/notice.{format}")
    public ResponseEntity<byte[]> notice(@PathVariable String instance, @PathVariable String format) {
        if (!format.equals("pdf") && !format.equals("docx")) {
            throw new ApiException(HttpStatus.NOT_FOUND, "format", "督办通知书只有 PDF 和 Word 两种格式");
        }
        List<String> groups = user.groups();
        Map<String, Object> v = system.call(() -> variables(instance));
        if (v == null || !(groups.stream().anyMatch(READERS::contains) || groups.contains(v.get("unit")))) {
            throw new ApiException(HttpStatus.NOT_FOUND, "instance", "没有这个督办，或您无权查看");
        }
        byte[] body = files.render(build(v, clock.today()), format);
        return files.file(body, "督办通知书-" + v.get("caseNumber"), format, true);
    }

    private Map<String, Object> variables(String instance) {
        HistoricProcessInstance found = history.createHistoricProcessInstanceQuery().processInstanceId(instance)
                .processDefinitionKey(SupervisionProcess.PROCESS_KEY).singleResult();
        if (found == null) {
            return null;
        }
        Map<String, Object> v = new HashMap<>();
        history.createHistoricVariableInstanceQuery().processInstanceId(instance).list().stream()
                .filter(h -> h.getTaskId() == null).forEach(h -> v.put(h.getName(), h.getValue()));
        return v;
    }

    /** The notice: addressed to the unit, naming the case, the item, its deadline and days overdue, the basis, the reply. */
    static OfficialDocument build(Map<String, Object> v, LocalDate today) {
        LocalDate due = LocalDate.parse(String.valueOf(v.get("due")));
        String issuedOn = v.get("issuedOn") == null ? null : String.valueOf(v.get("issuedOn"));
        LocalDate date = issuedOn == null ? today : LocalDate.parse(issuedOn);
        // How late on the notice's own day: the 督办 may be issued days after the sweep raised it.
        long daysOverdue = java.time.temporal.ChronoUnit.DAYS.between(due, date);
        OfficialDocument.Builder notice = OfficialDocument.builder("督办通知书").to(v.get("unitName") + "：")
                .paragraph("你单位承办的" + v.get("caseNumber") + "行政诉讼案件，「" + v.get("item") + "」的办理期限为"
                        + OfficialDocument.chineseDate(due) + "，至今已逾期" + daysOverdue + "日，尚未办结。")
                .paragraph("根据《沙坡头区人民政府行政应诉工作办法》第三条的规定，区司法局负责对全区行政应诉工作进行督促指导。现对该事项予以督办，"
                        + "请你单位立即组织办理，并自收到本通知书之日起三个工作日内，将未按期办理的原因、已采取的措施和"
                        + "预计完成日期书面答复区司法局（可在行政应诉管理系统「答复督办」任务中答复）。");
        Object remarks = v.get("supervisionRemarks");
        if (remarks != null && !String.valueOf(remarks).isBlank()) {
            notice.paragraph("督办意见：" + remarks);
        }
        notice.table(List.of("案号", "逾期事项", "期限", "逾期天数"), List.of(List.of(String.valueOf(v.get("caseNumber")),
                String.valueOf(v.get("item")), OfficialDocument.chineseDate(due), daysOverdue + "日")),
                3, 3, 2, 1.5f);
        return notice.issuedBy("区司法局", date);
    }
}
