package cn.shapotou.litigation.demo;

import cn.shapotou.litigation.cases.CaseDataValidator;
import cn.shapotou.litigation.casecore.CaseRegistry;
import cn.shapotou.litigation.cases.CourtDocuments;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.operations.SavePoints;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A handful of demo cases at different stages, some overdue, so that Tasklist and Cockpit show
 * something real on first start. Made through the processes themselves, as the users would, with dates relative to
 * today; a case number that exists is left alone, so restarts add nothing. Never in profile prod.
 */
@Component
public class DemoCases {

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final CaseRegistry registry;
    private final CaseDataValidator validator;
    private final CourtDocuments documents;
    private final LegalClock clock;
    private final DemoPapers papers;
    private final SavePoints savePoints;

    public DemoCases(RuntimeService runtime, TaskService tasks, CaseRegistry registry, CaseDataValidator validator,
                     CourtDocuments documents, LegalClock clock, DemoPapers papers, SavePoints savePoints) {
        this.papers = papers;
        this.savePoints = savePoints;
        this.runtime = runtime;
        this.tasks = tasks;
        this.registry = registry;
        this.validator = validator;
        this.documents = documents;
        this.clock = clock;
    }

    @Transactional
    public int seed() {
        LocalDate today = clock.today();
        String year = "（" + today.getYear() + "）宁0502行初";
        int created = 0;
        // 1. just received: the Justice Bureau's proposal is waiting
        created += register(year + "101号", "张某某", "土地行政处罚", today.minusDays(1), "natural-resources", "NONE",
                List.of(), stage -> { });
        // 2. received 40 days ago and never handled: the statutory answer deadline has passed (overdue)
        created += register(year + "102号", "李某某", "房屋征收补偿决定", today.minusDays(40), "housing", "NONE",
                List.of(3), stage -> { });
        // 3. acting unit unclear (Art. 4 ¶6): the Justice Bureau must propose one
        created += register(year + "103号", "王某某", "政府信息公开", today.minusDays(2), null, "NONE", List.of(),
                stage -> { });
        // 4. approved, the 7-day answer is being prepared; the reconsideration part by the Justice Bureau (Art. 4 ¶4)
        created += register(year + "104号", "宁夏某某建材有限公司", "采矿许可撤销", today.minusDays(4),
                "natural-resources", "UPHELD", List.of(5), this::approve);
        // 5. answer returned once by the Justice Bureau, back with the handling unit
        created += register(year + "105号", "赵某某", "行政强制拆除", today.minusDays(5), "wenchang-town", "NONE",
                List.of(), caseNumber -> {
                    approve(caseNumber);
                    complete(caseNumber, "AssignCounselTask", Map.of("counsel", "counsel"));
                    papers.answer(caseNumber, "wenchang-town");
                    complete(caseNumber, "PrepareAnswerTask", materials("wenchang-town", "杨芳"));
                    complete(caseNumber, "ReviewAnswerTask", Map.of("reviewPassed", false,
                            "reviewRemarks", "请补充强制拆除前的催告及送达证据"));
                });
        // 6. answer delivered; the hearing is set and the appearance plan is due
        created += register(year + "106号", "孙某某", "不动产登记", today.minusDays(10), "natural-resources", "NONE",
                List.of(), caseNumber -> {
                    deliver(caseNumber, "natural-resources", "刘伟", today.minusDays(2));
                    documents.register(caseNumber, Map.of("kind", "HEARING_NOTICE",
                            "receivedOn", today.minusDays(1).toString(),
                            "hearingDate", today.plusDays(6).toString()), "office");
                    // Art. 9 ¶3: supplementary evidence the court asked for, awaiting the Justice Bureau's opinion.
                    runtime.createProcessInstanceByKey("court-filing").businessKey(caseNumber).setVariables(Map.of(
                            "caseNumber", caseNumber, "filingUnit", "natural-resources",
                            "filingKind", "SUPPLEMENTARY_EVIDENCE", "filingTitle", "补充证据：不动产登记簿查询结果",
                            "filingDraft", "1. 不动产登记簿查询结果 2. 登记申请材料", "courtDeadline",
                            today.plusDays(4).toString())).execute();
                });
        // 7. hearing held; waiting for the court's decision
        created += register(year + "107号", "周某某", "工伤认定", today.minusDays(20), "housing", "NONE", List.of(),
                caseNumber -> {
                    deliver(caseNumber, "housing", "吴刚", today.minusDays(12));
                    documents.register(caseNumber, Map.of("kind", "HEARING_NOTICE",
                            "receivedOn", today.minusDays(11).toString(),
                            "hearingDate", today.minusDays(1).toString()), "office");
                    complete(caseNumber, "PlanAppearanceTask", Map.of("headAppears", "true", "headName", "陈局长",
                            "headPost", "DEPUTY", "agents", List.of(agent("housing", "吴刚"))));
                    // Art. 9 ¶3: a major issue at the hearing, reported in writing; the leaders have yet to instruct.
                    complete(caseNumber, "AttendHearingTask", Map.of("hearingOutcome", "HELD", "headAppeared", true,
                            "appearedPersons", "陈局长（副职）、吴刚", "majorIssue", true,
                            "majorIssueReport", "原告当庭申请追加用人单位为第三人，合议庭拟休庭后决定。"));
                });
        // 8. lost at first instance two days ago: the 5-day appeal opinion is due (Art. 13)
        created += register(year + "108号", "吴某某", "责令停产停业", today.minusDays(40), "natural-resources", "NONE",
                List.of(5), caseNumber -> {
                    heard(caseNumber, "natural-resources", "刘伟", today.minusDays(40));
                    documents.register(caseNumber, Map.of("kind", "JUDGMENT", "instance", "FIRST", "outcome", "REVOKED",
                            "receivedOn", today.minusDays(2).toString()), "office");
                });
        // 9. won, effective and archived (CLOSED); a judicial recommendation came after closing (Art. 17, 18)
        created += register(year + "109号", "郑某某", "林地行政许可", today.minusDays(80), "natural-resources", "NONE",
                List.of(), caseNumber -> {
                    heard(caseNumber, "natural-resources", "刘伟", today.minusDays(80));
                    documents.register(caseNumber, Map.of("kind", "JUDGMENT", "instance", "FIRST",
                            "outcome", "CLAIMS_DISMISSED", "receivedOn", today.minusDays(30).toString()), "office");
                    complete(caseNumber, "DraftAppealOpinionTask", Map.of("appealWanted", false));
                    documents.register(caseNumber, Map.of("kind", "EFFECTIVE", "receivedOn", today.minusDays(3).toString(),
                            "effectiveOn", today.minusDays(5).toString()), "office");
                    complete(caseNumber, "FollowUpTask", Map.of("ownPerformance", "NOT_APPLICABLE", "followUp", "NONE"));
                    complete(caseNumber, "ArchiveTask", Map.of("archiveNumber", "区自然资源局应诉-" + today.getYear() + "-009",
                            "archivedOn", today.minusDays(1).toString()));
                    documents.register(caseNumber, Map.of("kind", "JUDICIAL_RECOMMENDATION",
                            "receivedOn", today.toString(), "summary", "建议进一步规范林地行政许可公示程序。"), "office");
                });
        // 10. lost (revoked), not appealed, effective; the loss analysis reported; archived (Art. 12, 18)
        created += register(year + "110号", "钱某某", "土地行政处罚", today.minusDays(90), "natural-resources", "NONE",
                List.of(), caseNumber -> {
                    heard(caseNumber, "natural-resources", "刘伟", today.minusDays(90));
                    documents.register(caseNumber, Map.of("kind", "JUDGMENT", "instance", "FIRST", "outcome", "REVOKED",
                            "receivedOn", today.minusDays(50).toString()), "office");
                    complete(caseNumber, "DraftAppealOpinionTask", Map.of("appealWanted", false));
                    documents.register(caseNumber, Map.of("kind", "EFFECTIVE", "receivedOn", today.minusDays(30).toString(),
                            "effectiveOn", today.minusDays(33).toString()), "office");
                    complete(caseNumber, "WriteLossAnalysisTask", Map.of("lossFacts", "原告不服罚款决定提起诉讼。",
                            "lossDecision", "撤销被诉行政处罚决定", "lossSuggestions", "处罚前未告知听证权利，今后严格执行告知程序。",
                            "faultSuspected", false));
                    complete(caseNumber, "ReadLossAnalysisTask", Map.of("lossAnalysisInstructions", "请各执法单位引以为戒。"));
                    complete(caseNumber, "FileLossAnalysisTask", Map.of("lossAnalysisFiled", true));
                    complete(caseNumber, "FollowUpTask", Map.of("ownPerformance", "PERFORMED", "followUp", "NONE"));
                    complete(caseNumber, "ArchiveTask", Map.of("archiveNumber", "区自然资源局应诉-" + today.getYear() + "-010",
                            "archivedOn", today.minusDays(2).toString()));
                });
        // 11. lost at first instance, appeal approved and filed: the second-instance answer is being prepared (Art. 14)
        created += register(year + "111号", "宁夏某某农业开发有限公司", "确认违法", today.minusDays(70), "housing",
                "NONE", List.of(), caseNumber -> {
                    heard(caseNumber, "housing", "吴刚", today.minusDays(70));
                    documents.register(caseNumber, Map.of("kind", "JUDGMENT", "instance", "FIRST", "outcome", "ILLEGAL",
                            "receivedOn", today.minusDays(12).toString()), "office");
                    complete(caseNumber, "DraftAppealOpinionTask", Map.of("appealWanted", true,
                            "appealOpinion", "一审认定程序违法的事实不清，应予改判。"));
                    complete(caseNumber, "ReviewAppealOpinionTask", Map.of("appealRecommended", true,
                            "appealReviewOpinion", "上诉理由成立，建议上诉。"));
                    complete(caseNumber, "DecideAppealTask", Map.of("appealApproved", true));
                    complete(caseNumber, "FileAppealTask", Map.of("appealFiledOn", today.minusDays(8).toString()));
                });
        // 12. withdrawn before the answer was due: the ruling ended the intake; effective and archived
        created += register(year + "112号", "陈某某", "政府信息公开", today.minusDays(60), "wenchang-town", "NONE",
                List.of(), caseNumber -> {
                    // A ruling that grants the withdrawal cannot be appealed: it takes effect when served.
                    documents.register(caseNumber, Map.of("kind", "RULING", "instance", "FIRST", "outcome", "WITHDRAWN",
                            "receivedOn", today.minusDays(50).toString()), "office");
                    complete(caseNumber, "FollowUpTask", Map.of("ownPerformance", "NOT_APPLICABLE", "followUp", "NONE"));
                    complete(caseNumber, "ArchiveTask", Map.of("archiveNumber", "文昌镇应诉-" + today.getYear() + "-003",
                            "archivedOn", today.minusDays(20).toString()));
                });
        // 13. compensation ordered and paid: loss analysis with the amount (Art. 12, 23), archived
        created += register(year + "113号", "褚某某", "行政强制拆除赔偿", today.minusDays(120), "wenchang-town", "NONE",
                List.of(3), caseNumber -> {
                    heard(caseNumber, "wenchang-town", "杨芳", today.minusDays(120));
                    documents.register(caseNumber, Map.of("kind", "JUDGMENT", "instance", "FIRST", "outcome", "COMPENSATION",
                            "receivedOn", today.minusDays(70).toString()), "office");
                    complete(caseNumber, "DraftAppealOpinionTask", Map.of("appealWanted", false));
                    documents.register(caseNumber, Map.of("kind", "EFFECTIVE", "receivedOn", today.minusDays(50).toString(),
                            "effectiveOn", today.minusDays(53).toString()), "office");
                    complete(caseNumber, "WriteLossAnalysisTask", Map.of("lossFacts", "强制拆除前未依法催告。",
                            "lossDecision", "判决赔偿原告房屋损失", "lossSuggestions", "强制执行前严格履行催告、公告程序。",
                            "compensationAmount", "186000.00", "faultSuspected", true));
                    complete(caseNumber, "ReadLossAnalysisTask", Map.of("lossAnalysisInstructions", "请区司法局督促整改并研究追偿。"));
                    complete(caseNumber, "FileLossAnalysisTask", Map.of("lossAnalysisFiled", true, "faultFound", true,
                            "faultSupervisor", "文昌镇分管副镇长", "faultDirectlyResponsible", "文昌镇综合执法办负责人",
                            "faultReasons", "强制拆除前未履行催告程序，属重大过失。"));
                    complete(caseNumber, "FollowUpTask", Map.of("ownPerformance", "PERFORMED", "followUp", "NONE"));
                    complete(caseNumber, "ArchiveTask", Map.of("archiveNumber", "文昌镇应诉-" + today.getYear() + "-004",
                            "archivedOn", today.minusDays(10).toString()));
                    // Art. 23: the compensation was paid; the town proposes recovery, the leaders are to decide.
                    Map<String, Object> recovery = new HashMap<>();
                    recovery.put("caseNumber", caseNumber);
                    recovery.put("compensationPaidOn", today.minusDays(5).toString());
                    recovery.put("compensationPaid", "186000.00");
                    recovery.put("recoveryProposal", "RECOVER");
                    recovery.put("recoveryPersons", "文昌镇综合执法办负责人");
                    recovery.put("recoveryAmount", "20000.00");
                    recovery.put("recoveryReason", "强制拆除前未履行催告程序，经区司法局认定属重大过失。");
                    runtime.startProcessInstanceByKey("compensation-recovery", recovery);
                });
        // 14. a reconsideration in which the district government answers (Art. 25): 10 days to answer
        created += register("中卫复议〔" + today.getYear() + "〕21号", "冯某某", "行政复议（土地行政处罚）",
                today.minusDays(1), "natural-resources", "NONE", List.of(), caseNumber -> { }, "RECONSIDERATION_RESPONSE");
        if (created > 0) {
            log.info("{} demo case(s) created", created);
            registers(today);
        }
        return created;
    }

    /** The Justice Bureau's registers (Art. 20, 21): a hearing observed and a training held last month. */
    private void registers(LocalDate today) {
        runtime.startProcessInstanceByKey("hearing-observation", Map.of("observedOn", today.minusDays(25).toString(),
                "court", "中卫市沙坡头区人民法院", "caseTitle", "某公司诉区市场监督管理局行政处罚案",
                "observers", "王强（区自然资源局）\n李娜（区住房城乡建设局）\n杨芳（文昌镇）"));
        runtime.startProcessInstanceByKey("training-record", Map.of("trainedOn", today.minusDays(18).toString(),
                "topic", "行政诉讼举证责任与证据规则", "trainer", "区法律顾问室律师",
                "trainees", "王强（区自然资源局）、李娜（区住房城乡建设局）、杨芳（文昌镇）、周静（区司法局）"));
    }

    private interface Walk {
        void to(String caseNumber);
    }

    private int register(String caseNumber, String plaintiff, String cause, LocalDate received, String actingUnit,
                         String reconsideration, List<Integer> categories, Walk walk) {
        return register(caseNumber, plaintiff, cause, received, actingUnit, reconsideration, categories, walk, "LITIGATION");
    }

    private int register(String caseNumber, String plaintiff, String cause, LocalDate received, String actingUnit,
                         String reconsideration, List<Integer> categories, Walk walk, String caseType) {
        if (registry.exists(caseNumber)) {
            return 0;
        }
        Map<String, Object> input = new HashMap<>();
        input.put("caseNumber", caseNumber);
        input.put("plaintiff", plaintiff);
        input.put("causeOfAction", cause);
        input.put("noticeReceivedOn", received.toString());
        input.put("actingUnit", actingUnit);
        input.put("reconsideration", reconsideration);
        input.put("appearanceCategories", categories);
        input.put("caseType", caseType);
        input.put("court", "RECONSIDERATION_RESPONSE".equals(caseType) ? "中卫市人民政府" : "中卫市沙坡头区人民法院");
        var result = validator.validate(input);
        if (!result.valid()) {
            throw new IllegalStateException("demo case " + caseNumber + " invalid: " + result.errors());
        }
        runtime.createProcessInstanceByKey("litigation-case").businessKey(caseNumber)
                .setVariables(result.data().toVariables()).execute();
        papers.received(caseNumber, (String) input.get("court"), plaintiff);
        walk.to(caseNumber);
        return 1;
    }

    private void approve(String caseNumber) {
        Task draft = task(caseNumber, "DraftHandlingProposalTask");
        Object lead = runtime.getVariable(draft.getExecutionId(), "leadUnit");
        complete(caseNumber, "DraftHandlingProposalTask", Map.of("complexity", "NORMAL", "leadUnit", lead,
                "coUnits", runtime.getVariable(draft.getExecutionId(), "coUnits"), "proposedAppearance", "负责人出庭"));
        complete(caseNumber, "ApproveHandlingProposalTask", Map.of("approved", true));
    }

    private void deliver(String caseNumber, String unit, String agent, LocalDate deliveredOn) {
        approve(caseNumber);
        complete(caseNumber, "AssignCounselTask", Map.of("counsel", "counsel"));
        papers.answer(caseNumber, unit);
        complete(caseNumber, "PrepareAnswerTask", materials(unit, agent));
        complete(caseNumber, "ReviewAnswerTask", Map.of("reviewPassed", true));
        complete(caseNumber, "SealAndDeliverTask", Map.of("sealed", true, "deliveredOn", deliveredOn.toString(),
                "deliveryMethod", "IN_PERSON"));
    }

    /** Answer delivered 10 days after the notice, hearing 20 days after it, the head appearing. */
    private void heard(String caseNumber, String unit, String agent, LocalDate received) {
        deliver(caseNumber, unit, agent, received.plusDays(10));
        documents.register(caseNumber, Map.of("kind", "HEARING_NOTICE", "receivedOn", received.plusDays(11).toString(),
                "hearingDate", received.plusDays(20).toString()), "office");
        complete(caseNumber, "PlanAppearanceTask", Map.of("headAppears", "true", "headName", "王局长",
                "headPost", "PRINCIPAL", "agents", List.of(agent(unit, agent))));
        complete(caseNumber, "AttendHearingTask", Map.of("hearingOutcome", "HELD", "headAppeared", true,
                "appearedPersons", "王局长、" + agent));
    }

    private static Map<String, Object> materials(String unit, String agent) {
        return Map.of("draftDefence", "答辩人作出的行政行为认定事实清楚，证据确实充分，适用法律正确，程序合法。",
                "evidenceList", "1. 立案审批表 2. 调查询问笔录 3. 现场勘验笔录 4. 送达回证",
                "normativeDocuments", "《中华人民共和国行政处罚法》", "legalRepresentativeName", "马某某",
                "legalRepresentativePost", "区长", "agents", List.of(agent(unit, agent)));
    }

    private static Map<String, Object> agent(String unit, String name) {
        return Map.of("agentName", name, "agentUnit", unit, "agentPost", "科长", "agentKind", "STAFF",
                "agentIsHandler", true, "agentAuthority", "GENERAL");
    }

    private Task task(String caseNumber, String key) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(key).list().get(0);
    }

    private void complete(String caseNumber, String key, Map<String, Object> variables) {
        tasks.complete(task(caseNumber, key).getId(), variables);
        // The next person's task lies behind the save point; the seeding is one transaction (README「事务边界与重试」).
        savePoints.continueCase(caseNumber);
    }
}
