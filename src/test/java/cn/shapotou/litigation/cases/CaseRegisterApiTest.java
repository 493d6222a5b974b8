package cn.shapotou.litigation.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The case register {@code GET /api/cases} (案件台账, Art. 3) over HTTP, against the real engine. */
@IntegrationTest
class CaseRegisterApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    CaseRegisterBackfill backfill;
    @Autowired
    cn.shapotou.litigation.escalation.DeadlineWatch watch;
    @Autowired
    CaseRegister register;

    CaseWalk walk;
    /** In the plaintiff of every case of one test, so that {@code q} finds exactly that test's cases. */
    String tag;

    @BeforeEach
    void init() {
        walk = new CaseWalk(runtime, tasks);
        tag = "台账" + Long.toString(System.nanoTime(), 36);
        TestCases.today("2026-12-01");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private String register(String actingUnit, String receivedOn, String cause) {
        Map<String, Object> data = TestCases.natresCase();
        data.put("actingUnit", actingUnit);
        data.put("noticeReceivedOn", receivedOn);
        data.put("plaintiff", tag + "某某");
        data.put("causeOfAction", cause);
        ResponseEntity<Map<String, Object>> created = rest.withBasicAuth("office", "demo")
                .exchange("/api/cases", HttpMethod.POST, new org.springframework.http.HttpEntity<>(data), JSON);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) data.get("caseNumber");
    }

    private ResponseEntity<Map<String, Object>> list(String user, String query) {
        return rest.withBasicAuth(user, "demo").exchange("/api/cases?" + query, HttpMethod.GET, null, JSON);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> items(String user, String query) {
        ResponseEntity<Map<String, Object>> response = list(user, "q=" + tag + "&" + query);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return (List<Map<String, Object>>) response.getBody().get("items");
    }

    private List<String> numbers(String user, String query) {
        return items(user, query).stream().map(i -> (String) i.get("caseNumber")).toList();
    }

    @SuppressWarnings("unchecked")
    private List<String> numbersWith(String user, String query) {
        ResponseEntity<Map<String, Object>> response = list(user, query);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return ((List<Map<String, Object>>) response.getBody().get("items")).stream()
                .map(i -> (String) i.get("caseNumber")).toList();
    }

    private static List<String> descending(List<String> ascending) {
        List<String> copy = new ArrayList<>(ascending);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private long total(String user, String query) {
        return ((Number) list(user, "q=" + tag + "&" + query).getBody().get("total")).longValue();
    }

    @Test
    void filtersVisibilityPagingAndSorting() {
        String older = register("natural-resources", "2026-11-10", "土地行政处罚");
        String natres = register("natural-resources", "2026-11-20", "土地行政处罚");
        String lastYear = register("natural-resources", "2025-12-01", "行政强制");
        String wenchang = register("wenchang-town", "2026-11-25", "房屋征收补偿" + tag);

        // Supervisors and the units in every case see all four (Art. 3); the default order is newest receipt first.
        for (String user : List.of("justice", "leader", "demo", "office")) {
            assertThat(numbers(user, "")).as(user).containsExactly(wenchang, natres, older, lastYear);
        }
        assertThat(total("justice", "")).isEqualTo(4);
        // A unit sees the cases it takes part in, and no other.
        assertThat(numbers("natres", "")).containsExactly(natres, older, lastYear);
        assertThat(numbers("wenchang", "")).containsExactly(wenchang);
        assertThat(total("wenchang", "")).isEqualTo(1);

        Map<String, Object> first = items("justice", "").get(1);
        assertThat(first).containsEntry("caseNumber", natres).containsEntry("court", "中卫市沙坡头区人民法院")
                .containsEntry("plaintiff", tag + "某某").containsEntry("causeOfAction", "土地行政处罚")
                .containsEntry("leadUnit", "natural-resources").containsEntry("status", "OPEN")
                .containsEntry("statusLabel", "办理中").containsEntry("receivedOn", "2026-11-20")
                .containsKeys("stage", "nextDeadline", "overdueItems");
        assertThat((String) first.get("leadUnitName")).isNotBlank();
        assertThat((String) first.get("stageLabel")).isNotBlank();
        assertThat(first.get("nextDeadline")).isInstanceOf(Map.class);

        // Filters.
        assertThat(numbers("justice", "year=2025")).containsExactly(lastYear);
        assertThat(numbers("justice", "unit=wenchang-town")).containsExactly(wenchang);
        assertThat(numbers("justice", "unit=natural-resources")).containsExactly(natres, older, lastYear);
        assertThat(numbers("justice", "unit=justice-bureau")).hasSize(4);
        assertThat(numbers("justice", "status=OPEN")).hasSize(4);
        assertThat(numbers("justice", "status=CLOSED")).isEmpty();
        // q finds a part of the case number, the plaintiff or the cause.
        assertThat(numbersWith("justice", "q=" + wenchang.substring(4))).containsExactly(wenchang);
        assertThat(numbersWith("justice", "q=征收补偿" + tag)).containsExactly(wenchang);
        assertThat(numbersWith("natres", "q=征收补偿" + tag)).isEmpty();

        // The statutory answer day of the case received on 11-10 passed on 11-25 (ALL Art. 67).
        List<Map<String, Object>> overdue = items("justice", "overdue=true");
        assertThat(overdue).extracting(i -> i.get("caseNumber")).contains(older);
        assertThat(overdue).allSatisfy(i -> assertThat((List<?>) i.get("overdueItems")).isNotEmpty());
        assertThat(items("justice", "").stream().filter(i -> !((List<?>) i.get("overdueItems")).isEmpty())
                .map(i -> i.get("caseNumber")).toList())
                .containsExactlyInAnyOrderElementsOf(overdue.stream().map(i -> i.get("caseNumber")).toList());

        // Sorting and paging.
        assertThat(numbers("justice", "sort=receivedOn,asc")).containsExactly(lastYear, older, natres, wenchang);
        List<String> byNumber = new ArrayList<>(List.of(older, natres, lastYear, wenchang));
        byNumber.sort(null);
        assertThat(numbers("justice", "sort=caseNumber,asc")).containsExactlyElementsOf(byNumber);
        assertThat(numbers("justice", "sort=caseNumber,desc")).containsExactlyElementsOf(descending(byNumber));
        assertThat(numbers("justice", "size=3&page=0")).containsExactly(wenchang, natres, older);
        assertThat(numbers("justice", "size=3&page=1")).containsExactly(lastYear);
        assertThat(numbers("justice", "size=3&page=2")).isEmpty();
        assertThat(total("justice", "size=3&page=1")).isEqualTo(4);
    }

    @Test
    void theApprovedProposalDecidesWhichUnitsSeeTheCase() {
        String caseNumber = register("natural-resources", "2026-11-20", "土地行政处罚");
        assertThat(numbers("wenchang", "")).isEmpty();

        // Art. 10 ¶1: the leaders approve a proposal that makes the town the lead unit, the bureau stays acting unit.
        Task draft = walk.task(caseNumber, "DraftHandlingProposalTask");
        tasks.complete(draft.getId(), Map.of("complexity", "NORMAL", "leadUnit", "wenchang-town", "coUnits", "[]",
                "proposedAppearance", "镇长出庭"));
        tasks.complete(walk.task(caseNumber, "ApproveHandlingProposalTask").getId(), Map.of("approved", true));

        assertThat(items("wenchang", "")).singleElement()
                .satisfies(i -> assertThat(i).containsEntry("caseNumber", caseNumber)
                        .containsEntry("leadUnit", "wenchang-town"));
        assertThat(numbers("natres", "")).containsExactly(caseNumber);
        assertThat(numbers("justice", "unit=wenchang-town")).containsExactly(caseNumber);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anArchivedCaseIsClosed() {
        String caseNumber = register("natural-resources", "2026-11-20", "土地行政处罚");
        String open = register("natural-resources", "2026-11-21", "土地行政处罚");
        TestCases.courtDocument(rest, caseNumber, Map.of("kind", "JUDGMENT", "instance", "FIRST",
                "outcome", "CLAIMS_DISMISSED", "receivedOn", "2026-11-27"));
        tasks.complete(walk.task(caseNumber, "DraftAppealOpinionTask").getId(), Map.of("appealWanted", false));
        TestCases.courtDocument(rest, caseNumber, Map.of("kind", "EFFECTIVE", "receivedOn", "2026-12-01",
                "effectiveOn", "2026-11-30"));
        tasks.complete(walk.task(caseNumber, "FollowUpTask").getId(),
                Map.of("ownPerformance", "PERFORMED", "followUp", "NONE"));
        tasks.complete(walk.task(caseNumber, "ArchiveTask").getId(), Map.of("archiveNumber", "沙司应诉-2026-台账",
                "archivedOn", "2026-12-01"));

        assertThat(numbers("justice", "status=OPEN")).containsExactly(open);
        assertThat(items("natres", "status=CLOSED")).singleElement().satisfies(i -> {
            assertThat(i).containsEntry("caseNumber", caseNumber).containsEntry("status", "CLOSED")
                    .containsEntry("statusLabel", "已归档").containsEntry("stageLabel", "已归档")
                    .containsEntry("closedOn", "2026-12-01").containsEntry("archivedOn", "2026-12-01")
                    .containsEntry("loss", false).containsEntry("nextDeadline", null);
            assertThat((String) i.get("outcomeLabel")).contains("驳回诉讼请求");
            assertThat((List<Object>) i.get("overdueItems")).isEmpty();
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCaseWhoseProcessWasDeletedIsClosedNotArchivedAndNoLongerWatched() {
        String caseNumber = register("natural-resources", "2026-11-01", "土地行政处罚");
        assertThat(numbers("justice", "overdue=true")).containsExactly(caseNumber);
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("litigation-case").singleResult().getId();
        // As Cockpit's 取消流程实例 does by default: the process's own listeners skipped.
        runtime.deleteProcessInstance(instance, "登记错误", true, true);

        assertThat(numbers("justice", "status=OPEN")).isEmpty();
        assertThat(numbers("justice", "overdue=true")).isEmpty();
        assertThat(items("justice", "status=CLOSED")).singleElement().satisfies(i -> {
            assertThat(i).containsEntry("caseNumber", caseNumber).containsEntry("status", "CLOSED")
                    .containsEntry("statusLabel", "已终止（未归档）").containsEntry("stageLabel", "流程已终止，未归档")
                    .containsEntry("closedOn", "2026-12-01").containsEntry("archivedOn", null)
                    .containsEntry("nextDeadline", null);
            assertThat((List<Object>) i.get("overdueItems")).isEmpty();
        });
        assertThat(jdbc.queryForObject("SELECT answer_due FROM lit_case WHERE case_number = ?", java.sql.Date.class,
                caseNumber)).as("the answer is no longer watched").isNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJusticeBureausSupervisionIsNoStageOfTheCaseAndEveryOverdueCaseListsWhatIsOverdue() {
        String caseNumber = register("natural-resources", "2026-11-01", "土地行政处罚");
        cn.shapotou.litigation.escalation.OverdueTimers.fireDue(engine, caseNumber);
        watch.sweep();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("supervision").count()).as("the overdue items are escalated").isPositive();

        assertThat(items("justice", "overdue=true")).singleElement().satisfies(i -> {
            assertThat((String) i.get("stageLabel")).doesNotContain("督办");
            assertThat((List<Map<String, Object>>) i.get("overdueItems")).extracting(o -> o.get("item"))
                    .contains("法定答辩期限（行政诉讼法第六十七条）", "拟定办理建议");
        });
        assertThat((List<String>) rest.withBasicAuth("justice", "demo").getForObject("/api/cases/{n}", Map.class,
                caseNumber).get("stages")).doesNotContain("supervision");
        // Every case the filter finds says what is overdue in it.
        assertThat(numbersWith("justice", "overdue=true&size=200")).allSatisfy(n -> assertThat(
                (List<Object>) ((List<Map<String, Object>>) list("justice", "overdue=true&size=200").getBody()
                        .get("items")).stream().filter(i -> n.equals(i.get("caseNumber"))).findFirst().orElseThrow()
                        .get("overdueItems")).as(n).isNotEmpty());
    }

    @Test
    void casesRegisteredBeforeTheRegisterAreFilledInAtStartUp() {
        String caseNumber = register("wenchang-town", "2026-11-25", "房屋征收补偿");
        // As a row looked before the register's columns existed.
        jdbc.update("UPDATE lit_case SET court = NULL, plaintiff = NULL, cause = NULL, lead_unit = NULL, "
                + "received_on = NULL, status = NULL WHERE case_number = ?", caseNumber);
        jdbc.update("DELETE FROM lit_case_unit WHERE case_number = ?", caseNumber);
        assertThat(numbers("justice", "")).isEmpty();

        assertThat(backfill.run()).isGreaterThanOrEqualTo(1);
        assertThat(backfill.run()).isZero();

        assertThat(items("wenchang", "")).singleElement().satisfies(i -> assertThat(i)
                .containsEntry("caseNumber", caseNumber).containsEntry("status", "OPEN")
                .containsEntry("receivedOn", "2026-11-25").containsEntry("causeOfAction", "房屋征收补偿")
                .containsEntry("leadUnit", "wenchang-town").containsEntry("court", "中卫市沙坡头区人民法院"));
    }

    @Test
    void badParametersAreRefusedInChineseByName() {
        for (String[] bad : List.of(new String[] {"size=500", "size", "每页条数"},
                new String[] {"size=0", "size", "每页条数"},
                new String[] {"page=-1", "page", "页码"},
                new String[] {"page=x", "page", "整数"},
                new String[] {"status=DONE", "status", "办理中"},
                new String[] {"year=二〇二六", "year", "收案年度"},
                new String[] {"sort=court,desc", "sort", "排序"},
                new String[] {"sort=receivedOn,up", "sort", "排序"},
                new String[] {"unit=nowhere", "unit", "单位目录"},
                new String[] {"overdue=yes", "overdue", "逾期"},
                new String[] {"format=pdf", "format", "导出格式"})) {
            ResponseEntity<Map<String, Object>> response = list("justice", bad[0]);
            assertThat(response.getStatusCode()).as(bad[0]).isEqualTo(HttpStatus.BAD_REQUEST);
            List<?> errors = (List<?>) response.getBody().get("errors");
            assertThat(errors).as(bad[0]).hasSize(1);
            Map<?, ?> error = (Map<?, ?>) errors.get(0);
            assertThat(error.get("field")).as(bad[0]).isEqualTo(bad[1]);
            assertThat((String) error.get("message")).as(bad[0]).contains(bad[2]);
        }
        assertThat(list("justice", "size=200").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rest.exchange("/api/cases", HttpMethod.GET, null, JSON).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theWorkbookHoldsTheSameRowsAsTheList() throws IOException {
        String a = register("natural-resources", "2026-11-10", "土地行政处罚");
        String b = register("wenchang-town", "2026-11-25", "房屋征收补偿");
        List<Map<String, Object>> json = items("justice", "");

        ResponseEntity<byte[]> response = rest.withBasicAuth("justice", "demo")
                .getForEntity("/api/cases?format=xlsx&q=" + tag, byte[].class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))).isTrue();
        assertThat(response.getHeaders().getFirst("Content-Disposition")).contains("attachment");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(workbook.getSheetName(0)).isEqualTo("案件台账");
            DataFormatter format = new DataFormatter();
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(format.formatCellValue(c)));
            assertThat(header).containsExactly("序号", "案号", "法院", "原告", "案由", "承办单位", "收案日期", "审级",
                    "当前阶段", "下一期限", "逾期事项", "裁判结果", "是否败诉", "负责人出庭", "归档日期");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            for (int r = 1; r <= 2; r++) {
                Row row = sheet.getRow(r);
                Map<String, Object> item = json.get(r - 1);
                List<String> expected = CaseRegisterController.cells(r, item);
                for (int c = 0; c < expected.size(); c++) {
                    assertThat(format.formatCellValue(row.getCell(c))).as("row %d column %s", r, header.get(c))
                            .isEqualTo(expected.get(c) == null ? "" : expected.get(c));
                }
            }
            assertThat(format.formatCellValue(sheet.getRow(1).getCell(1))).isEqualTo(b);
            assertThat(format.formatCellValue(sheet.getRow(2).getCell(1))).isEqualTo(a);
            assertThat(format.formatCellValue(sheet.getRow(1).getCell(7))).isEqualTo("第一审");
            assertThat(format.formatCellValue(sheet.getRow(2).getCell(10))).contains("法定答辩期限");
        }
        // A unit's workbook has its own cases only.
        ResponseEntity<byte[]> wenchang = rest.withBasicAuth("wenchang", "demo")
                .getForEntity("/api/cases?format=xlsx&q=" + tag, byte[].class);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(wenchang.getBody()))) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(1);
            assertThat(new DataFormatter().formatCellValue(workbook.getSheetAt(0).getRow(1).getCell(1))).isEqualTo(b);
        }
    }

    /**
     * More cases than several batches of the workbook: the batches are looked up on reader threads while earlier ones
     * are written, and still every case is one row, numbered in the list's order. Register rows of archived cases
     * without history are enough here (their columns come from the register table).
     */
    @Test
    void aWorkbookOfManyBatchesKeepsTheListsOrder() throws IOException {
        int cases = 1_234;
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            numbers.add("（2020）宁0502行初" + tag + String.format("%04d", i) + "号");
        }
        jdbc.batchUpdate("INSERT INTO lit_case (case_number, process_instance_id, registered_at, court, plaintiff, "
                + "cause, lead_unit, received_on, status, closed_on) VALUES (?, ?, CURRENT_TIMESTAMP, '某市中级人民法院', ?, "
                + "'行政许可', 'natural-resources', ?, 'CLOSED', ?)", numbers.stream().map(n -> new Object[] {n,
                "none-" + n.hashCode(), tag + "某某", java.sql.Date.valueOf("2020-01-02"),
                java.sql.Date.valueOf("2020-06-30")}).toList());
        try {
            ResponseEntity<byte[]> response = rest.withBasicAuth("justice", "demo")
                    .getForEntity("/api/cases?format=xlsx&sort=caseNumber,asc&q=" + tag, byte[].class);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
                Sheet sheet = workbook.getSheetAt(0);
                DataFormatter format = new DataFormatter();
                assertThat(sheet.getLastRowNum()).isEqualTo(cases);
                for (int r = 1; r <= cases; r++) {
                    assertThat(format.formatCellValue(sheet.getRow(r).getCell(0))).isEqualTo(String.valueOf(r));
                    assertThat(format.formatCellValue(sheet.getRow(r).getCell(1))).isEqualTo(numbers.get(r - 1));
                    assertThat(format.formatCellValue(sheet.getRow(r).getCell(8))).isEqualTo("流程已终止，未归档");
                }
            }
        } finally {
            jdbc.update("DELETE FROM lit_case WHERE plaintiff = ?", tag + "某某");
        }
    }

    /**
     * The workbook reads its batches after the previous batch's last row (keyset): in every order, with ties on the
     * receipt day and cases without one, the batches together are exactly the list's rows in the list's order.
     */
    @Test
    void batchesAfterTheLastRowReadEveryRowOnceInTheListsOrder() {
        List<String> numbers = new ArrayList<>();
        try {
            for (int i = 0; i < 23; i++) {
                String number = "（2026）宁0502行初" + tag + i + "号";
                java.time.LocalDate received = i % 6 == 5 ? null : java.time.LocalDate.of(2026, 11, 1 + i % 3);
                jdbc.update("INSERT INTO lit_case (case_number, process_instance_id, registered_at, plaintiff, "
                        + "received_on, status) VALUES (?, ?, CURRENT_TIMESTAMP, ?, ?, 'CLOSED')", number,
                        "none-" + tag + i, tag + "某某", received);
                numbers.add(number);
            }
            CaseRegister.Filter filter = new CaseRegister.Filter(null, null, null, false, tag);
            List<String> groups = List.of(cn.shapotou.litigation.units.UnitDirectory.JUSTICE_BUREAU);
            for (CaseRegister.Sort sort : List.of(new CaseRegister.Sort("receivedOn", true),
                    new CaseRegister.Sort("receivedOn", false), new CaseRegister.Sort("caseNumber", true),
                    new CaseRegister.Sort("caseNumber", false))) {
                List<CaseRegister.Row> all = register.rows(filter, groups, sort, 0, 100);
                assertThat(all).hasSize(23);
                for (int limit : new int[] {1, 4, 5, 23, 50}) {
                    List<CaseRegister.Row> read = new ArrayList<>();
                    CaseRegister.Row last = null;
                    while (true) {
                        List<CaseRegister.Row> batch = register.rowsAfter(filter, groups, sort, last, limit);
                        read.addAll(batch);
                        if (batch.size() < limit) {
                            break;
                        }
                        last = batch.get(batch.size() - 1);
                    }
                    assertThat(read).as("%s in batches of %d", sort, limit).containsExactlyElementsOf(all);
                }
            }
        } finally {
            numbers.forEach(n -> jdbc.update("DELETE FROM lit_case WHERE case_number = ?", n));
        }
    }
}
