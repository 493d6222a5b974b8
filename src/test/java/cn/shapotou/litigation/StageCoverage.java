package cn.shapotou.litigation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The coverage goal of a stage test: after all tests of the class, every flow node of every process the class deploys
 * (its class-level {@link Deployment}) has run and every sequence flow has been taken at least once — so a return loop
 * into a task that another path also reaches counts only when a test took it. The engine reports each activity it
 * starts to {@link #ACTIVITIES} and each flow it takes to {@link #FLOWS}. This stands in for
 * camunda-process-test-coverage, whose JUnit 5 extension for Camunda 7 is not among the project's dependencies.
 */
public final class StageCoverage implements BeforeAllCallback, AfterAllCallback {

    /** Ids of the activities started and the sequence flows taken, by process definition key. */
    private static final Map<String, Set<String>> RAN = new ConcurrentHashMap<>();

    /** Handed to the stage engine as a history event handler, beside the one writing the history tables. */
    static final HistoryEventHandler ACTIVITIES = new HistoryEventHandler() {
        @Override
        public void handleEvent(HistoryEvent event) {
            if (event instanceof HistoricActivityInstanceEventEntity activity && activity.getActivityId() != null) {
                ran(activity.getProcessDefinitionKey(), activity.getActivityId());
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    };

    /** Handed to the stage engine as a parse listener: every sequence flow reports when it is taken. */
    static final BpmnParseListener FLOWS = new AbstractBpmnParseListener() {
        private final ExecutionListener taken = StageCoverage::taken;

        @Override
        public void parseSequenceFlow(Element sequenceFlowElement, ScopeImpl scope, TransitionImpl transition) {
            transition.addListener(ExecutionListener.EVENTNAME_TAKE, taken);
        }
    };

    private static void taken(DelegateExecution execution) {
        // A definition id starts with its key: "answer-preparation:1:42".
        String definition = execution.getProcessDefinitionId();
        ran(definition.substring(0, definition.indexOf(':')), execution.getCurrentTransitionId());
    }

    private static void ran(String processKey, String elementId) {
        RAN.computeIfAbsent(processKey, key -> ConcurrentHashMap.newKeySet()).add(elementId);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        RAN.clear();
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
                for (Class<? extends FlowElement> type : List.of(FlowNode.class, SequenceFlow.class)) {
                    model.getModelElementsByType(type).stream().filter(element -> processOf(element) == process)
                            .forEach(element -> missed.add(element.getId()));
                }
                missed.removeAll(RAN.getOrDefault(process.getId(), Set.of()));
                assertThat(missed).as("flow nodes and sequence flows of %s no test of %s ran", process.getId(),
                        context.getRequiredTestClass().getSimpleName()).isEmpty();
            }
        }
    }

    private static Process processOf(ModelElementInstance element) {
        ModelElementInstance parent = element.getParentElement();
        while (parent != null && !(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return (Process) parent;
    }

    private static BpmnModelInstance read(String resource) {
        try (InputStream in = StageCoverage.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource);
            }
            return Bpmn.readModelFromStream(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
