package cn.shapotou.litigation.proceedings;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.TestCases;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Cases and calls shared by the tests of the agents' reports and filings (Art. 9 ¶3). */
final class ProceedingsFixture {

    private ProceedingsFixture() {}

    /** An open case of the Natural Resources Bureau, its handling proposal approved. */
    static String openCase(CaseWalk walk) {
        Map<String, Object> data = TestCases.natresCase();
        walk.register(data);
        walk.approveProposal((String) data.get("caseNumber"));
        return (String) data.get("caseNumber");
    }

    /** A case decided, effective and archived (closed), as on 2026-12-01. */
    static String closedCase(CaseWalk walk, TestRestTemplate rest, TaskService tasks) {
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        walk.register(data);
        TestCases.courtDocument(rest, caseNumber, Map.of("kind", "JUDGMENT", "instance", "FIRST",
                "outcome", "CLAIMS_DISMISSED", "receivedOn", "2026-11-27"));
        tasks.complete(walk.task(caseNumber, "DraftAppealOpinionTask").getId(), Map.of("appealWanted", false));
        TestCases.courtDocument(rest, caseNumber, Map.of("kind", "EFFECTIVE", "receivedOn", "2026-12-01",
                "effectiveOn", "2026-11-30"));
        tasks.complete(walk.task(caseNumber, "FollowUpTask").getId(),
                Map.of("ownPerformance", "NOT_APPLICABLE", "followUp", "NONE"));
        tasks.complete(walk.task(caseNumber, "ArchiveTask").getId(), Map.of("archiveNumber", "沙司应诉-2026-M",
                "archivedOn", "2026-12-01"));
        return caseNumber;
    }

    static void completeAs(IdentityService identity, TaskService tasks, String user, String group, String taskId,
                           Map<String, Object> variables) {
        identity.setAuthentication(user, List.of(group));
        try {
            tasks.complete(taskId, variables);
        } finally {
            identity.clearAuthentication();
        }
    }
}
