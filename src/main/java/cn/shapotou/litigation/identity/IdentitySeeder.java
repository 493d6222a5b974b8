package cn.shapotou.litigation.identity;

import static cn.shapotou.litigation.units.UnitDirectory.DISTRICT_LEADERS;
import static cn.shapotou.litigation.units.UnitDirectory.DISTRICT_OFFICE;
import static cn.shapotou.litigation.units.UnitDirectory.JUSTICE_BUREAU;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import cn.shapotou.litigation.units.Unit;
import cn.shapotou.litigation.units.UnitDirectory;
import cn.shapotou.litigation.units.UnitKind;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Groups from the unit directory, role grants, demo users and the first administrator, seeded idempotently at every
 * start-up (as in Camunda's invoice example). Each group gets what its role needs and no more; task permissions come
 * per task from its candidate groups (TASK_WORK, see application.yaml).
 */
@Component
public class IdentitySeeder {

    private static final Logger log = LoggerFactory.getLogger(IdentitySeeder.class);

    /** Process keys of the case; every unit may read their definitions so Tasklist can name a task's process. */
    public static final List<String> CASE_PROCESSES = List.of("litigation-case", "notice-intake",
            "answer-preparation", "court-appearance", "appeal-opinion", "loss-analysis", "retrial", "enforcement",
            "judicial-recommendation", "court-document", "enforcement-request", "compensation-recovery",
            "major-issue-report", "court-filing");

    /** Tasklist shows "firstName lastName": the person's name first, then the unit. */
    public record DemoUser(String id, String lastName, String firstName, String group) {}

    public static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("demo", "系统管理员", "演示", Roles.ADMIN),
            new DemoUser("office", "区政府办公室", "王丽", DISTRICT_OFFICE),
            new DemoUser("justice", "区司法局", "李强", JUSTICE_BUREAU),
            // A second officer: nobody reviews a draft of their own (Art. 10 ¶2 review, Art. 9 ¶3 opinion).
            new DemoUser("justice2", "区司法局", "周静", JUSTICE_BUREAU),
            new DemoUser("leader", "区政府领导", "赵军", DISTRICT_LEADERS),
            new DemoUser("counsel", "区法律顾问室", "陈敏", UnitDirectory.LEGAL_COUNSEL_OFFICE),
            new DemoUser("natres", "区自然资源局", "刘伟", "natural-resources"),
            new DemoUser("housing", "区住房和城乡建设局", "吴刚", "housing"),
            new DemoUser("wenchang", "文昌镇人民政府", "杨芳", "wenchang-town"));

    private final IdentityService identity;
    private final Grants grants;
    private final UnitDirectory units;
    private final boolean demoIdentities;
    private final String adminPassword;

    public IdentitySeeder(IdentityService identity, Grants grants, UnitDirectory units,
                          @Value("${litigation.demo.identities:true}") boolean demoIdentities,
                          @Value("${LITIGATION_ADMIN_PASSWORD:}") String adminPassword) {
        this.identity = identity;
        this.grants = grants;
        this.units = units;
        this.demoIdentities = demoIdentities;
        this.adminPassword = adminPassword;
    }

    public void seed() {
        syncGroups();
        grantRoles();
        if (demoIdentities) {
            for (DemoUser user : DEMO_USERS) {
                ensureUser(user.id(), user.lastName(), user.firstName(), "demo", user.group());
            }
        } else {
            ensureFirstAdministrator();
        }
    }

    /** Every unit is a group with the unit's id; a renamed unit is renamed, nothing is deleted (old tasks keep it). */
    void syncGroups() {
        for (Unit unit : units.all()) {
            ensureGroup(unit.id(), unit.name(), "WORKFLOW");
        }
        ensureGroup(DISTRICT_LEADERS, "区政府领导", "WORKFLOW");
        ensureGroup(Roles.ADMIN, "系统管理员", Groups.GROUP_TYPE_SYSTEM);
    }

    private void ensureGroup(String id, String name, String type) {
        Group group = identity.createGroupQuery().groupId(id).singleResult();
        if (group == null) {
            group = identity.newGroup(id);
        } else if (name.equals(group.getName()) && type.equals(group.getType())) {
            return;
        }
        group.setName(name);
        group.setType(type);
        identity.saveGroup(group);
        log.info("Group {} ({}) saved", id, name);
    }

    void grantRoles() {
        for (Resource resource : Resources.values()) {
            grants.toGroup(Roles.ADMIN, resource, "*", ALL);
        }
        List<String> workers = new ArrayList<>();
        units.all().forEach(u -> workers.add(u.id()));
        workers.add(DISTRICT_LEADERS);
        for (String group : workers) {
            grants.toGroup(group, APPLICATION, "tasklist", ACCESS);
            for (String key : CASE_PROCESSES) {
                grants.toGroup(group, PROCESS_DEFINITION, key, READ);
            }
            // Art. 3: any unit may be charged with a 督办 and replies to it in Tasklist (the definition only; the
            // instance is granted to the unit charged).
            grants.toGroup(group, PROCESS_DEFINITION, "supervision", READ);
        }
        // Art. 16: a handling unit (a department or township, Art. 4) proposes enforcement of an archived case's
        // decision the other party refuses; the request itself checks that the case is the unit's.
        units.all().stream().filter(u -> u.kind() == UnitKind.DEPARTMENT || u.kind() == UnitKind.TOWNSHIP)
                .forEach(u -> {
                    grants.toGroup(u.id(), PROCESS_DEFINITION, "enforcement-request", READ, CREATE_INSTANCE);
                    // Art. 23: the handling unit proposes recovery of the state compensation its case cost.
                    grants.toGroup(u.id(), PROCESS_DEFINITION, "compensation-recovery", READ, CREATE_INSTANCE);
                    grants.toGroup(u.id(), PROCESS_INSTANCE, "*", CREATE);
                });
        // Art. 9 ¶3: any unit taking part in a case reports its major issues and files documents with the court after
        // the Justice Bureau's opinion; the start itself checks that the unit is the reporter's own and a participant.
        for (Unit unit : units.all()) {
            for (String key : List.of("major-issue-report", "court-filing")) {
                grants.toGroup(unit.id(), PROCESS_DEFINITION, key, READ, CREATE_INSTANCE);
            }
            grants.toGroup(unit.id(), PROCESS_INSTANCE, "*", CREATE);
        }
        // Art. 10 ¶1: the district office registers the complaint copies; the Justice Bureau may too.
        for (String registrar : List.of(DISTRICT_OFFICE, JUSTICE_BUREAU)) {
            grants.toGroup(registrar, PROCESS_DEFINITION, "litigation-case", READ, CREATE_INSTANCE);
            grants.toGroup(registrar, PROCESS_DEFINITION, "court-document", READ, CREATE_INSTANCE);
            grants.toGroup(registrar, PROCESS_INSTANCE, "*", CREATE);
        }
        // Art. 3, 20–23: the Justice Bureau records accountability facts, recovery proposals, hearings observed and
        // training.
        for (String register : List.of("accountability-record", "compensation-recovery", "hearing-observation",
                "training-record")) {
            grants.toGroup(JUSTICE_BUREAU, PROCESS_DEFINITION, register, READ, CREATE_INSTANCE);
        }
        // Art. 3: the Justice Bureau coordinates and supervises every case; Cockpit is its monitoring tool.
        grants.toGroup(JUSTICE_BUREAU, APPLICATION, "cockpit", ACCESS);
        grants.toGroup(JUSTICE_BUREAU, PROCESS_DEFINITION, "*", READ, READ_INSTANCE, READ_HISTORY);
        grants.toGroup(JUSTICE_BUREAU, PROCESS_INSTANCE, "*", READ);
        grants.toGroup(JUSTICE_BUREAU, TASK, "*", READ);
        grants.toGroup(JUSTICE_BUREAU, DEPLOYMENT, "*", READ);
        // Art. 3: it reads the history of every case and 督办 too. READ_HISTORY above covers instances of a process;
        // with historic instance permissions on (application.yaml) a task outside any process, such as a 督办 task
        // of the earlier version, needs its own grant.
        grants.toGroup(JUSTICE_BUREAU, Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.READ);
        // Art. 3: a 督办 may be reported to the district leaders, who read every one and its history; the unit charged
        // is granted its own instance when the 督办 starts (escalation.Supervisions).
        grants.toGroup(DISTRICT_LEADERS, PROCESS_DEFINITION, "supervision", READ, READ_INSTANCE, READ_HISTORY);
        // 「发出督办」 of a missed court deadline is offered to both: each reads the other's name in Tasklist's task
        // header (区司法局, 区政府领导), not the other's group id.
        grants.toGroup(JUSTICE_BUREAU, Resources.GROUP, DISTRICT_LEADERS, READ);
        grants.toGroup(DISTRICT_LEADERS, Resources.GROUP, JUSTICE_BUREAU, READ);
    }

    private void ensureUser(String id, String lastName, String firstName, String password, String group) {
        User user = identity.createUserQuery().userId(id).singleResult();
        if (user == null) {
            user = identity.newUser(id);
            user.setLastName(lastName);
            user.setFirstName(firstName);
            user.setEmail(id + "@example.gov.cn");
            user.setPassword(password);
            identity.saveUser(user);
            log.info("User {} created", id);
        } else if (!lastName.equals(user.getLastName()) || !firstName.equals(user.getFirstName())) {
            user.setLastName(lastName);
            user.setFirstName(firstName);
            identity.saveUser(user);
        }
        if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
            identity.createMembership(id, group);
        }
    }

    /** Profile prod: no demo users; the first administrator's password comes from the environment (README「生产环境」). */
    private void ensureFirstAdministrator() {
        if (identity.createUserQuery().memberOfGroup(Roles.ADMIN).count() > 0) {
            return;
        }
        if (adminPassword == null || adminPassword.isBlank()) {
            throw new IllegalStateException(
                    "尚无系统管理员：请通过环境变量 LITIGATION_ADMIN_PASSWORD 提供首个管理员（admin）的密码后再启动");
        }
        ensureUser("admin", "系统管理员", "首位", adminPassword, Roles.ADMIN);
    }
}
