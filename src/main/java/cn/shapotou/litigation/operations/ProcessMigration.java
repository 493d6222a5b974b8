package cn.shapotou.litigation.operations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionsBuilder;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanExecutionBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Open instances move to the newest deployed version of their process (README「运维」): a case runs for years, and
 * every change of a model would otherwise leave every open case, stage, 督办 and register entry on the version it
 * started with. For every process key, each earlier version with open instances gets a migration plan to the newest
 * one: the engine maps the activities with equal ids ({@code mapEqualActivities}), {@link MigrationRules} adds the
 * renamed ones and explains the removed ones. The plan is validated by the engine; an invalid plan moves nobody.
 *
 * <p>Each process instance moves whole or not at all: the engine validates it before touching it and a refusal rolls
 * back its chunk, after which the chunk is run again without it; the refused instance stays on its version, is
 * logged and listed with the reason. A case's stages are instances of their own and move independently (a stage
 * waiting in a step the newer stage model no longer has keeps running on its version and returns to the migrated
 * case as before). Migration keeps variables, tasks, timers and their due dates, message subscriptions and open
 * incidents; event triggers are not updated, so a deadline's timer keeps the due date it was given.
 *
 * <p>The dry run is the same work in transactions that are rolled back (without the listeners of added or removed
 * scopes), so it refuses what the execution would. Only one run at a time in the whole cluster: the row
 * {@code process-migration} of {@link ClusterLease}.
 *
 * <p>Nothing in the application compares process definition ids across versions: the case page and the task cards
 * take the process key from the definition id, the deadline recount reads a timer's model by the job's own
 * definition id, which migration moves together with the job; 督办 are found by process key and instance id.
 */
@Component
public class ProcessMigration {

    static final String LEASE = "process-migration";
    private static final Duration LEASE_TIME = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(ProcessMigration.class);

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final TransactionTemplate transaction;
    private final ClusterLease lease;
    private final boolean onStartup;
    private final int chunkSize;
    private final MigrationRules rules;

    @Autowired
    public ProcessMigration(RepositoryService repository, RuntimeService runtime, ManagementService management,
                            PlatformTransactionManager transactions, ClusterLease lease,
                            @Value("${litigation.migration.on-startup:true}") boolean onStartup,
                            @Value("${litigation.migration.chunk-size:100}") int chunkSize) {
        this(repository, runtime, management, transactions, lease, onStartup, chunkSize,
                MigrationRules.OF_THIS_APPLICATION);
    }

    private ProcessMigration(RepositoryService repository, RuntimeService runtime, ManagementService management,
                             PlatformTransactionManager transactions, ClusterLease lease, boolean onStartup,
                             int chunkSize, MigrationRules rules) {
        if (chunkSize < 1) {
            throw new IllegalStateException("litigation.migration.chunk-size must be at least 1");
        }
        this.repository = repository;
        this.runtime = runtime;
        this.management = management;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.lease = lease;
        this.onStartup = onStartup;
        this.chunkSize = chunkSize;
        this.rules = rules;
    }

    /** The same migration with other rules (a model's own renamed or removed activities, e.g. in a test). */
    public ProcessMigration withRules(MigrationRules other) {
        return new ProcessMigration(repository, runtime, management,
                (PlatformTransactionManager) transaction.getTransactionManager(), lease, false, chunkSize, other);
    }

    /** An instance that stays on its version, and why (Chinese, for the administrator). */
    public record Refused(String processInstanceId, String businessKey, List<String> reasons) {}

    /** One earlier version of a process and what happens (or would happen) to its open instances. */
    public record Group(String processKey, String processName, String sourceDefinitionId, int sourceVersion,
                        String sourceVersionTag, String targetDefinitionId, int targetVersion, String targetVersionTag,
                        int instances, int migrated, List<String> planErrors, List<Refused> notMigratable) {}

    /** A whole run: executed, or only a dry run. */
    public record Report(boolean executed, List<Group> groups) {

        public int migrated() {
            return groups.stream().mapToInt(Group::migrated).sum();
        }

        public int notMigrated() {
            return groups.stream().mapToInt(g -> g.instances() - g.migrated()).sum();
        }
    }

    /** Another run holds the cluster's migration lease. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("另一次迁移正在进行（本节点或集群中的另一节点），请稍后再试");
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    public void atStartup() {
        if (onStartup) {
            startInBackground();
        }
    }

    /** In the background: the web server answers meanwhile; the engine keeps each instance consistent. */
    Thread startInBackground() {
        Thread worker = new Thread(() -> {
            try {
                Report report = run(true);
                if (!report.groups().isEmpty()) {
                    log.info("Start-up migration: {} instances moved to the newest versions, {} stay",
                            report.migrated(), report.notMigrated());
                }
            } catch (Busy busy) {
                log.info("Start-up migration skipped: another node is migrating");
            } catch (RuntimeException e) {
                log.error("Start-up migration failed; open instances stay on their versions", e);
            }
        }, "process-migration");
        worker.setDaemon(true);
        worker.start();
        return worker;
    }

    /** Dry run ({@code execute} false) or migration of every open instance of an earlier version. */
    public Report run(boolean execute) {
        if (!execute) {
            return new Report(false, work(false, null));
        }
        ClusterLease.Claim claim = lease.tryClaim(LEASE, LEASE_TIME);
        if (claim == null) {
            throw new Busy();
        }
        try (claim) {
            return new Report(true, work(true, claim));
        }
    }

    private List<Group> work(boolean execute, ClusterLease.Claim claim) {
        Map<String, ProcessDefinition> newest = new TreeMap<>();
        List<ProcessDefinition> earlier = new ArrayList<>();
        List<ProcessDefinition> all = repository.createProcessDefinitionQuery().withoutTenantId().list();
        for (ProcessDefinition d : all) {
            newest.merge(d.getKey(), d, (a, b) -> a.getVersion() >= b.getVersion() ? a : b);
        }
        for (ProcessDefinition d : all) {
            if (d.getVersion() < newest.get(d.getKey()).getVersion()) {
                earlier.add(d);
            }
        }
        earlier.sort(Comparator.comparing(ProcessDefinition::getKey).thenComparing(ProcessDefinition::getVersion));
        List<Group> groups = new ArrayList<>();
        for (ProcessDefinition source : earlier) {
            long open = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).count();
            if (open == 0) {
                continue;
            }
            if (claim != null && !claim.renew()) {
                throw new Busy();
            }
            groups.add(migrate(source, newest.get(source.getKey()), execute, claim));
        }
        return groups;
    }

    private Group migrate(ProcessDefinition source, ProcessDefinition target, boolean execute,
                          ClusterLease.Claim claim) {
        String key = source.getKey();
        BpmnModelInstance sourceModel = repository.getBpmnModelInstance(source.getId());
        BpmnModelInstance targetModel = repository.getBpmnModelInstance(target.getId());
        Map<String, String> businessKeys = new LinkedHashMap<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processDefinitionId(source.getId())
                .orderByProcessInstanceId().asc().list()) {
            businessKeys.put(instance.getId(), instance.getBusinessKey());
        }
        List<String> planErrors = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        MigrationPlan plan = null;
        try {
            MigrationInstructionsBuilder builder = runtime.createMigrationPlan(source.getId(), target.getId())
                    .mapEqualActivities();
            rules.addExplicit(key, sourceModel, targetModel, builder);
            plan = builder.build();
        } catch (MigrationPlanValidationException e) {
            for (MigrationInstructionValidationReport report : e.getValidationReport().getInstructionReports()) {
                MigrationInstruction i = report.getMigrationInstruction();
                planErrors.add("迁移规则「" + name(sourceModel, i.getSourceActivityId()) + "」→「"
                        + name(targetModel, i.getTargetActivityId()) + "」不成立");
            }
            if (planErrors.isEmpty()) {
                planErrors.add("引擎拒绝了迁移计划");
            }
            log.warn("{} version {} → {}: the migration plan is invalid, no instance moves: {}", key,
                    source.getVersion(), target.getVersion(), e.getMessage());
        }
        int migrated = 0;
        if (plan != null) {
            Set<String> mapped = plan.getInstructions().stream().map(MigrationInstruction::getSourceActivityId)
                    .collect(Collectors.toSet());
            Map<String, List<String>> waitingInUnmapped = waitingInUnmapped(source, sourceModel, targetModel, key,
                    mapped);
            waitingInUnmapped.forEach((id, reasons) -> refused.add(new Refused(id, businessKeys.get(id), reasons)));
            List<String> candidates = businessKeys.keySet().stream().filter(id -> !waitingInUnmapped.containsKey(id))
                    .toList();
            for (int from = 0; from < candidates.size(); from += chunkSize) {
                if (claim != null && from > 0 && !claim.renew()) {
                    throw new Busy();
                }
                List<String> chunk = candidates.subList(from, Math.min(candidates.size(), from + chunkSize));
                migrated += migrateChunk(plan, chunk, execute, key, sourceModel, targetModel, mapped, businessKeys,
                        refused);
            }
        } else {
            businessKeys.forEach((id, businessKey) -> refused.add(new Refused(id, businessKey,
                    List.of("迁移计划未通过引擎校验，本版本的实例都留在原版本"))));
        }
        refused.sort(Comparator.comparing(Refused::processInstanceId));
        for (Refused r : refused) {
            log.warn("{} instance {} ({}) stays on version {}: {}", key, r.processInstanceId(), r.businessKey(),
                    source.getVersion(), String.join("；", r.reasons()));
        }
        if (execute && migrated > 0) {
            log.info("{}: {} instances moved from version {} ({}) to version {} ({})", key, migrated,
                    source.getVersion(), source.getVersionTag(), target.getVersion(), target.getVersionTag());
        }
        return new Group(key, source.getName(), source.getId(), source.getVersion(), source.getVersionTag(),
                target.getId(), target.getVersion(), target.getVersionTag(), businessKeys.size(), migrated,
                planErrors, refused);
    }

    /**
     * Instances with a token in an activity the plan has no instruction for: found by the engine's activity
     * statistics and one query per such activity, so that they need not each fail the engine's validation.
     */
    private Map<String, List<String>> waitingInUnmapped(ProcessDefinition source, BpmnModelInstance model,
                                                        BpmnModelInstance target, String key, Set<String> mapped) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (ActivityStatistics s : management.createActivityStatisticsQuery(source.getId()).list()) {
            if (mapped.contains(s.getId())) {
                continue;
            }
            String reason = unmappedReason(key, model, target, s.getId());
            for (ProcessInstance instance : runtime.createProcessInstanceQuery().processDefinitionId(source.getId())
                    .activityIdIn(s.getId()).list()) {
                found.computeIfAbsent(instance.getId(), id -> new ArrayList<>()).add(reason);
            }
        }
        return found;
    }

    private int migrateChunk(MigrationPlan plan, List<String> chunk, boolean execute, String key,
                             BpmnModelInstance model, BpmnModelInstance target, Set<String> mapped,
                             Map<String, String> businessKeys,
                             List<Refused> refused) {
        List<String> remaining = new ArrayList<>(chunk);
        while (!remaining.isEmpty()) {
            try {
                transaction.executeWithoutResult(status -> {
                    MigrationPlanExecutionBuilder migration = runtime.newMigration(plan).processInstanceIds(remaining);
                    if (!execute) {
                        // A scope the newer version adds or removes runs its listeners when migrated; in the dry run
                        // they must not send a reminder mail or robot message that the rollback cannot take back.
                        migration.skipCustomListeners();
                    }
                    migration.execute();
                    if (!execute) {
                        status.setRollbackOnly();
                    }
                });
                return remaining.size();
            } catch (MigratingProcessInstanceValidationException e) {
                MigratingProcessInstanceValidationReport report = e.getValidationReport();
                String id = report.getProcessInstanceId();
                log.debug("{} instance {} refused by the engine: {}", key, id, e.getMessage());
                refused.add(new Refused(id, businessKeys.get(id), reasons(report, key, model, target, mapped)));
                if (!remaining.remove(id)) {
                    return 0;
                }
            } catch (RuntimeException e) {
                if (remaining.size() == 1) {
                    String id = remaining.get(0);
                    log.warn("{} instance {}: migration failed, it stays on its version", key, id, e);
                    refused.add(new Refused(id, businessKeys.get(id),
                            List.of("迁移时出错（可能正有人同时办理该案件），实例留在原版本，下次迁移时再试；详情见日志")));
                    return 0;
                }
                // One instance at a time, so that one failure does not hold back the others.
                int moved = 0;
                for (String id : remaining) {
                    moved += migrateChunk(plan, List.of(id), execute, key, model, target, mapped, businessKeys,
                            refused);
                }
                return moved;
            }
        }
        return 0;
    }

    /** The engine's reasons for refusing an instance, in the administrator's words; the engine's own are logged. */
    private List<String> reasons(MigratingProcessInstanceValidationReport report, String key, BpmnModelInstance model,
                                 BpmnModelInstance target, Set<String> mapped) {
        Set<String> reasons = new LinkedHashSet<>();
        Map<String, List<String>> engine = new HashMap<>();
        report.getActivityInstanceReports().forEach(r -> engine.put(r.getSourceScopeId(), r.getFailures()));
        report.getTransitionInstanceReports().forEach(r -> engine.put(r.getSourceScopeId(), r.getFailures()));
        engine.forEach((activityId, failures) -> reasons.add(mapped.contains(activityId)
                ? "环节「" + name(model, activityId) + "」（" + activityId
                        + "）的当前状态不能迁移到新版本的对应环节"
                : unmappedReason(key, model, target, activityId)));
        if (reasons.isEmpty()) {
            reasons.add("引擎校验未通过，实例留在原版本（详情见日志）");
        }
        log.warn("{} instance {}: the engine refused the migration: {} {}", key, report.getProcessInstanceId(),
                report.getFailures(), engine);
        return new ArrayList<>(reasons);
    }

    private String unmappedReason(String key, BpmnModelInstance model, BpmnModelInstance target, String activityId) {
        String where = target.getModelElementById(activityId) == null ? "在新版本中没有对应环节"
                : "在新版本中位于另一个上级环节（子流程）内，引擎不能对应";
        return "环节「" + name(model, activityId) + "」（" + activityId + "）" + where + "："
                + rules.removedReason(key, activityId).orElse("该环节在原版本办结后即可迁移");
    }

    private static String name(BpmnModelInstance model, String activityId) {
        ModelElementInstance element = activityId == null ? null : model.getModelElementById(activityId);
        String name = element == null ? null : element.getAttributeValue("name");
        return name == null || name.isBlank() ? String.valueOf(activityId) : name.replace('\n', ' ');
    }
}
