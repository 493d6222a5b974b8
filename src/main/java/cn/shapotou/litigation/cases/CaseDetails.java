package cn.shapotou.litigation.cases;

import cn.shapotou.litigation.accountability.AccountabilityFacts;
import cn.shapotou.litigation.accountability.RecordedFacts;
import cn.shapotou.litigation.casecore.CaseAccess;
import cn.shapotou.litigation.casecore.CaseType;
import cn.shapotou.litigation.casecore.CaseView;
import cn.shapotou.litigation.casefile.CaseArchiveRequest;
import cn.shapotou.litigation.casefile.CaseInformation;
import cn.shapotou.litigation.deadlines.CaseDeadlineVariable;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.engine.EngineClock;
import cn.shapotou.litigation.engine.EngineTable;
import cn.shapotou.litigation.escalation.SupervisionProcess;
import cn.shapotou.litigation.identity.PersonNames;
import cn.shapotou.litigation.web.FormValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A case as {@code GET /api/cases/{caseNumber}} shows it (README「接口」): its variables as CaseView reads them, with
 * its stages, deadlines, open tasks, the facts recorded for accountability review and the timeline of its work.
 */
@Component
public class CaseDetails implements CaseInformation {

    /**
     * Instances that carry the case number but are no stage of the case: the case itself, the Justice Bureau's 督办 of
     * an overdue item (Art. 3 — oversight of the work, not a step of it) and the archive copy written after filing
     * (Art. 18). They appear in the timeline, not among the stages.
     */
    public static final java.util.Set<String> NOT_STAGES = java.util.Set.of(CaseView.CASE_PROCESS,
            SupervisionProcess.PROCESS_KEY, CaseArchiveRequest.PROCESS);

    private final CaseView cases;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final TaskService tasks;
    private final RecordedFacts facts;
    private final IdentityService identity;
    private final JdbcTemplate jdbc;
    private final String identityLinkLog;
    private final String variableHistory;

    public CaseDetails(CaseView cases, RuntimeService runtime, HistoryService history, TaskService tasks,
                       RecordedFacts facts, IdentityService identity, JdbcTemplate jdbc, ManagementService management) {
        this.cases = cases;
        this.facts = facts;
        this.identity = identity;
        this.jdbc = jdbc;
        this.identityLinkLog = EngineTable.HISTORIC_IDENTITY_LINK_LOG.tableName(management);
        this.variableHistory = EngineTable.HISTORIC_DETAIL.tableName(management);
        this.runtime = runtime;
        this.history = history;
        this.tasks = tasks;
    }

    @Override
    public Map<String, Object> render(String caseNumber, Map<String, Object> vars) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("caseNumber", caseNumber);
        view.put("status", vars.get("__status"));
        view.put("stages", runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).active()
                .list().stream().map(ProcessInstance::getProcessDefinitionId)
                .map(id -> id.substring(0, id.indexOf(':')))
                .filter(key -> !NOT_STAGES.contains(key)).distinct().toList());
        view.put("court", vars.get("court"));
        view.put("plaintiff", vars.get("plaintiff"));
        view.put("causeOfAction", vars.get("causeOfAction"));
        view.put("noticeReceivedOn", vars.get("noticeReceivedOn"));
        view.put("defendant", vars.get("defendant"));
        view.put("actingUnit", vars.get("actingUnit"));
        view.put("leadUnit", vars.get("leadUnit"));
        view.put("leadUnitName", vars.get("leadUnitName"));
        view.put("coUnits", CaseAccess.unitList(vars.get("coUnits")));
        view.put("responsibilityBasis", vars.get("responsibilityBasis"));
        view.put("responsibilityExplanation", vars.get("responsibilityExplanation"));
        view.put("headAppearanceRequired", vars.get("headAppearanceRequired"));
        view.put("headAppearanceBasis", vars.get("headAppearanceBasis"));
        view.put("counsel", vars.get("counsel"));
        view.put("answerDeliveredOn", vars.get("answerDeliveredOn"));
        view.put("hearingDate", cases.latestVariable(caseNumber, "hearingDate"));
        view.put("caseType", vars.getOrDefault("caseType", CaseType.LITIGATION.name()));
        view.put("courtInstance", vars.getOrDefault("courtInstance", "FIRST"));
        view.put("decisions", FormValues.list(vars.get("decisions")));
        for (String name : List.of("plaintiffAppealedOn", "appealFiledOn", "effectiveOn", "lossAnalysisSubmittedOn",
                "compensationAmount", "retrialFiledOn", "enforcementAppliedOn", "archiveNumber", "archivedOn", "closedOn")) {
            view.put(name, vars.get(name));
        }
        // Art. 22: what a report lists for accountability review.
        view.put("accountabilityFacts", facts.of(caseNumber, vars.get(AccountabilityFacts.VARIABLE)));
        // An open stage holds the newest copy (e.g. the 7-day answer deadline while the answer is prepared).
        Object newest = cases.latestVariable(caseNumber, CaseDeadlineVariable.NAME);
        view.put("deadlines", newest instanceof String json ? CaseDeadlineVariable.parse(json) : deadlines(vars));
        view.put("openTasks", openTasks(caseNumber));
        view.put("timeline", timeline(caseNumber));
        return view;
    }

    /**
     * Every stage of the case and every task in it, open or done, oldest first: who did it and when (the record the
     * handling units keep for the case and file with it, Art. 18). A few queries for the whole case, whatever its
     * size. A task done more than once in the same stage (returned for rework) carries its round.
     */
    private List<Map<String, Object>> timeline(String caseNumber) {
        List<HistoricProcessInstance> stages = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber).orderByProcessInstanceStartTime().asc().list();
        List<Map<String, Object>> result = new ArrayList<>();
        if (stages.isEmpty()) {
            return result;
        }
        Map<String, List<HistoricTaskInstance>> byStage = new HashMap<>();
        for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery()
                .processInstanceBusinessKey(caseNumber).orderByHistoricActivityInstanceStartTime().asc().list()) {
            byStage.computeIfAbsent(task.getProcessInstanceId(), k -> new ArrayList<>()).add(task);
        }
        List<String> taskIds = byStage.values().stream().flatMap(List::stream).map(HistoricTaskInstance::getId).toList();
        Map<String, List<String>> groups = candidateGroups(taskIds);
        Map<String, String> remarks = remarks(stages.stream().map(HistoricProcessInstance::getId).toList(), byStage);
        Map<String, String> names = new HashMap<>();
        String[] assignees = byStage.values().stream().flatMap(List::stream).map(HistoricTaskInstance::getAssignee)
                .filter(java.util.Objects::nonNull).distinct().toArray(String[]::new);
        if (assignees.length > 0) {
            identity.createUserQuery().userIdIn(assignees).list().forEach(u -> names.put(u.getId(), PersonNames.of(u)));
        }
        for (HistoricProcessInstance stage : stages) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("processInstanceId", stage.getId());
            s.put("process", stage.getProcessDefinitionKey());
            s.put("name", stage.getProcessDefinitionName());
            s.put("start", time(stage.getStartTime()));
            s.put("end", time(stage.getEndTime()));
            s.put("state", stage.getState());
            Map<String, Integer> rounds = new HashMap<>();
            List<Map<String, Object>> taskList = new ArrayList<>();
            for (HistoricTaskInstance task : byStage.getOrDefault(stage.getId(), List.of())) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("id", task.getId());
                t.put("name", task.getName());
                t.put("assignee", task.getAssignee());
                t.put("assigneeName", task.getAssignee() == null ? null
                        : names.getOrDefault(task.getAssignee(), task.getAssignee()));
                t.put("start", time(task.getStartTime()));
                t.put("end", time(task.getEndTime()));
                t.put("due", time(task.getDueDate()));
                t.put("completed", task.getEndTime() != null && "completed".equals(task.getDeleteReason()));
                t.put("endReason", task.getEndTime() == null || "completed".equals(task.getDeleteReason()) ? null
                        : task.getDeleteReason());
                t.put("groups", groups.getOrDefault(task.getId(), List.of()));
                t.put("description", task.getDescription());
                t.put("remarks", remarks.get(task.getId()));
                t.put("round", rounds.merge(String.valueOf(task.getTaskDefinitionKey()), 1, Integer::sum));
                taskList.add(t);
            }
            s.put("tasks", taskList);
            result.add(s);
        }
        return result;
    }

    /** The units a task was offered to (its candidate groups), for all the tasks at once. */
    private Map<String, List<String>> candidateGroups(List<String> taskIds) {
        Map<String, List<String>> result = new HashMap<>();
        for (int from = 0; from < taskIds.size(); from += 500) {
            List<String> chunk = taskIds.subList(from, Math.min(taskIds.size(), from + 500));
            jdbc.query("SELECT DISTINCT TASK_ID_, GROUP_ID_ FROM " + identityLinkLog + " WHERE TYPE_ = 'candidate'"
                            + " AND OPERATION_TYPE_ = 'add' AND GROUP_ID_ IS NOT NULL AND TASK_ID_ IN ("
                            + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")",
                    rs -> {
                        List<String> list = result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
                        if (!list.contains(rs.getString(2))) {
                            list.add(rs.getString(2));
                        }
                    }, chunk.toArray());
        }
        return result;
    }

    /**
     * The opinion written when a task was done (审核意见, 审批意见: the form fields named "…Remarks", required when
     * papers are returned, e.g. Art. 6), by task: the remark set in the same stage within seconds of the task's end.
     */
    private Map<String, String> remarks(List<String> stageIds, Map<String, List<HistoricTaskInstance>> byStage) {
        Map<String, String> result = new HashMap<>();
        for (int from = 0; from < stageIds.size(); from += 500) {
            List<String> chunk = stageIds.subList(from, Math.min(stageIds.size(), from + 500));
            jdbc.query("SELECT PROC_INST_ID_, TASK_ID_, TIME_, TEXT_ FROM " + variableHistory
                            + " WHERE TYPE_ = 'VariableUpdate' AND NAME_ LIKE '%Remarks' AND TEXT_ IS NOT NULL"
                            + " AND PROC_INST_ID_ IN (" + String.join(",", java.util.Collections.nCopies(chunk.size(), "?"))
                            + ")",
                    rs -> {
                        String text = rs.getString(4).trim();
                        if (text.isEmpty()) {
                            return;
                        }
                        String taskId = rs.getString(2);
                        if (taskId == null) {
                            long at = rs.getTimestamp(3).getTime();
                            taskId = byStage.getOrDefault(rs.getString(1), List.of()).stream()
                                    .filter(t -> t.getEndTime() != null
                                            && Math.abs(t.getEndTime().getTime() - at) < 5_000)
                                    .min(java.util.Comparator.comparingLong(t -> Math.abs(t.getEndTime().getTime() - at)))
                                    .map(HistoricTaskInstance::getId).orElse(null);
                        }
                        if (taskId != null) {
                            result.put(taskId, text);
                        }
                    }, chunk.toArray());
        }
        return result;
    }

    private static String time(java.util.Date date) {
        return LegalClock.offsetText(date);
    }

    static List<Map<String, Object>> deadlines(Map<String, Object> vars) {
        return CaseDeadlineVariable.parse((String) vars.get(CaseDeadlineVariable.NAME));
    }

    private List<Map<String, Object>> openTasks(String caseNumber) {
        List<Map<String, Object>> result = new ArrayList<>();
        var now = EngineClock.now();
        for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).orderByTaskCreateTime().asc()
                .list()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("id", task.getId());
            t.put("name", task.getName());
            t.put("groups", tasks.getIdentityLinksForTask(task.getId()).stream()
                    .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                    .map(IdentityLink::getGroupId).toList());
            t.put("assignee", task.getAssignee());
            t.put("due", LegalClock.offsetText(task.getDueDate()));
            t.put("overdue", task.getDueDate() != null && task.getDueDate().before(now));
            result.add(t);
        }
        return result;
    }
}
