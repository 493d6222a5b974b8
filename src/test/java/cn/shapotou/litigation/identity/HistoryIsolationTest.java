package cn.shapotou.litigation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.escalation.DeadlineWatch;
import cn.shapotou.litigation.escalation.SupervisionUpgrade;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Nobody learns of a case they take no part in (casecore.CaseAccess; README「运行」) from the history or the runtime
 * lists of the engine REST API, the webapps' engine API or Cockpit's own API: every demo user calls every list, and no
 * answer may name the case number, or an instance id, of another unit's case or its 督办. The table says what each
 * list answers a unit user; adding a list is one line.
 */
@IntegrationTest
class HistoryIsolationTest {

    /** Every demo user (IdentitySeeder.DEMO_USERS). */
    static final List<String> USERS = IdentitySeeder.DEMO_USERS.stream().map(IdentitySeeder.DemoUser::id).toList();

    /** What a list answers a user outside the Justice Bureau and the administrators. */
    enum Expect {
        /** 200, filtered by the engine's authorizations to what the user takes part in. */
        FILTERED,
        /**
         * 403 with a Chinese message to whoever may not open Cockpit (identity.MonitoringAccess): counts over every
         * instance, which the engine does not filter by case.
         */
        COCKPIT_ONLY,
        /**
         * Whatever the engine answers (a filter without a grant, a report needing READ_HISTORY, an id not visible),
         * but never a 5xx; the body is checked like every other.
         */
        ANY
    }

    /**
     * {@code engineApi}: the path is called under /engine-rest (HTTP Basic) and under the webapps'
     * /camunda/api/engine/engine/default (session) alike; otherwise as given, with the session.
     */
    record Row(String path, Expect expect, boolean engineApi) {
        static Row engine(String path, Expect expect) {
            return new Row(path, expect, true);
        }

        static Row webapp(String path, Expect expect) {
            return new Row(path, expect, false);
        }
    }

    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    RepositoryService repository;
    @Autowired
    FilterService filters;
    @Autowired
    DeadlineWatch watch;
    @Autowired
    SupervisionUpgrade upgrade;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    LegalClock clock;
    @LocalServerPort
    int port;

    private final Map<String, String> legacy = new HashMap<>();

    /** Lists that name an instance or task of the case: a link or an id seen elsewhere is enough to call them. */
    private List<Row> byId(String caseNumber) {
        String caseInstance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("litigation-case").singleResult().getId();
        String supervision = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("supervision").list().get(0).getId();
        String supervisionTask = history.createHistoricTaskInstanceQuery().processInstanceId(supervision).list()
                .get(0).getId();
        return List.of(
                Row.engine("/history/process-instance/" + supervision, Expect.ANY),
                Row.engine("/process-instance/" + caseInstance + "/comment", Expect.ANY),
                Row.engine("/process-instance/" + supervision + "/comment", Expect.ANY),
                Row.engine("/task/" + supervisionTask + "/comment", Expect.ANY),
                Row.engine("/task/" + legacy.get(caseNumber) + "/comment", Expect.ANY),
                Row.engine("/history/task?taskId=" + legacy.get(caseNumber), Expect.FILTERED),
                Row.engine("/history/user-operation?processInstanceId=" + supervision, Expect.FILTERED),
                Row.engine("/history/variable-instance?processInstanceId=" + supervision, Expect.FILTERED),
                Row.engine("/history/detail?processInstanceId=" + supervision, Expect.FILTERED));
    }

    private List<Row> rows() {
        String supervision = repository.createProcessDefinitionQuery().processDefinitionKey("supervision")
                .latestVersion().singleResult().getId();
        List<Row> rows = new ArrayList<>(List.of(
                // history
                Row.engine("/history/process-instance", Expect.FILTERED),
                Row.engine("/history/process-instance?processDefinitionKey=supervision", Expect.FILTERED),
                Row.engine("/history/activity-instance", Expect.FILTERED),
                Row.engine("/history/task", Expect.FILTERED),
                Row.engine("/history/task?processDefinitionKey=supervision", Expect.FILTERED),
                Row.engine("/history/variable-instance", Expect.FILTERED),
                Row.engine("/history/variable-instance?variableName=caseNumber", Expect.FILTERED),
                Row.engine("/history/detail", Expect.FILTERED),
                Row.engine("/history/incident", Expect.FILTERED),
                Row.engine("/history/identity-link-log", Expect.FILTERED),
                Row.engine("/history/user-operation", Expect.FILTERED),
                Row.engine("/history/job-log", Expect.FILTERED),
                Row.engine("/history/external-task-log", Expect.FILTERED),
                Row.engine("/history/decision-instance", Expect.FILTERED),
                Row.engine("/history/case-instance", Expect.FILTERED),
                Row.engine("/history/case-activity-instance", Expect.FILTERED),
                Row.engine("/history/batch", Expect.FILTERED),
                Row.engine("/history/task/report?reportType=count&groupBy=taskName", Expect.ANY),
                Row.engine("/history/process-instance/report?reportType=duration&periodUnit=month", Expect.ANY),
                Row.engine("/history/process-definition/" + supervision + "/statistics", Expect.COCKPIT_ONLY),
                Row.engine("/history/process-definition/cleanable-process-instance-report", Expect.ANY),
                // runtime
                Row.engine("/task", Expect.FILTERED),
                Row.engine("/process-instance", Expect.FILTERED),
                Row.engine("/execution", Expect.FILTERED),
                Row.engine("/variable-instance", Expect.FILTERED),
                Row.engine("/incident", Expect.FILTERED),
                Row.engine("/job", Expect.FILTERED),
                Row.engine("/external-task", Expect.FILTERED),
                Row.engine("/event-subscription", Expect.FILTERED),
                Row.engine("/authorization", Expect.FILTERED),
                Row.engine("/process-definition/statistics?incidents=true", Expect.COCKPIT_ONLY),
                Row.engine("/process-definition/" + supervision + "/statistics?incidents=true", Expect.COCKPIT_ONLY),
                Row.engine("/process-definition/key/supervision/statistics", Expect.COCKPIT_ONLY),
                // Cockpit's own API, with the webapps' session
                Row.webapp("/camunda/api/cockpit/plugin/base/default/process-instance", Expect.COCKPIT_ONLY),
                Row.webapp("/camunda/api/cockpit/plugin/base/default/process-instance?processDefinitionId="
                        + supervision, Expect.COCKPIT_ONLY),
                Row.webapp("/camunda/api/cockpit/plugin/base/default/incident", Expect.COCKPIT_ONLY),
                Row.webapp("/camunda/api/cockpit/plugin/base/default/process-definition/statistics",
                        Expect.COCKPIT_ONLY)));
        for (Filter filter : filters.createFilterQuery().list()) {
            rows.add(Row.engine("/filter/" + filter.getId() + "/list", Expect.ANY));
        }
        return rows;
    }

    /** The case numbers and every instance id of each case and its 督办 and stages, by case number. */
    private Map<String, Set<String>> tokens(List<String> caseNumbers) {
        List<HistoricProcessInstance> all = history.createHistoricProcessInstanceQuery().list();
        Map<String, Set<String>> tokens = new LinkedHashMap<>();
        for (String caseNumber : caseNumbers) {
            Set<String> roots = new HashSet<>();
            all.stream().filter(p -> caseNumber.equals(p.getBusinessKey()))
                    .forEach(p -> roots.add(p.getRootProcessInstanceId()));
            Set<String> own = new HashSet<>(Set.of(caseNumber));
            all.stream().filter(p -> roots.contains(p.getRootProcessInstanceId())).forEach(p -> own.add(p.getId()));
            tokens.put(caseNumber, own);
        }
        return tokens;
    }

    private String register(String actingUnit, String cause) {
        Map<String, Object> data = TestCases.natresCase();
        data.put("actingUnit", actingUnit);
        data.put("causeOfAction", cause);
        // Received 40 days ago: the proposal and the answer are long overdue, so the sweep starts 督办.
        data.put("noticeReceivedOn", clock.today().minusDays(40).toString());
        assertThat(rest.withBasicAuth("office", "demo").postForEntity("/api/cases", data, Map.class)
                .getStatusCode().value()).isEqualTo(201);
        return (String) data.get("caseNumber");
    }

    private ResponseEntity<String> post(String user, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, "demo").exchange("/engine-rest" + path, HttpMethod.POST,
                new HttpEntity<>(body, headers), String.class);
    }

    /** The jobs past each 督办's start, which the job executor runs in production (it is off in the tests). */
    private void runSupervisionJobs(Set<String> caseNumbers) {
        for (Job job : management.createJobQuery().processDefinitionKey("supervision").list()) {
            var instance = runtime.createProcessInstanceQuery().processInstanceId(job.getProcessInstanceId())
                    .singleResult();
            if (instance != null && caseNumbers.contains(instance.getBusinessKey())) {
                management.executeJob(job.getId());
            }
        }
    }

    private List<Task> supervisionTasks(String caseNumber, String taskKey) {
        return tasks.createTaskQuery().processDefinitionKey("supervision").processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey(taskKey).list();
    }

    /**
     * A 督办 as the version before process {@code supervision} raised it: a standalone task of the Justice Bureau (and,
     * for a missed court deadline, the district leaders) naming the case, unit and days overdue, with its item in a
     * task-local variable; replaced at start-up by escalation.SupervisionUpgrade, which completes it with a comment.
     * Its history stays: it has no process instance to be granted on.
     */
    private String legacySupervision(String caseNumber, String unitName) {
        Task notice = tasks.newTask();
        notice.setName("督办：答辩材料逾期 " + caseNumber);
        notice.setDescription(unitName + "逾期12日");
        tasks.saveTask(notice);
        tasks.addCandidateGroup(notice.getId(), "justice-bureau");
        tasks.addCandidateGroup(notice.getId(), "district-leaders");
        tasks.setVariablesLocal(notice.getId(), Map.of("supervisedItem", "task:" + notice.getId() + "-item",
                "caseNumber", caseNumber, "unitName", unitName,
                "daysOverdue", 12));
        tasks.createComment(notice.getId(), null, "被督办事项已办结，督办自动结束（" + caseNumber + "）。");
        tasks.complete(notice.getId());
        // Raised before historic instance permissions were on: the engine made no historic-task grant for it.
        authorizations.createAuthorizationQuery().resourceType(Resources.HISTORIC_TASK).resourceId(notice.getId())
                .list().forEach(a -> authorizations.deleteAuthorization(a.getId()));
        return notice.getId();
    }

    /** History of every kind for both cases: tasks done by users over REST, 督办 issued and replied to. */
    private void makeHistory(String natres, String wenchang) {
        legacy.put(natres, legacySupervision(natres, "区自然资源局"));
        legacy.put(wenchang, legacySupervision(wenchang, "文昌镇人民政府"));
        upgrade.grantHistory();
        CaseWalk walk = new CaseWalk(runtime, tasks);
        walk.approveProposal(natres);
        walk.approveProposal(wenchang);
        cn.shapotou.litigation.escalation.OverdueTimers.fireDue(engine, natres, wenchang);
        watch.sweep();
        runSupervisionJobs(Set.of(natres, wenchang));
        for (String caseNumber : List.of(natres, wenchang)) {
            for (Task issue : supervisionTasks(caseNumber, "IssueSupervisionTask")) {
                assertThat(post("justice", "/task/" + issue.getId() + "/claim", Map.of("userId", "justice"))
                        .getStatusCode().value()).isEqualTo(204);
                assertThat(post("justice", "/task/" + issue.getId() + "/complete", Map.of("variables", Map.of(
                        "supervisionMethod", Map.of("value", "PHONE"),
                        "supervisionRemarks", Map.of("value", "请于三日内办结并书面答复。")))).getStatusCode().value())
                        .isEqualTo(204);
            }
        }
        Map<String, String> replier = Map.of(natres, "natres", wenchang, "wenchang");
        replier.forEach((caseNumber, user) -> {
            List<Task> replies = supervisionTasks(caseNumber, "ReplySupervisionTask").stream()
                    .filter(t -> tasks.getIdentityLinksForTask(t.getId()).stream()
                            .anyMatch(l -> !"justice-bureau".equals(l.getGroupId()) && l.getGroupId() != null))
                    .toList();
            assertThat(replies).as("a 督办 charged to the unit of " + caseNumber).isNotEmpty();
            Task reply = replies.get(0);
            ResponseEntity<String> done = post(user, "/task/" + reply.getId() + "/complete", Map.of("variables",
                    Map.of("delayReason", Map.of("value", "现场勘查未完成"),
                            "expectedCompletionOn", Map.of("value", clock.today().plusDays(3).toString()))));
            assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
        });
    }

    @Test
    void noUserReadsAnythingOfACaseTheyTakeNoPartIn() throws Exception {
        String natres = register("natural-resources", "土地行政处罚");
        String wenchang = register("wenchang-town", "房屋征收补偿");
        makeHistory(natres, wenchang);
        Map<String, Set<String>> tokens = tokens(List.of(natres, wenchang));
        // The participation rule of casecore.CaseAccess: the Justice Bureau, the district office, the leaders, the
        // Legal Counsel Office and the administrators take part in every case; a unit only in its own.
        Map<String, List<String>> hidden = new HashMap<>();
        USERS.forEach(u -> hidden.put(u, List.of()));
        hidden.put("natres", List.of(wenchang));
        hidden.put("wenchang", List.of(natres));
        hidden.put("housing", List.of(natres, wenchang));

        List<String> wrong = new ArrayList<>();
        List<Row> rows = new ArrayList<>(rows());
        rows.addAll(byId(natres));
        rows.addAll(byId(wenchang));
        for (String user : USERS) {
            HttpClient session = login(user);
            for (Row row : rows) {
                for (boolean viaWebapp : row.engineApi() ? List.of(false, true) : List.of(true)) {
                    String path = !row.engineApi() ? row.path()
                            : (viaWebapp ? "/camunda/api/engine/engine/default" : "/engine-rest") + row.path();
                    int status;
                    String body;
                    if (viaWebapp) {
                        HttpResponse<String> response = session.send(HttpRequest.newBuilder(URI.create(base() + path))
                                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
                        status = response.statusCode();
                        body = response.body();
                    } else {
                        ResponseEntity<String> response = rest.withBasicAuth(user, "demo").getForEntity(path,
                                String.class);
                        status = response.getStatusCode().value();
                        body = response.getBody() == null ? "" : response.getBody();
                    }
                    String what = path + " as " + user + ": ";
                    // An error may repeat the id asked for; that is not a leak.
                    for (String id : path.split("[/?=&]")) {
                        if (id.length() >= 32) {
                            body = body.replace(id, "");
                        }
                    }
                    for (String other : hidden.get(user)) {
                        for (String token : tokens.get(other)) {
                            if (body.contains(token)) {
                                wrong.add(what + status + " names " + (token.equals(other) ? "case " : "instance ")
                                        + token + " of " + other);
                                break;
                            }
                        }
                    }
                    // Cockpit is opened by the administrators and the Justice Bureau (identity.IdentitySeeder).
                    boolean supervisor = user.equals("demo") || user.startsWith("justice");
                    int expected = switch (row.expect()) {
                        case FILTERED -> 200;
                        case COCKPIT_ONLY -> supervisor ? 200 : 403;
                        case ANY -> -1;
                    };
                    if (expected > 0 && status != expected || status >= 500) {
                        wrong.add(what + status + " (expected " + (expected > 0 ? expected : "no 5xx") + ") "
                                + body.substring(0, Math.min(200, body.length())));
                    } else if (expected == 403 && !body.matches("(?s).*[\\u4e00-\\u9fa5].*")) {
                        wrong.add(what + "403 without a Chinese message: " + body);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();

        // What each still reads: supervisors every 督办, the leaders those reported to them, a unit its own.
        for (String caseNumber : List.of(natres, wenchang)) {
            for (String user : List.of("demo", "justice", "leader")) {
                assertThat(get(user, "/history/task?taskId=" + legacy.get(caseNumber)))
                        .as(user + " reads the earlier version's 督办 task").contains(caseNumber);
                assertThat(get(user, "/history/process-instance?processDefinitionKey=supervision"))
                        .as(user + " reads every 督办's history").contains(caseNumber);
                String supervision = history.createHistoricProcessInstanceQuery().processDefinitionKey("supervision")
                        .processInstanceBusinessKey(caseNumber).list().get(0).getId();
                assertThat(get(user, "/history/variable-instance?variableName=daysOverdue&processInstanceId="
                        + supervision)).as(user + " reads how late each item is").contains("\"daysOverdue\"");
            }
        }
        assertThat(get("natres", "/history/process-instance?processDefinitionKey=supervision")).contains(natres);
        assertThat(get("wenchang", "/history/process-instance?processDefinitionKey=supervision")).contains(wenchang);
        assertThat(get("wenchang", "/history/task?processDefinitionKey=supervision")).contains("答复督办");
    }

    private String get(String user, String path) {
        ResponseEntity<String> response = rest.withBasicAuth(user, "demo").getForEntity("/engine-rest" + path,
                String.class);
        assertThat(response.getStatusCode().value()).as(path + " as " + user).isEqualTo(200);
        return response.getBody();
    }


    // ----- the webapps' session, as a browser holds it

    private String base() {
        return "http://localhost:" + port;
    }

    private HttpClient login(String user) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        http.send(HttpRequest.newBuilder(URI.create(base() + "/camunda/app/tasklist/default/")).build(),
                HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(
                        URI.create(base() + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", csrfToken(cookies))
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(user + " logs in to Tasklist").isEqualTo(200);
        return http;
    }

    private static String csrfToken(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).reduce((a, b) -> b).orElseThrow();
    }
}
