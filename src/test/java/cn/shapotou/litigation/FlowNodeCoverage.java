package cn.shapotou.litigation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The coverage goal of a stage test: after all tests of the class, every flow node of every process the class deploys
 * (its class-level {@link Deployment}) has run at least once. The engine reports each activity it starts to
 * {@link #RECORDER}; this stands in for camunda-process-test-coverage, whose JUnit 5 extension for Camunda 7 is
 * not among the project's dependencies.
 */
public final class FlowNodeCoverage implements BeforeAllCallback, AfterAllCallback {

    /** Activity ids the engine has started, by process definition key. */
    private static final Map<String, Set<String>> STARTED = new ConcurrentHashMap<>();

    /** Handed to the stage engine as a history event handler, beside the one writing the history tables. */
    static final HistoryEventHandler RECORDER = new HistoryEventHandler() {
        @Override
        public void handleEvent(HistoryEvent event) {
            if (event instanceof HistoricActivityInstanceEventEntity activity && activity.getActivityId() != null) {
                STARTED.computeIfAbsent(activity.getProcessDefinitionKey(), key -> ConcurrentHashMap.newKeySet())
                        .add(activity.getActivityId());
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    };

    @Override
    public void beforeAll(ExtensionContext context) {
        STARTED.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Deployment deployment = context.getRequiredTestClass().getAnnotation(Deployment.class);
        if (deployment == null) {
            return;
        }
        for (String resource : deployment.resources()) {
            BpmnModelInstance model = read(resource);
            for (Process process : model.getModelElementsByType(Process.class)) {
                Set<String> missed = new TreeSet<>();
                model.getModelElementsByType(FlowNode.class).stream()
                        .filter(node -> processOf(node) == process)
                        .forEach(node -> missed.add(node.getId()));
                missed.removeAll(STARTED.getOrDefault(process.getId(), Set.of()));
                assertThat(missed).as("flow nodes of %s no test of %s ran", process.getId(),
                        context.getRequiredTestClass().getSimpleName()).isEmpty();
            }
        }
    }

    private static Process processOf(FlowNode node) {
        ModelElementInstance parent = node.getParentElement();
        while (parent != null && !(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return (Process) parent;
    }

    private static BpmnModelInstance read(String resource) {
        try (InputStream in = FlowNodeCoverage.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource);
            }
            return Bpmn.readModelFromStream(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
