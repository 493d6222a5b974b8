package cn.shapotou.litigation.operations;

import cn.shapotou.litigation.identity.CurrentUser;
import cn.shapotou.litigation.web.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrator's migration of open instances to the newest process versions (README「运维」):
 * {@code GET /api/admin/migrations} is the dry run, {@code POST /api/admin/migrations} moves them. Changing the
 * version every open case runs on is an operation on the whole system, so only the system administrators
 * (camunda-admin) may do it or see it, as with the database backups.
 */
@RestController
public class MigrationController {

    private final ProcessMigration migration;
    private final CurrentUser user;

    public MigrationController(ProcessMigration migration, CurrentUser user) {
        this.migration = migration;
        this.user = user;
    }

    @GetMapping("/api/admin/migrations")
    public Map<String, Object> dryRun() {
        user.requireAdmin("只有系统管理员可以查看流程版本迁移");
        return body(migration.run(false));
    }

    @PostMapping("/api/admin/migrations")
    public Map<String, Object> execute() {
        user.requireAdmin("只有系统管理员可以迁移在办实例");
        try {
            return body(migration.run(true));
        } catch (ProcessMigration.Busy busy) {
            throw new ApiException(HttpStatus.CONFLICT, null, busy.getMessage());
        }
    }

    private static Map<String, Object> body(ProcessMigration.Report report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("executed", report.executed());
        body.put(report.executed() ? "migrated" : "wouldMigrate", report.migrated());
        body.put("notMigrated", report.notMigrated());
        List<Map<String, Object>> groups = report.groups().stream().map(g -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("processKey", g.processKey());
            entry.put("processName", g.processName());
            entry.put("sourceVersion", g.sourceVersion());
            entry.put("sourceVersionTag", g.sourceVersionTag());
            entry.put("targetVersion", g.targetVersion());
            entry.put("targetVersionTag", g.targetVersionTag());
            entry.put("instances", g.instances());
            entry.put(report.executed() ? "migrated" : "wouldMigrate", g.migrated());
            entry.put("planErrors", g.planErrors());
            entry.put("notMigratable", g.notMigratable().stream().map(r -> {
                Map<String, Object> refused = new LinkedHashMap<>();
                refused.put("processInstanceId", r.processInstanceId());
                refused.put("businessKey", r.businessKey());
                refused.put("reasons", r.reasons());
                return refused;
            }).toList());
            return entry;
        }).toList();
        body.put("processes", groups);
        return body;
    }
}
