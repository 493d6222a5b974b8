package cn.shapotou.litigation.escalation;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import cn.shapotou.litigation.engine.EngineTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes the engine's schema lacks and supervision needs: open tasks by due moment. The 已逾期 and 即将到期 filters,
 * the reminder query and the overdue list all ask "due before X" (README「督办（区司法局）」); without it each is a scan of every
 * open task. Camunda's performance guide allows custom indexes on its tables; created once, after the engine
 * built or checked its schema, on H2 and PostgreSQL alike.
 */
@Component
public class SupervisionIndexes extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(SupervisionIndexes.class);

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration();
        String task = EngineTable.TASK.tableName(engine.getManagementService());
        DataSource dataSource = configuration.getDataSource();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE INDEX IF NOT EXISTS lit_idx_task_due ON " + task + " (DUE_DATE_)");
            // Tasklist's filters ask "no tenant and due before X": H2 otherwise picks the tenant index and reads
            // every open task (50,000 in the benchmark) to find the overdue few.
            statement.execute("CREATE INDEX IF NOT EXISTS lit_idx_task_tenant_due ON " + task + " (TENANT_ID_, DUE_DATE_)");
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (Exception e) {
            // Another node of the cluster creating it at the same moment; queries are only slower without it.
            log.warn("Supervision indexes not created: {}", e.getMessage());
        }
        authorizationStatistics(dataSource, EngineTable.AUTHORIZATION.tableName(engine.getManagementService()));
    }

    /**
     * On PostgreSQL, statistics of the permission bits the task queries test ({@code PERMS_ & 2}, READ of a task;
     * {@code & 64}, READ_TASK of a process definition). Without them the planner takes the user's authorization rows
     * for a few dozen when they are one per open task, and plans Tasklist's 已逾期 filter as a nested loop of every
     * overdue task against all of them: 3.7 s at 6,000 cases (README「性能基准」, 「PostgreSQL 上的测量」). Expression
     * statistics need PostgreSQL 14; the session settings that go with them are in application-prod.yaml.
     */
    static void authorizationStatistics(DataSource dataSource, String authorization) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                return;
            }
            try (ResultSet existing = statement.executeQuery(
                    "SELECT 1 FROM pg_statistic_ext WHERE stxname = 'lit_stat_auth_perms'")) {
                if (existing.next()) {
                    // Created and analysed by an earlier start or another node; autovacuum's analyses keep them current.
                    return;
                }
            }
            statement.execute("CREATE STATISTICS IF NOT EXISTS lit_stat_auth_perms ON (PERMS_ & 2), (PERMS_ & 64) FROM "
                    + authorization);
            // At once, not at the next automatic analysis: the planner uses them from the first request on.
            statement.execute("ANALYZE " + authorization);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (Exception e) {
            log.warn("Authorization statistics not created (Tasklist's filters are slower without them): {}",
                    e.getMessage());
        }
    }
}
