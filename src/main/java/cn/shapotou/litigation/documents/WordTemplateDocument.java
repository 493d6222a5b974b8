package cn.shapotou.litigation.documents;

import java.util.List;
import java.util.Map;

/**
 * A document whose Word version is filled from a template the office edits in Word ({@code
 * src/main/resources/documents/templates/}, described in src/docs/templates.md) instead of being drawn from an
 * {@link OfficialDocument}. {@link CaseDocumentController} serves {@code {id}.docx} from the template; a bean that is
 * also a {@link CaseDocumentTemplate} with the same id keeps its PDF, and both read the case through the same class so
 * the two versions say the same.
 */
public interface WordTemplateDocument {

    /** The path segment, e.g. {@code defence-draft}. */
    String id();

    /** Further path segments that serve the same file, e.g. a shorter name the API also offers. */
    default List<String> otherIds() {
        return List.of();
    }

    /** The document's Chinese name, which also names the downloaded file. */
    String name();

    /** The template's file name in {@code documents/templates/} on the classpath. */
    String template();

    /**
     * The values of the template's placeholders: text for {@code {{name}}}, a list of maps (or {@link
     * WordTemplateFiller.Pages}) for a repeated part {@code {{#name}}…{{/name}}}.
     */
    Map<String, Object> data(CaseDocumentContext context);
}
