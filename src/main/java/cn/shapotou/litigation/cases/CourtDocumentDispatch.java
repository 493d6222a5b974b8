package cn.shapotou.litigation.cases;

import cn.shapotou.litigation.casecore.CaseReopening;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Registers a checked court document: its handler hands it to the case, the document is kept, and where no step of
 * the case took it up the people working on the case are told on their tasks.
 */
@Component
public class CourtDocumentDispatch {

    public record Registered(String id, CourtDocumentKind kind, boolean correlated, Map<String, Object> document) {}

    private final TaskService taskService;
    private final CaseReopening reopening;
    private final RegisteredCourtDocuments documents;
    private final CourtDocumentHandlers handlers;

    public CourtDocumentDispatch(TaskService taskService, CaseReopening reopening, RegisteredCourtDocuments documents,
                                 CourtDocumentHandlers handlers) {
        this.taskService = taskService;
        this.reopening = reopening;
        this.documents = documents;
        this.handlers = handlers;
    }

    public Registered register(String caseNumber, Map<String, ?> input, String userId) {
        CourtDocumentKind kind = CourtDocumentKind.parse(input.get("kind"));
        Map<String, Object> document = new LinkedHashMap<>();
        input.forEach((k, v) -> {
            if (v != null && CourtDocumentValidation.FIELDS.contains(k)) {
                document.put(k, v);
            }
        });
        String runningCase = reopening.runningInstance(caseNumber);
        String receivedOn = String.valueOf(input.get("receivedOn"));
        boolean correlated = handlers.of(kind).dispatch(caseNumber, runningCase, input);
        if (!correlated && runningCase != null) {
            tellHandlers(caseNumber, runningCase, kind, receivedOn);
        }
        String id = documents.add(caseNumber, kind, LocalDate.parse(receivedOn), document, correlated, userId);
        return new Registered(id, kind, correlated, document);
    }

    /** A document the case does not wait for is still shown to the people working on it, on each of their tasks. */
    private void tellHandlers(String caseNumber, String runningCase, CourtDocumentKind kind, String receivedOn) {
        String text = "已登记" + kind.label() + "（收到日期 " + receivedOn + "）；案件当前未在等待该文书，文书已记入案件，"
                + "案件办理到相应环节时将自动处理。";
        List<Task> open = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).list();
        for (Task task : open) {
            taskService.createComment(task.getId(), task.getProcessInstanceId(), text);
        }
        if (open.isEmpty()) {
            taskService.createComment(null, runningCase, text);
        }
    }
}
