package cn.shapotou.litigation;

import cn.shapotou.litigation.deadlines.LegalClock;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The engine state an {@link IntegrationTest} of a process sets up and must not hand on to the next test, in one place:
 * before each test camunda-bpm-assert is bound to the application's engine; after it the engine clock is back to the
 * real time and nobody is signed in to the engine. Use with {@code @ExtendWith(EngineTestState.class)}.
 */
public final class EngineTestState implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        BpmnAwareTests.init(engine(context));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        engine(context).getIdentityService().clearAuthentication();
        ClockUtil.reset();
    }

    /** Moves the engine clock to that hour, Asia/Shanghai, on that day (legal dates are dates there). */
    public static void at(int year, int month, int day, int hour) {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(year, month, day, hour, 0, 0, 0, LegalClock.ZONE)
                .toInstant()));
    }

    private static ProcessEngine engine(ExtensionContext context) {
        return SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class);
    }
}
