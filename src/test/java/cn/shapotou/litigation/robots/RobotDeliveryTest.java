package cn.shapotou.litigation.robots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.escalation.DailyDigest;
import cn.shapotou.litigation.escalation.DeadlineWatch;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reminders and 督办 reach the units' DingTalk and WeCom group robots (《办法》第三条), against a fake robot that checks
 * DingTalk's signature and both bodies: queued by the sweep, delivered apart from it, at most 20 a minute per robot
 * (the rest as one digest), retried when a robot fails, a daily digest per unit, and no credential in any log line.
 */
// First of all classes: its sweep sends every due reminder of the database, and with the other classes' cases a robot's
// 20 messages a minute would be spent before this class's own case is reached.
@org.junit.jupiter.api.Order(1)
@IntegrationTest
class RobotDeliveryTest {

    static final String NATRES_TOKEN = "natres-token-4711";
    static final String NATRES_SECRET = "SECnatres-secret-4711";
    static final String NATRES_KEY = "natres-key-4711";
    static final String JUSTICE_TOKEN = "justice-token-4711";
    static final String JUSTICE_SECRET = "SECjustice-secret-4711";
    static final String LEADERS_KEY = "leaders-key-4711";
    static final String TRANSPORT_TOKEN = "transport-token-4711";
    static final String TRANSPORT_SECRET = "SECtransport-secret-4711";
    static final List<String> CREDENTIALS = List.of(NATRES_TOKEN, NATRES_SECRET, NATRES_KEY, JUSTICE_TOKEN,
            JUSTICE_SECRET, LEADERS_KEY, TRANSPORT_TOKEN, TRANSPORT_SECRET);

    static FakeRobot robot;

    @Autowired
    RobotDelivery delivery;
    @Autowired
    RobotOutbox outbox;
    @Autowired
    DailyDigest digest;
    @Autowired
    DeadlineWatch watch;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;

    ListAppender<ILoggingEvent> logs;

    @BeforeAll
    static void startRobot() throws Exception {
        robot = new FakeRobot(18931, Map.of(NATRES_TOKEN, NATRES_SECRET, JUSTICE_TOKEN, JUSTICE_SECRET,
                TRANSPORT_TOKEN, TRANSPORT_SECRET));
    }

    @AfterAll
    static void stopRobot() {
        robot.close();
    }

    @BeforeEach
    void clean() {
        jdbc.update("DELETE FROM lit_robot_outbox");
        jdbc.update("DELETE FROM lit_robot_digest");
        robot.received.clear();
        robot.rejected.clear();
        logs = new ListAppender<>();
        logs.start();
        root().addAppender(logs);
    }

    @AfterEach
    void reset() {
        root().detachAppender(logs);
        ClockUtil.reset();
        // No credential in any line logged during the test, whatever happened.
        for (ILoggingEvent event : logs.list) {
            String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                    : " " + event.getThrowableProxy().getMessage());
            for (String credential : CREDENTIALS) {
                assertThat(line).as("log line").doesNotContain(credential);
            }
        }
        assertThat(jdbc.queryForList("SELECT COALESCE(last_error, '') FROM lit_robot_outbox", String.class))
                .allSatisfy(error -> CREDENTIALS.forEach(c -> assertThat(error).doesNotContain(c)));
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private static void at(int year, int month, int day, int hour, int minute, int second) {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(year, month, day, hour, minute, second, 0, LegalClock.ZONE)
                .toInstant()));
    }

    private String state(String robotKey, String titlePart) {
        return jdbc.queryForObject("SELECT state FROM lit_robot_outbox WHERE robot = ? AND title LIKE ?", String.class,
                robotKey, "%" + titlePart + "%");
    }

    @Test
    void aReminderAndAnEscalationGoToTheUnitsRobotsSignedAndAsMarkdown() {
        CaseWalk walk = new CaseWalk(runtime, tasks);
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        walk.register(data);
        String draft = walk.task(caseNumber, "DraftHandlingProposalTask").getId();

        // Received 2026-11-20: 拟定办理建议 (the Justice Bureau's) and the answer are due 2026-12-07.
        at(2026, 12, 5, 10, 0, 0);
        watch.sweep();
        assertThat(robot.received).as("the sweep only queues").isEmpty();
        delivery.deliverDue();

        assertThat(robot.rejected).as("signature and body accepted").isEmpty();
        List<FakeRobot.Received> justice = robot.of(JUSTICE_TOKEN).stream()
                .filter(r -> r.text().contains(caseNumber)).toList();
        assertThat(justice).anySatisfy(r -> {
            assertThat(r.signed()).isTrue();
            assertThat(r.body().path("markdown").path("title").asText()).contains("即将到期提醒", caseNumber);
            assertThat(r.text()).contains("案号：" + caseNumber, "事项：拟定办理建议", "期限：2026年12月7日24时（还有2日）",
                    "承办单位：区司法局", "http://localhost:8080/camunda/app/tasklist/default/#/?task=" + draft);
        });
        // Two days before a statutory court deadline, the district leaders' robot (WeCom) is told.
        assertThat(robot.of(LEADERS_KEY)).filteredOn(r -> r.text().contains(caseNumber)).anySatisfy(r -> {
            assertThat(r.channel()).isEqualTo("wecom");
            assertThat(r.body().path("msgtype").asText()).isEqualTo("markdown");
            assertThat(r.text()).contains("法定期限即将届满，请领导督促", "案号：" + caseNumber);
        });

        // Overdue: 督办 to the unit charged (the Justice Bureau itself here) and the Justice Bureau, once.
        at(2026, 12, 8, 9, 0, 0);
        watch.sweep();
        watch.sweep();
        delivery.deliverDue();
        List<FakeRobot.Received> escalations = robot.of(JUSTICE_TOKEN).stream()
                .filter(r -> r.text().contains(caseNumber) && r.text().contains("逾期督办")).toList();
        assertThat(escalations).as("the task and the statutory answer, each once").hasSize(2);
        assertThat(escalations).anySatisfy(r -> assertThat(r.text()).contains("事项：拟定办理建议", "已逾期：1日",
                "期限：2026年12月7日24时", "承办单位：区司法局", "#/?task=" + draft));
        // A statutory court deadline missed: the leaders' robot hears of the 督办 too.
        assertThat(robot.of(LEADERS_KEY)).anySatisfy(r -> assertThat(r.text()).contains("逾期督办", caseNumber));
    }

    @Test
    void theWeComRobotGetsMarkdownContentAtTheUrlWithItsKey() {
        outbox.enqueue("natural-resources", "【行政应诉】即将到期提醒 （2026）宁0502行初1号", "#### 提醒\n\n- 案号：（2026）宁0502行初1号");
        delivery.deliverDue();
        assertThat(robot.of(NATRES_KEY)).singleElement().satisfies(r -> {
            assertThat(r.channel()).isEqualTo("wecom");
            assertThat(r.body().path("markdown").path("content").asText()).isEqualTo("#### 提醒\n\n- 案号：（2026）宁0502行初1号");
        });
        assertThat(robot.of(NATRES_TOKEN)).singleElement().satisfies(r -> {
            assertThat(r.signed()).isTrue();
            assertThat(r.body().path("markdown").path("title").asText()).isEqualTo("【行政应诉】即将到期提醒 （2026）宁0502行初1号");
        });
    }

    @Test
    void twentyFiveMessagesInAMinuteAreTwentyAndOneDigest() {
        at(2026, 12, 9, 7, 0, 0);
        for (int i = 1; i <= 25; i++) {
            outbox.enqueue("transport", "【行政应诉】即将到期提醒 （2026）宁0502行初" + i + "号",
                    "#### 提醒\n\n- 案号：（2026）宁0502行初" + i + "号\n- 事项：准备答辩材料");
        }
        delivery.deliverDue();
        assertThat(robot.of(TRANSPORT_TOKEN)).hasSize(20);
        at(2026, 12, 9, 7, 0, 30);
        delivery.deliverDue();
        assertThat(robot.of(TRANSPORT_TOKEN)).as("still within the minute").hasSize(20);

        at(2026, 12, 9, 7, 1, 1);
        delivery.deliverDue();
        List<FakeRobot.Received> got = robot.of(TRANSPORT_TOKEN);
        assertThat(got).hasSize(21);
        assertThat(got.get(20).body().path("markdown").path("title").asText()).contains("消息汇总（5条）");
        assertThat(got.get(20).text()).contains("以下5条提醒合并发送", "案号：（2026）宁0502行初21号",
                "案号：（2026）宁0502行初25号").doesNotContain("行初20号");
        delivery.deliverDue();
        assertThat(robot.of(TRANSPORT_TOKEN)).hasSize(21);
    }

    @Test
    void twoNodesDeliveringAtOnceSendEachMessageOnce() throws Exception {
        at(2026, 12, 9, 7, 0, 0);
        for (int i = 1; i <= 12; i++) {
            outbox.enqueue("transport", "【行政应诉】即将到期提醒 （2026）宁0502行初" + i + "号", "- 案号：（2026）宁0502行初" + i + "号");
        }
        java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<?>> rounds = List.of(
                    nodes.submit(() -> { start.await(); delivery.deliverDue(); return null; }),
                    nodes.submit(() -> { start.await(); delivery.deliverDue(); return null; }));
            start.countDown();
            for (java.util.concurrent.Future<?> round : rounds) {
                round.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            nodes.shutdownNow();
        }
        assertThat(robot.of(TRANSPORT_TOKEN)).hasSize(12)
                .extracting(FakeRobot.Received::text).doesNotHaveDuplicates();
        assertThat(jdbc.queryForList("SELECT DISTINCT state FROM lit_robot_outbox WHERE robot = 'transport:dingtalk'",
                String.class)).containsExactly("SENT");
    }

    @Test
    void aRobotThatFailsTwiceGetsTheMessageOnceOnTheThirdTry() {
        at(2026, 12, 9, 7, 0, 0);
        robot.failNext(TRANSPORT_TOKEN, 2);
        outbox.enqueue("transport", "【行政应诉】逾期督办 （2026）宁0502行初9号", "#### 逾期督办\n\n- 已逾期：1日");
        delivery.deliverDue();
        assertThat(state("transport:dingtalk", "行初9号")).isEqualTo("PENDING");
        delivery.deliverDue();
        assertThat(robot.of(TRANSPORT_TOKEN)).as("not before its retry is due").isEmpty();

        at(2026, 12, 9, 7, 0, 31);
        delivery.deliverDue();
        assertThat(robot.of(TRANSPORT_TOKEN)).isEmpty();
        at(2026, 12, 9, 7, 1, 32);
        delivery.deliverDue();
        at(2026, 12, 9, 7, 5, 0);
        delivery.deliverDue();
        assertThat(robot.of(TRANSPORT_TOKEN)).singleElement()
                .satisfies(r -> assertThat(r.text()).contains("已逾期：1日"));
        assertThat(state("transport:dingtalk", "行初9号")).isEqualTo("SENT");
        assertThat(jdbc.queryForObject("SELECT attempts FROM lit_robot_outbox WHERE robot = 'transport:dingtalk'",
                Integer.class)).isEqualTo(3);
    }

    @Test
    void aFailingRobotNeitherBlocksNorFailsTheSweepAndIsGivenUpAfterFiveTries() {
        CaseWalk walk = new CaseWalk(runtime, tasks);
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        walk.register(data);
        robot.failNext(JUSTICE_TOKEN, 1000);
        at(2026, 12, 5, 10, 0, 0);
        assertThatCode(() -> watch.sweep()).doesNotThrowAnyException();
        assertThatCode(() -> delivery.deliverDue()).doesNotThrowAnyException();
        at(2026, 12, 8, 9, 0, 0);
        assertThat(watch.sweep()).as("escalates while the robot is down").isGreaterThanOrEqualTo(2);
        assertThat(runtime.createIncidentQuery().incidentType(DeadlineWatch.INCIDENT_TYPE).list())
                .anySatisfy(i -> assertThat(i.getIncidentMessage()).contains(caseNumber));
        for (int minute = 0; minute < 30; minute += 5) {
            at(2026, 12, 8, 9, minute, 1);
            delivery.deliverDue();
        }
        assertThat(robot.of(JUSTICE_TOKEN)).isEmpty();
        assertThat(jdbc.queryForList("SELECT DISTINCT state FROM lit_robot_outbox WHERE robot = 'justice-bureau:dingtalk' "
                + "AND body LIKE ?", String.class, "%" + caseNumber + "%")).containsExactly("FAILED");
        assertThat(jdbc.queryForList("SELECT last_error FROM lit_robot_outbox WHERE robot = 'justice-bureau:dingtalk'",
                String.class)).allSatisfy(e -> assertThat(e).contains("errcode -1"));
        assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                .contains("justice-bureau:dingtalk", "access_token=***", "given up after 5 attempts"));
        // The other units' robots were not held up by the failing one.
        assertThat(robot.of(LEADERS_KEY)).anySatisfy(r -> assertThat(r.text()).contains(caseNumber));
    }

    @Test
    void eachUnitGetsOneDailyDigestAt0830WithItsOpenDueSoonAndOverdueWork() {
        CaseWalk walk = new CaseWalk(runtime, tasks);
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        walk.register(data);

        at(2026, 12, 6, 8, 29, 0);
        assertThat(digest.queueIfDue()).isZero();
        String soon = digest.compose("justice-bureau");
        assertThat(soon).contains("每日待办汇总 · 区司法局", "2026年12月6日", "**即将到期**",
                "案号" + caseNumber + "「拟定办理建议」12月7日24时到期（还有1日）");

        at(2026, 12, 8, 8, 31, 0);
        String late = digest.compose("justice-bureau");
        assertThat(late).contains("**逾期事项**", "案号" + caseNumber + "「拟定办理建议」期限12月7日，已逾期1日，承办：区司法局",
                "http://localhost:8080/camunda/app/tasklist/default/");
        assertThat(digest.compose("transport")).as("nothing open").isNull();

        assertThat(digest.queueIfDue()).isEqualTo(4);
        assertThat(digest.queueIfDue()).as("once a day, whichever node").isZero();
        assertThat(jdbc.queryForList("SELECT unit FROM lit_robot_digest", String.class))
                .containsExactlyInAnyOrder("natural-resources", "justice-bureau", "district-leaders", "transport");
        delivery.deliverDue();
        assertThat(robot.of(JUSTICE_TOKEN)).anySatisfy(r -> assertThat(r.text()).contains("每日待办汇总", caseNumber));
        assertThat(robot.of(TRANSPORT_TOKEN)).isEmpty();
    }
}
