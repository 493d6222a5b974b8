package cn.shapotou.litigation.operations;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.migration.MigrationInstructionsBuilder;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * What the engine cannot work out by itself when open instances move to a newer version of their process
 * (README「运维」): {@code mapEqualActivities} maps every activity whose id is the same in both versions; an activity
 * renamed in the newer version is mapped here, and one removed without a counterpart is explained here, in the words
 * the administrator reads in the dry run. An instance waiting in such an activity stays on its version until that
 * step is done there; the next run moves it.
 */
public final class MigrationRules {

    private final Map<String, Map<String, String>> renamed;
    private final Map<String, Map<String, String>> removed;

    /**
     * Rules by process key: renamed activities (id in an earlier version → id in the newer one) and removed
     * activities (id → why an instance waiting there cannot move).
     */
    public MigrationRules(Map<String, Map<String, String>> renamed, Map<String, Map<String, String>> removed) {
        this.renamed = Map.copyOf(renamed);
        this.removed = Map.copyOf(removed);
    }

    /**
     * Renamed activities: process key, then the id in an earlier version and the id of the same step in the newer one.
     * Both must be of a kind the engine migrates (a user task to a user task, a receive task to a receive task, …);
     * a pair whose source or target id is not in the two versions at hand is left out.
     */
    private static final Map<String, Map<String, String>> RENAMED = Map.of();

    /**
     * Activities of earlier versions that the current models no longer have, and why an instance waiting in one of
     * them cannot be moved. Taken from the history of processes/ (the models up to litigation-case 1.3.0 and
     * court-appearance 1.0.0).
     */
    private static final Map<String, Map<String, String>> REMOVED = Map.of(
            "court-appearance", Map.of(
                    "ReviewMajorIssueReportTask", "新版本不再由出庭应诉流程内的「阅处重大问题报告」办理，重大问题改为另行启动"
                            + "重大问题书面报告流程（major-issue-report，第九条第三款）；该任务在原版本办结后即可迁移"),
            "litigation-case", Map.of(
                    "HearingNoticeReceivedEvent", "新版本收到开庭传票由「出庭应诉」事件子流程在任何阶段开始，不再在审理中"
                            + "等待开庭传票；请在原版本登记开庭传票后再迁移",
                    "AwaitDecisionTask", "新版本等待裁判文书的环节类型不同（消息事件），引擎不能对应；请在原版本登记裁判文书后再迁移",
                    "AwaitHearingNoticeTask", "新版本收到开庭传票由「出庭应诉」事件子流程办理，没有对应的等待环节；请在原版本"
                            + "登记开庭传票后再迁移",
                    "AwaitAnswerStageTask", "新版本由答辩准备流程（answer-preparation）办理答辩，没有对应的等待环节；"
                            + "请在原版本办结该环节后再迁移"));

    /** The rules of this application's own models (declared after the maps it is made of). */
    public static final MigrationRules OF_THIS_APPLICATION = new MigrationRules(RENAMED, REMOVED);

    /** Adds the explicit instructions for this process whose activities exist in both versions. */
    void addExplicit(String processKey, BpmnModelInstance source, BpmnModelInstance target,
                     MigrationInstructionsBuilder plan) {
        renamed.getOrDefault(processKey, Map.of()).forEach((from, to) -> {
            if (source.getModelElementById(from) != null && target.getModelElementById(to) != null
                    && target.getModelElementById(from) == null) {
                plan.mapActivities(from, to);
            }
        });
    }

    /** Why an instance waiting in this activity of an earlier version cannot move, if the rules know. */
    Optional<String> removedReason(String processKey, String activityId) {
        return Optional.ofNullable(removed.getOrDefault(processKey, Map.of()).get(activityId));
    }
}
