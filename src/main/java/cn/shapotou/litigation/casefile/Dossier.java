package cn.shapotou.litigation.casefile;

import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.documents.OfficialDocument;
import cn.shapotou.litigation.documents.PdfRenderer;
import cn.shapotou.litigation.engine.EngineClock;
import cn.shapotou.litigation.identity.SystemAccess;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.RandomAccessFileOrArray;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The dossier of a case (卷宗, 立卷归档 Art. 18) as one ZIP: the index (卷内目录) first, then the newest version of every
 * paper in dossier order, then a manifest with each entry's SHA-256 so that whoever receives the ZIP can check it
 * without the system. Every paper is checked against its SHA-256 before the first byte is written, so a damaged paper
 * refuses the whole dossier instead of leaving a gap in it; the ZIP is written as a stream, one chunk of one paper at a
 * time, never held whole.
 */
@Component
public class Dossier {

    public static final String INDEX_ENTRY = "00-卷内目录.pdf";
    public static final String MANIFEST_ENTRY = "manifest.json";
    public static final String CASE_ENTRY = "case.json";

    private static final Logger log = LoggerFactory.getLogger(Dossier.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    /** Long enough to tell papers apart, short enough for Windows' path limit once unpacked in a folder. */
    private static final int MAX_TITLE_IN_NAME = 60;

    private final FileStore store;
    private final CaseFiles files;
    private final IdentityService identity;
    private final SystemAccess system;
    private final PdfRenderer pdf = new PdfRenderer();
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Dossier(FileStore store, CaseFiles files, IdentityService identity, SystemAccess system) {
        this.store = store;
        this.files = files;
        this.identity = identity;
        this.system = system;
    }

    /** The archive's record (Art. 18) on an archive copy's index and manifest; none on a working copy. */
    public record Archiving(String archiveNumber, LocalDate archivedOn, String archivedBy,
                            OffsetDateTime archivedAt) {}

    /** One paper in the dossier: its number, the stored version, its name in the ZIP, its pages when known. */
    public record Entry(int number, CaseFile file, String entryName, Integer pages) {}

    /** A dossier whose papers were all found intact, ready to write. */
    public record Contents(String caseNumber, Map<String, Object> caseVariables, List<Entry> entries,
                           Archiving archiving, OffsetDateTime generatedAt) {}

    /**
     * Checks every paper's SHA-256 (a mismatch is logged and refuses the dossier, {@link CorruptFileException}) and
     * counts the pages of the PDFs. No access check: the caller has made it.
     */
    public Contents prepare(String caseNumber, Map<String, Object> caseVariables, Archiving archiving) {
        List<CaseFile> newest = files.newestOf(caseNumber);
        int width = Math.max(2, String.valueOf(newest.size()).length());
        List<Entry> entries = new ArrayList<>();
        int number = 0;
        for (CaseFile file : newest) {
            number++;
            Integer pages = FileType.PDF.mediaType().equals(file.contentType()) ? checkedPdfPages(file) : checked(file);
            entries.add(new Entry(number, file, entryName(number, width, file), pages));
        }
        return new Contents(caseNumber, caseVariables, entries, archiving,
                EngineClock.now().toInstant().atZone(LegalClock.ZONE).toOffsetDateTime());
    }

    private Integer checked(CaseFile file) {
        files.verify(file);
        return null;
    }

    /**
     * Reads a PDF out once, to a temporary file, checking its SHA-256 on the way, and counts its pages there: the reader
     * reads only the cross-reference table and the page tree, not the whole file. A PDF the reader cannot open
     * (damaged, encrypted) still goes into the dossier; its page count stays blank for the archivist to fill in.
     */
    private Integer checkedPdfPages(CaseFile file) {
        Path temp = null;
        try {
            temp = Files.createTempFile("dossier-", ".pdf");
            try (OutputStream out = Files.newOutputStream(temp)) {
                store.copy(file, out);
            } catch (CorruptFileException e) {
                throw files.refused(file);
            }
            return pages(temp);
        } catch (IOException e) {
            throw new IllegalStateException("Could not check case file " + file.id(), e);
        } finally {
            CaseFiles.deleteQuietly(temp);
        }
    }

    static Integer pages(Path pdfFile) {
        PdfReader reader = null;
        try {
            reader = new PdfReader(new RandomAccessFileOrArray(pdfFile.toString(), false, true), null);
            return reader.getNumberOfPages();
        } catch (Exception | StackOverflowError e) {
            log.info("Pages of {} not counted: {}", pdfFile, e.toString());
            return null;
        } finally {
            if (reader != null) {
                reader.close();
            }
        }
    }

    /** {@code 01-答辩状-答辩状.docx}: number, category, title, the file's own extension; fit for Windows and ZIP. */
    static String entryName(int number, int width, CaseFile file) {
        String title = safe(file.title());
        if (title.length() > MAX_TITLE_IN_NAME) {
            title = title.substring(0, MAX_TITLE_IN_NAME).strip();
        }
        String extension = "";
        int dot = file.fileName().lastIndexOf('.');
        if (dot > 0 && dot < file.fileName().length() - 1) {
            extension = "." + safe(file.fileName().substring(dot + 1)).toLowerCase(Locale.ROOT);
        }
        return String.format("%0" + width + "d", number) + "-" + file.category().label() + "-"
                + (title.isEmpty() ? "材料" : title) + extension;
    }

    /** Without what Windows forbids in a name (and ZIP reads as a folder): \ / : * ? " < > | and control characters. */
    public static String safe(String name) {
        String cleaned = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        // Windows drops trailing dots and spaces, which would make two names one.
        return cleaned.replaceAll("[. ]+$", "");
    }

    /** The index (卷内目录) as an A4 PDF. */
    public byte[] indexPdf(Contents contents) {
        Map<String, Object> v = contents.caseVariables();
        OfficialDocument.Builder doc = OfficialDocument.builder("卷内目录")
                .line("案号：" + contents.caseNumber())
                .line("受理法院（复议机关）：" + OfficialDocument.blank(text(v, "court")))
                .line("原告（申请人）：" + OfficialDocument.blank(text(v, "plaintiff")))
                .line("案由：" + OfficialDocument.blank(text(v, "causeOfAction")))
                .line("应诉事务承办单位：" + OfficialDocument.blank(leadUnit(v)));
        Archiving archiving = contents.archiving();
        if (archiving != null) {
            doc.line("案卷编号：" + archiving.archiveNumber())
                    .line("归档日期：" + (archiving.archivedOn() == null ? "" : DAY.format(archiving.archivedOn()))
                            + "　归档人：" + OfficialDocument.blank(name(archiving.archivedBy(), new HashMap<>())));
        }
        Map<String, String> names = new HashMap<>();
        List<List<String>> rows = new ArrayList<>();
        for (Entry e : contents.entries()) {
            rows.add(List.of(String.valueOf(e.number()), e.file().category().label(), e.file().title(),
                    DAY.format(e.file().uploadedAt()), e.pages() == null ? "" : String.valueOf(e.pages()),
                    name(e.file().uploadedBy(), names)));
        }
        doc.table(List.of("序号", "类别", "题名", "日期", "页数", "上传人"), rows, 0.7f, 1.6f, 3.4f, 1.7f, 0.8f, 1.8f);
        if (contents.entries().isEmpty()) {
            doc.line("（本案尚无电子卷宗材料）");
        }
        LocalDate date = archiving != null && archiving.archivedOn() != null ? archiving.archivedOn()
                : contents.generatedAt().toLocalDate();
        return pdf.render(doc.issuedBy(OfficialDocument.blank(leadUnit(v)), date));
    }

    /**
     * Writes the ZIP to {@code out} and finishes it without closing {@code out}. {@code caseJson}, when given, is the
     * case's data as {@code GET /api/cases/{caseNumber}} shows it (the archive copy keeps it, Art. 18).
     */
    public void write(Contents contents, OutputStream out, Map<String, Object> caseJson) throws IOException {
        // Closing the ZIP ends its compressor; the stream underneath (the response, a temporary file) is the caller's.
        OutputStream unclosed = new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
        try (ZipOutputStream zip = new ZipOutputStream(unclosed, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry(INDEX_ENTRY));
            zip.write(indexPdf(contents));
            zip.closeEntry();
            for (Entry e : contents.entries()) {
                ZipEntry entry = new ZipEntry(e.entryName());
                entry.setTime(e.file().uploadedAt().toInstant().toEpochMilli());
                zip.putNextEntry(entry);
                store.copy(e.file(), zip);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(MANIFEST_ENTRY));
            zip.write(json.writeValueAsBytes(manifest(contents)));
            zip.closeEntry();
            if (caseJson != null) {
                zip.putNextEntry(new ZipEntry(CASE_ENTRY));
                zip.write(json.writeValueAsBytes(caseJson));
                zip.closeEntry();
            }
        }
    }

    Map<String, Object> manifest(Contents contents) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("caseNumber", contents.caseNumber());
        manifest.put("generatedAt", contents.generatedAt().toString());
        Archiving archiving = contents.archiving();
        if (archiving != null) {
            manifest.put("archiveNumber", archiving.archiveNumber());
            manifest.put("archivedOn", archiving.archivedOn() == null ? null : archiving.archivedOn().toString());
            manifest.put("archivedBy", archiving.archivedBy());
            manifest.put("archivedAt", archiving.archivedAt() == null ? null : archiving.archivedAt().toString());
        }
        manifest.put("index", INDEX_ENTRY);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Entry e : contents.entries()) {
            CaseFile f = e.file();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("number", e.number());
            entry.put("category", f.category().name());
            entry.put("categoryLabel", f.category().label());
            entry.put("title", f.title());
            entry.put("fileName", f.fileName());
            entry.put("entry", e.entryName());
            entry.put("size", f.size());
            entry.put("sha256", f.sha256());
            entry.put("version", f.version());
            entry.put("uploadedBy", f.uploadedBy());
            entry.put("uploadedAt", f.uploadedAt().toString());
            entry.put("pages", e.pages());
            entries.add(entry);
        }
        manifest.put("entries", entries);
        return manifest;
    }

    private static String text(Map<String, Object> vars, String name) {
        Object value = vars.get(name);
        return value == null ? null : String.valueOf(value);
    }

    private static String leadUnit(Map<String, Object> vars) {
        String name = text(vars, "leadUnitName");
        return name != null ? name : text(vars, "leadUnit");
    }

    /** 张三（natres）: the person as the user directory names them, with the account that acted. */
    private String name(String userId, Map<String, String> cache) {
        if (userId == null) {
            return null;
        }
        return cache.computeIfAbsent(userId, id -> {
            User user = system.call(() -> identity.createUserQuery().userId(id).singleResult());
            String first = user == null || user.getFirstName() == null ? "" : user.getFirstName().strip();
            return first.isEmpty() ? id : first + "（" + id + "）";
        });
    }

}
