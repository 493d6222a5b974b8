package cn.shapotou.litigation.engine;

import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** "Now" as the engine sees it, so that its timers and our dates never disagree (tests move this clock). */
public final class EngineClock {

    private EngineClock() {}

    public static Date now() {
        return ClockUtil.getCurrentTime();
    }
}
