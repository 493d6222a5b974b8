package cn.shapotou.litigation.identity;

import static cn.shapotou.litigation.units.UnitDirectory.DISTRICT_LEADERS;
import static cn.shapotou.litigation.units.UnitDirectory.JUSTICE_BUREAU;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;

import cn.shapotou.litigation.deadlines.DueSoon;
import cn.shapotou.litigation.units.UnitDirectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The stored Tasklist filters of README「督办（区司法局）」, seeded idempotently by name; expressions are evaluated for the user
 * who opens the filter, so one filter serves every unit.
 */
@Component
public class TasklistFilters {

    public static final String MINE = "我的待办";
    public static final String MY_UNIT = "本单位待办";
    public static final String DUE_SOON = "即将到期";
    public static final String OVERDUE = "已逾期";
    public static final String SUPERVISION_OVERDUE = "督办：全部逾期";

    private final FilterService filters;
    private final TaskService tasks;
    private final Grants grants;
    private final UnitDirectory units;

    public TasklistFilters(FilterService filters, TaskService tasks, Grants grants, UnitDirectory units) {
        this.filters = filters;
        this.tasks = tasks;
        this.grants = grants;
        this.units = units;
    }

    public void seed() {
        List<String> everyone = new ArrayList<>();
        units.all().forEach(u -> everyone.add(u.id()));
        everyone.add(DISTRICT_LEADERS);

        // A unit's clerk starts from the unit's tasks: that filter comes first in Tasklist.
        save(MINE, -5, "分配给我本人的任务", "#1f77b4",
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"), everyone);
        save(MY_UNIT, -10, "本单位（我所在各组）的任务，含已签收的", "#2ca02c",
                unitTasks(), everyone);
        save(DUE_SOON, 0, "两日内到期、尚未逾期的本单位任务", "#ff7f0e",
                unitTasks().dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(" + DueSoon.DAYS + ").toDate()}"),
                everyone);
        save(OVERDUE, 5, "已过期限仍未办结的本单位任务", "#d62728",
                unitTasks().dueBeforeExpression("${now()}"), everyone);
        // Art. 3: the Justice Bureau supervises every unit's overdue items, and works its 督办 (process supervision)
        // from the same list.
        save(SUPERVISION_OVERDUE, 10, "全区所有逾期未办的任务及督办任务（区司法局督办）", "#8c1c13",
                tasks.createTaskQuery().or().dueBeforeExpression("${now()}").processDefinitionKey("supervision")
                        .endOr(), List.of(JUSTICE_BUREAU));
    }

    private TaskQuery unitTasks() {
        return tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks();
    }

    private void save(String name, int priority, String description, String color, TaskQuery query,
                      List<String> readers) {
        query.orderByDueDate().asc();
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("priority", priority);
        properties.put("description", description);
        properties.put("color", color);
        properties.put("refresh", true);
        properties.put("variables", List.of(
                Map.of("name", "caseNumber", "label", "案号"),
                Map.of("name", "leadUnitName", "label", "承办单位")));
        filter.setQuery(query);
        filter.setProperties(properties);
        filters.saveFilter(filter);
        for (String group : readers) {
            grants.toGroup(group, FILTER, filter.getId(), READ);
        }
    }
}
