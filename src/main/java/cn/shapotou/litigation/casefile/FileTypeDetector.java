package cn.shapotou.litigation.casefile;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.springframework.stereotype.Component;

/**
 * Judges a file by its bytes, never by its name: an executable renamed {@code .pdf} is still an executable. Tika's
 * magic numbers tell the simple formats and the two container families; the container is then opened to tell what it
 * holds (a ZIP holding {@code OFD.xml} is an OFD, {@code word/document.xml} a DOCX; an OLE2 file holding
 * {@code WordDocument} a DOC or WPS document, {@code Workbook} an XLS). Both are read from the file on disk, so a 50 MiB
 * upload is never held in memory.
 */
@Component
public class FileTypeDetector {

    private static final MimeTypes MAGIC = MimeTypes.getDefaultMimeTypes();

    public Optional<FileType> detect(Path file, String fileName) {
        MediaType magic;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            magic = MAGIC.detect(in, new Metadata());
        } catch (IOException e) {
            return Optional.empty();
        }
        String type = magic.getBaseType().toString();
        switch (type) {
            case "application/pdf":
                return Optional.of(FileType.PDF);
            case "image/jpeg":
                return Optional.of(FileType.JPEG);
            case "image/png":
                return Optional.of(FileType.PNG);
            case "image/tiff":
                return Optional.of(FileType.TIFF);
            case "application/zip":
            case "application/x-tika-ooxml":
                return zipContent(file);
            case "application/x-tika-msoffice":
            case "application/msword":
            case "application/vnd.ms-excel":
            case "application/vnd.ms-works":
                return ole2Content(file, fileName);
            default:
                return Optional.empty();
        }
    }

    private static Optional<FileType> zipContent(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("OFD.xml") != null) {
                return Optional.of(FileType.OFD);
            }
            if (zip.getEntry("[Content_Types].xml") == null) {
                return Optional.empty();
            }
            if (zip.getEntry("word/document.xml") != null) {
                return Optional.of(FileType.DOCX);
            }
            if (zip.getEntry("xl/workbook.xml") != null) {
                return Optional.of(FileType.XLSX);
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Kingsoft WPS writes its {@code .wps} documents in the same OLE2 structure as Word's {@code .doc}; the content makes
     * it a word-processing document, the name only says which program it came from.
     */
    private static Optional<FileType> ole2Content(Path file, String fileName) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("WordDocument")) {
                boolean wps = fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".wps");
                return Optional.of(wps ? FileType.WPS : FileType.DOC);
            }
            if (root.hasEntry("Workbook") || root.hasEntry("Book")) {
                return Optional.of(FileType.XLS);
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
