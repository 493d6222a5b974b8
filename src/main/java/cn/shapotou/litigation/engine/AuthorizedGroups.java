package cn.shapotou.litigation.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSession;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Which of a signed-in person's groups hold any authorization, remembered by the engine instead of read anew by every
 * command. Before each authorization-checked query or check the engine narrows the person's groups to those that occur
 * in the authorization table, and to learn them it reads every distinct group id of that table, once per command
 * ({@code AuthorizationManager.filterAuthenticatedGroupIds}). Here every open task's candidate group holds a grant on
 * that task (README「角色与权限」), so at 50,000 open cases the table has hundreds of thousands of rows and that read walks
 * them all for every page of Tasklist, every filter count and every completed task — for an answer that changes only
 * when a group receives its first authorization.
 *
 * <p>Asked per group instead: a group found holding an authorization is remembered; a group not found is asked again
 * the next time (one indexed row), so a group's first grant counts at once. A group whose grants were all deleted stays
 * remembered: the engine's query then names one group more, which matches no authorization and changes no result. What
 * is granted is still decided by the authorization table in every query; only this narrowing is remembered.
 */
@Component
public class AuthorizedGroups extends AbstractProcessEnginePlugin {

    private final Set<String> holding = ConcurrentHashMap.newKeySet();
    private String holdsAny;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        // Installed after the engine's own factories, so this one serves AuthorizationManager.
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new RememberingAuthorizationManager();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        holdsAny = "SELECT 1 FROM " + configuration.getDatabaseTablePrefix() + "ACT_RU_AUTHORIZATION WHERE GROUP_ID_ = ?";
    }

    /** The groups among {@code groups} that hold at least one authorization. */
    List<String> holdingAuthorizations(List<String> groups) {
        List<String> result = new ArrayList<>();
        for (String group : new LinkedHashSet<>(groups)) {
            if (group != null && (holding.contains(group) || holdsAny(group))) {
                holding.add(group);
                result.add(group);
            }
        }
        return result;
    }

    private boolean holdsAny(String group) {
        // The command's own connection and transaction, as the engine's own read of the group ids.
        DbSqlSession session = Context.getCommandContext().getSession(DbSqlSession.class);
        Connection connection = session.getSqlSession().getConnection();
        try (PreparedStatement statement = connection.prepareStatement(holdsAny)) {
            statement.setMaxRows(1);
            statement.setString(1, group);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new ProcessEngineException("authorizations of group " + group + " not readable", e);
        }
    }

    private final class RememberingAuthorizationManager extends AuthorizationManager {
        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
                return EMPTY_LIST;
            }
            return holdingAuthorizations(authenticatedGroupIds);
        }
    }
}
