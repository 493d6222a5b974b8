package cn.shapotou.litigation.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Types are judged by content: every accepted kind is recognised whatever its name, everything else refused. */
class FileTypeDetectorTest {

    @TempDir
    Path dir;

    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("答辩状.pdf", SampleFiles.pdf("答辩状"), FileType.PDF),
                Arguments.of("判决书", SampleFiles.pdf("判决书"), FileType.PDF),
                Arguments.of("判决书.ofd", SampleFiles.ofd(), FileType.OFD),
                Arguments.of("答辩状.docx", SampleFiles.docx("答辩状"), FileType.DOCX),
                Arguments.of("答辩状.pdf", SampleFiles.docx("named as a PDF"), FileType.DOCX),
                Arguments.of("答辩状.doc", SampleFiles.wordBinary(), FileType.DOC),
                Arguments.of("答辩状.wps", SampleFiles.wordBinary(), FileType.WPS),
                Arguments.of("证据目录.xlsx", SampleFiles.xlsx(), FileType.XLSX),
                Arguments.of("证据目录.xls", SampleFiles.xls(), FileType.XLS),
                Arguments.of("现场照片.jpg", SampleFiles.image("jpeg"), FileType.JPEG),
                Arguments.of("现场照片.png", SampleFiles.image("png"), FileType.PNG),
                Arguments.of("扫描件.tif", SampleFiles.image("tiff"), FileType.TIFF),
                Arguments.of("起诉状.pdf", SampleFiles.executable(), null),
                Arguments.of("起诉状.pdf", "%PDF? no, plain text".getBytes(StandardCharsets.UTF_8), null),
                Arguments.of("压缩包.docx", SampleFiles.zip("evil.sh", "rm -rf /"), null),
                Arguments.of("网页.html", "<html><body>x</body></html>".getBytes(StandardCharsets.UTF_8), null),
                Arguments.of("图片.gif", SampleFiles.image("gif"), null),
                Arguments.of("空.pdf", new byte[0], null));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("files")
    void judgesByContent(String name, byte[] content, FileType expected) throws IOException {
        Path file = dir.resolve("upload");
        Files.write(file, content);
        assertThat(new FileTypeDetector().detect(file, name)).isEqualTo(Optional.ofNullable(expected));
    }
}
