package cn.shapotou.litigation.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A generated document as the file a browser receives: rendered as PDF ({@code pdf}) or Word ({@code docx}) by renderers
 * made once (the CJK font is looked up when the PDF renderer is built), or as Word filled from an office's template
 * ({@link WordTemplateDocument}), named in Chinese. A PDF may open in the browser; a Word file is always downloaded, to
 * be edited.
 */
@Component
public class DocumentFiles {

    public static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    /** Where the Word templates lie on the classpath (src/main/resources/documents/templates in the repository). */
    public static final String TEMPLATES = "documents/templates/";

    private final PdfRenderer pdf = new PdfRenderer();
    private final DocxRenderer docx = new DocxRenderer();

    /** {@code format} is {@code pdf} or {@code docx}; callers refuse any other in their own words. */
    public byte[] render(OfficialDocument document, String format) {
        return "pdf".equals(format) ? pdf.render(document) : docx.render(document);
    }

    /** A template of {@code documents/templates/} filled with these values (src/docs/templates.md). */
    public byte[] fill(WordTemplateDocument document, Map<String, Object> data) {
        try (InputStream template = new ClassPathResource(TEMPLATES + document.template()).getInputStream()) {
            return WordTemplateFiller.fill(template, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ResponseEntity<byte[]> file(byte[] body, String name, String format, boolean pdfInline) {
        boolean isPdf = "pdf".equals(format);
        return ResponseEntity.ok().contentType(isPdf ? MediaType.APPLICATION_PDF : DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, (isPdf && pdfInline ? ContentDisposition.inline()
                        : ContentDisposition.attachment()).filename(name + "." + format, StandardCharsets.UTF_8)
                        .build().toString())
                .body(body);
    }
}
