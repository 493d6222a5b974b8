package cn.shapotou.litigation.documents;

/**
 * A document the system writes from a case: served by {@link CaseDocumentController} at
 * {@code /api/cases/{caseNumber}/documents/{id}.pdf} and {@code .docx} to whoever may read the case. Each template is a
 * Spring bean in the feature package whose rule asks for the document.
 */
public interface CaseDocumentTemplate {

    /** The path segment, e.g. {@code power-of-attorney}. */
    String id();

    /** The document's Chinese name, which also names the downloaded file. */
    String name();

    OfficialDocument build(CaseDocumentContext context);
}
