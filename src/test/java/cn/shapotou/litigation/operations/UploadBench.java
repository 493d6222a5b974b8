package cn.shapotou.litigation.operations;

import cn.shapotou.litigation.casefile.FileType;
import cn.shapotou.litigation.casefile.FileTypeDetector;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The case file's uploads and downloads of the largest paper it accepts (50 MiB, {@code CaseFiles.MAX_BYTES}) against
 * the packaged application, over HTTP as a unit's user does them. The client streams: the upload's body is the PDF on
 * disk between two small multipart boundaries, the download is digested as it arrives, so that the figures are the
 * server's and not the client's copying.
 */
final class UploadBench {

    static final long SIZE = 50L * 1024 * 1024;
    private static final String USER = "natres";
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final BenchHttp http;
    private final String caseNumber;
    private final Path pdf;

    UploadBench(int port, String caseNumber, Path pdf) {
        this.port = port;
        this.http = new BenchHttp(port);
        this.caseNumber = BenchHttp.encode(caseNumber);
        this.pdf = pdf;
    }

    /**
     * Exactly {@link #SIZE} bytes that the application takes for a PDF (it judges by content): a PDF header, then
     * pseudo-random filler written 1 MiB at a time. Checked with the application's own detector.
     */
    static Path writePdf(Path dir) throws IOException {
        Path file = dir.resolve("upload-50mib.pdf");
        byte[] block = new byte[1024 * 1024];
        new Random(50).nextBytes(block);
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] header = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);
            out.write(header);
            long left = SIZE - header.length;
            while (left > 0) {
                int n = (int) Math.min(left, block.length);
                out.write(block, 0, n);
                left -= n;
            }
        }
        if (Files.size(file) != SIZE) {
            throw new IllegalStateException("test file is " + Files.size(file) + " bytes");
        }
        Optional<FileType> type = new FileTypeDetector().detect(file, "upload-50mib.pdf");
        if (type.orElse(null) != FileType.PDF) {
            throw new IllegalStateException("test file judged " + type + ", not a PDF");
        }
        return file;
    }

    record Uploaded(String id, String sha256) {}

    /** One upload as a unit's user makes it; fails unless 201 with the whole file's size, judged a PDF. */
    Uploaded upload() throws IOException, InterruptedException {
        Map<?, ?> json = BenchHttp.JSON.readValue(http.upload(caseNumber, USER, "EVIDENCE", "bench-50mib",
                "upload-50mib.pdf", BodyPublishers.ofFile(pdf)), Map.class);
        if (((Number) json.get("size")).longValue() != SIZE || !"application/pdf".equals(json.get("contentType"))) {
            throw new IllegalStateException("upload stored as " + json);
        }
        return new Uploaded((String) json.get("id"), (String) json.get("sha256"));
    }

    /** Reads the whole file back, digesting it as it arrives; fails unless its SHA-256 is the upload's. */
    void download(Uploaded file) throws Exception {
        HttpResponse<InputStream> response = HTTP.send(
                request("/api/cases/" + caseNumber + "/files/" + file.id()).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long length = 0;
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; length += n) {
                digest.update(buffer, 0, n);
            }
        }
        String sha256 = HexFormat.of().formatHex(digest.digest());
        if (response.statusCode() != 200 || length != SIZE || !sha256.equals(file.sha256())) {
            throw new IllegalStateException("download of " + file + " → " + response.statusCode() + ", " + length
                    + " bytes, SHA-256 " + sha256);
        }
    }

    /**
     * The most the application's heap held during {@code count} simultaneous uploads, less what it held before them
     * (after a full GC), in MiB. Read over JMX: the test attaches to the application's JVM and starts its local
     * management agent, so it runs with exactly the production flags and needs no metrics account or extra port.
     * The JVM records each heap pool's peak whenever a collection starts or ends, so a peak cannot fall between two
     * polls (as with polling {@code jvm.memory.used} or {@code jcmd GC.heap_info}); the sum of the pools' peaks is at
     * worst a little above the heap's true peak (eden and the old generation need not peak at the same instant), an
     * error on the safe side. It includes the garbage eden holds until its next collection, that is up to the young
     * generation's size whatever an upload keeps.
     */
    double heapGrowthMiB(long pid, int count) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
        String address;
        try {
            address = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
            MBeanServerConnection server = jmx.getMBeanServerConnection();
            MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(server,
                    ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
            List<MemoryPoolMXBean> heap = ManagementFactory.getPlatformMXBeans(server, MemoryPoolMXBean.class)
                    .stream().filter(pool -> pool.getType() == MemoryType.HEAP).toList();
            memory.gc();
            long before = memory.getHeapMemoryUsage().getUsed();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);

            ExecutorService pool = Executors.newFixedThreadPool(count);
            try {
                List<Future<Uploaded>> uploads = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    uploads.add(pool.submit(this::upload));
                }
                for (Future<Uploaded> upload : uploads) {
                    upload.get(); // an upload that did not get its 201 fails the benchmark here
                }
            } finally {
                pool.shutdownNow();
            }
            long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.out.printf("BENCH-STEP upload-heap before %d MiB, peak %d MiB (%s)%n", before >> 20, peak >> 20,
                    String.join(", ", heap.stream().map(p -> p.getName() + " " + (p.getPeakUsage().getUsed() >> 20)
                            + "/" + (p.getPeakUsage().getCommitted() >> 20)).toList()));
            return (peak - before) / (1024.0 * 1024);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (USER + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
}
