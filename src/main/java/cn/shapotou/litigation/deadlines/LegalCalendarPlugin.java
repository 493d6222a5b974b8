package cn.shapotou.litigation.deadlines;

import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Plugs {@link LegalBusinessCalendar} into the engine where it computes due dates and timer durations itself. */
@Component
public class LegalCalendarPlugin extends AbstractProcessEnginePlugin {

    private final Deadlines deadlines;

    public LegalCalendarPlugin(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
        calendars.addBusinessCalendar(DurationBusinessCalendar.NAME,
                new LegalBusinessCalendar(new DurationBusinessCalendar(), deadlines));
        calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME,
                new LegalBusinessCalendar(new DueDateBusinessCalendar(), deadlines));
        calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
        configuration.setBusinessCalendarManager(calendars);
    }
}
