package cn.shapotou.litigation.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The benchmark's client: what Tasklist and an outside system send, over HTTP/1.1 with HTTP Basic. A call that does
 * not get the expected status fails the benchmark: a fast wrong answer measures nothing.
 */
final class BenchHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;

    BenchHttp(int port) {
        this.port = port;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    String get(String path, String user, int expected) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET(), user, expected);
    }

    String post(String path, String user, Object body, int expected) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)),
                user, expected);
    }

    /**
     * A paper put in the case file as a browser sends it: {@code multipart/form-data} with its category, its title and
     * the file, whose bytes are streamed from {@code content}. The JSON of the stored file.
     */
    String upload(String caseNumber, String user, String category, String title, String fileName,
                  HttpRequest.BodyPublisher content) throws IOException, InterruptedException {
        String boundary = "bench-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"category\"\r\n\r\n" + category + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"title\"\r\n\r\n" + title + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        return send(HttpRequest.newBuilder(uri("/api/cases/" + caseNumber + "/files"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString(head, StandardCharsets.UTF_8), content,
                        HttpRequest.BodyPublishers.ofString(tail))), user, 201);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> getList(String path, String user) throws IOException, InterruptedException {
        return JSON.readValue(get(path, user, 200), List.class);
    }

    /** The id of the one open task {@code user} may see of this case at this step (the engine's authorization decides). */
    String task(String user, String query) throws IOException, InterruptedException {
        List<Map<String, Object>> found = getList("/engine-rest/task?" + query, user);
        if (found.size() != 1) {
            throw new IllegalStateException(query + " for " + user + ": " + found.size() + " tasks");
        }
        return (String) found.get(0).get("id");
    }

    /** Completes a task as Tasklist does: the form's fields as typed variables, lists as JSON. */
    void complete(String user, String taskId, Map<String, Object> values) throws IOException, InterruptedException {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (Map.Entry<String, Object> v : values.entrySet()) {
            variables.put(v.getKey(), v.getValue() instanceof List<?> list
                    ? Map.of("value", JSON.writeValueAsString(list), "type", "Json") : Map.of("value", v.getValue()));
        }
        post("/engine-rest/task/" + taskId + "/complete", user, Map.of("variables", variables), 204);
    }

    /** A GET whose body (a workbook, a file) goes to {@code target} as it arrives; its size in bytes. */
    long download(String path, String user, java.nio.file.Path target) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).GET().header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofMinutes(10)).build();
        HttpResponse<java.nio.file.Path> response = HTTP.send(request, HttpResponse.BodyHandlers.ofFile(target));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " → " + response.statusCode() + ": "
                    + java.nio.file.Files.readString(target));
        }
        return java.nio.file.Files.size(target);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String send(HttpRequest.Builder request, String user, int expected)
            throws IOException, InterruptedException {
        request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (user + ":demo").getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(120)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.request().uri() + " → " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }
}
