package cn.shapotou.litigation.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import cn.shapotou.litigation.deadlines.LegalClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import java.util.Date;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * More items fall overdue at once than one transaction escalates ({@link DeadlineWatch#CHUNK}): one sweep still
 * escalates every one exactly once, each with its incident and its 督办 (an instance of process supervision), and the
 * next sweep adds nothing.
 */
@IntegrationTest
class ManyEscalationsTest {

    @Autowired
    DeadlineWatch watch;
    @Autowired
    OverdueItems overdue;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    LegalClock clock;

    /** The items of {@code keys} that an open 督办 (process supervision) supervises, once for each. */
    private List<Object> supervised(Set<String> keys) {
        return runtime.createVariableInstanceQuery().variableName(DeadlineWatch.SUPERVISES).list().stream()
                .filter(v -> keys.contains(v.getValue())).map(v -> v.getValue()).toList();
    }

    @Test
    void moreOverdueItemsThanAChunkAreAllEscalatedOnceInOneSweep() {
        watch.sweep();
        List<String> instances = new ArrayList<>();
        List<String> caseNumbers = new ArrayList<>();
        for (int i = 0; i < DeadlineWatch.CHUNK / 2 + 5; i++) {
            Map<String, Object> data = TestCases.natresCase();
            data.put("noticeReceivedOn", clock.today().minusDays(40).toString());
            Map<?, ?> created = rest.withBasicAuth("office", "demo").postForObject("/api/cases", data, Map.class);
            instances.add((String) created.get("processInstanceId"));
            caseNumbers.add((String) data.get("caseNumber"));
        }
        Set<String> keys = overdue.now().stream().filter(i -> caseNumbers.contains(i.caseNumber()))
                .map(OverdueItem::key).collect(Collectors.toSet());
        assertThat(keys).as("two items a neglected case").hasSize(2 * caseNumbers.size())
                .hasSizeGreaterThan(DeadlineWatch.CHUNK);

        overtakeTimers();
        assertThat(watch.sweep()).isGreaterThanOrEqualTo(keys.size());
        List<String> raised = runtime.createIncidentQuery().incidentType(DeadlineWatch.INCIDENT_TYPE).list().stream()
                .map(Incident::getConfiguration).filter(keys::contains).toList();
        assertThat(raised).as("one incident an item").hasSize(keys.size()).doesNotHaveDuplicates();
        assertThat(supervised(keys)).as("one 督办 an item").hasSize(keys.size()).doesNotHaveDuplicates();
        assertThat(watch.sweep()).as("nothing new the next minute").isZero();

        // The cases go; the next sweep ends their 督办, and other tests see none of them.
        runtime.deleteProcessInstances(instances, "test over", true, true);
        watch.sweep();
        assertThat(supervised(keys)).isEmpty();
    }
    @Test
    void anItemThatFailsInItsChunkDoesNotHoldUpTheOthersAndIsEscalatedByTheNextSweep() {
        watch.sweep();
        List<String> caseNumbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> data = TestCases.natresCase();
            data.put("noticeReceivedOn", clock.today().minusDays(40).toString());
            rest.withBasicAuth("office", "demo").postForObject("/api/cases", data, Map.class);
            caseNumbers.add((String) data.get("caseNumber"));
        }
        List<OverdueItem> items = overdue.now().stream().filter(i -> caseNumbers.contains(i.caseNumber())
                && !i.caseLevel()).sorted(java.util.Comparator.comparing(OverdueItem::caseNumber)).toList();
        assertThat(items).hasSize(3);
        // The middle one's task finished between reading the list and escalating it: its execution is gone.
        OverdueItem gone = items.get(1);
        OverdueItem failing = new OverdueItem(gone.key(), gone.caseNumber(), gone.item(), gone.unit(), gone.unitName(),
                gone.due(), gone.daysOverdue(), gone.taskId(), "no-such-execution", gone.processInstanceId(),
                gone.assignee(), gone.holders(), gone.deadline(), gone.delay(), gone.holding());

        assertThat(watch.escalateInChunks(List.of(items.get(0), failing, items.get(2)))).isEqualTo(2);
        assertThat(raised(items.get(0).key())).isOne();
        assertThat(raised(items.get(2).key())).isOne();
        assertThat(raised(gone.key())).as("the failing item waits").isZero();
        assertThat(supervised(Set.of(items.get(0).key(), items.get(2).key()))).hasSize(2);

        overtakeTimers();
        watch.sweep();
        assertThat(raised(gone.key())).as("escalated by the next sweep").isOne();
        assertThat(supervised(Set.of(gone.key()))).hasSize(1);
    }

    /**
     * The tasks' overdue timers are the job executor's to fire for a minute, and it is off in tests: two minutes on,
     * the sweep raises what they stand for.
     */
    private static void overtakeTimers() {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 2 * 60_000));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private long raised(String key) {
        return runtime.createIncidentQuery().incidentType(DeadlineWatch.INCIDENT_TYPE).list().stream()
                .filter(incident -> key.equals(incident.getConfiguration())).count();
    }
}
