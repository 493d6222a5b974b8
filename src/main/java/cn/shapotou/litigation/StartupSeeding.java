package cn.shapotou.litigation;

import cn.shapotou.litigation.deadlines.DeadlineRecomputation;
import cn.shapotou.litigation.demo.DemoCases;
import cn.shapotou.litigation.escalation.SupervisionUpgrade;
import cn.shapotou.litigation.identity.IdentitySeeder;
import cn.shapotou.litigation.identity.TasklistFilters;
import cn.shapotou.litigation.units.UnitOptionForms;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What every start-up does once the engine has deployed the processes, in this order and before the web server
 * accepts a request: forms get the directory's units, groups/users/grants and filters are seeded, open deadlines
 * are recounted against the calendar files now in force, the case register is filled in for cases older than it,
 * 督办 tasks of the earlier version become 督办 processes,
 * and the demo cases exist (unless switched off, and never in
 * profile prod). Each step is idempotent.
 */
@Component
public class StartupSeeding implements SmartInitializingSingleton {

    private final UnitOptionForms forms;
    private final IdentitySeeder identities;
    private final TasklistFilters filters;
    private final DeadlineRecomputation deadlines;
    private final DemoCases demoCases;
    private final cn.shapotou.litigation.cases.CaseRegisterBackfill register;
    private final boolean withDemoCases;
    private final SupervisionUpgrade supervisionUpgrade;

    public StartupSeeding(UnitOptionForms forms, IdentitySeeder identities, TasklistFilters filters,
                          DeadlineRecomputation deadlines, DemoCases demoCases,
                          cn.shapotou.litigation.cases.CaseRegisterBackfill register,
                          @Value("${litigation.demo.cases:true}") boolean withDemoCases,
                          SupervisionUpgrade supervisionUpgrade) {
        this.supervisionUpgrade = supervisionUpgrade;
        this.register = register;
        this.forms = forms;
        this.identities = identities;
        this.filters = filters;
        this.deadlines = deadlines;
        this.demoCases = demoCases;
        this.withDemoCases = withDemoCases;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            forms.deploy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        identities.seed();
        filters.seed();
        deadlines.recomputeIfCalendarChanged();
        register.run();
        supervisionUpgrade.upgrade();
        supervisionUpgrade.grantHistory();
        if (withDemoCases) {
            demoCases.seed();
        }
    }
}
