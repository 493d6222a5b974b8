package cn.shapotou.litigation.cases;

import cn.shapotou.litigation.casecore.CaseRegistry;
import cn.shapotou.litigation.identity.CurrentUser;
import cn.shapotou.litigation.identity.SystemAccess;
import cn.shapotou.litigation.units.UnitDirectory;
import cn.shapotou.litigation.web.ApiException;
import cn.shapotou.litigation.web.FieldError;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases}: the case register (案件台账, Art. 3) as JSON pages or, with {@code format=xlsx}, as the
 * workbook the Justice Bureau keeps, every matching case, written as it is read so that 50,000 cases need no more
 * memory than 500.
 */
@RestController
@RequestMapping("/api/cases")
public class CaseRegisterController {

    public static final int MAX_SIZE = 200;
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> COLUMNS = List.of("序号", "案号", "法院", "原告", "案由", "承办单位", "收案日期", "审级",
            "当前阶段", "下一期限", "逾期事项", "裁判结果", "是否败诉", "负责人出庭", "归档日期");
    /** Rows read, looked up and written at a time for the workbook. */
    private static final int BATCH = 500;
    /** Threads looking up batches while the request's thread writes (the production machine has two cores). */
    private static final int READERS = 2;
    /** Batches read ahead of the one being written: enough to keep both readers busy, little memory. */
    private static final int READ_AHEAD = 3;
    /** Rows the streaming workbook keeps in memory before it writes them to its temporary file. */
    private static final int WINDOW = 100;

    private final CaseRegister register;
    private final CurrentUser user;
    private final SystemAccess system;
    private final UnitDirectory units;

    public CaseRegisterController(CaseRegister register, CurrentUser user, SystemAccess system, UnitDirectory units) {
        this.register = register;
        this.user = user;
        this.system = system;
        this.units = units;
    }

    @GetMapping
    public Map<String, Object> list(@RequestParam Map<String, String> params, HttpServletResponse response)
            throws IOException {
        Request request = parse(params);
        List<String> groups = user.groups();
        if (request.xlsx()) {
            workbook(request, groups, response);
            return null;
        }
        long total = register.count(request.filter(), groups);
        List<CaseRegister.Row> rows = register.rows(request.filter(), groups, request.sort(),
                (long) request.page() * request.size(), request.size());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", total);
        body.put("page", request.page());
        body.put("size", request.size());
        body.put("items", system.call(() -> register.items(rows)));
        return body;
    }

    private void workbook(Request request, List<String> groups, HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.OK.value());
        cn.shapotou.litigation.web.Attachment.start(response, XLSX, "案件台账.xlsx");
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        try {
            SXSSFSheet sheet = workbook.createSheet("案件台账");
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            var head = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                Cell cell = head.createCell(c);
                cell.setCellValue(COLUMNS.get(c));
                cell.setCellStyle(header);
            }
            sheet.createFreezePane(0, 1);
            int[] widths = {6, 30, 26, 16, 20, 20, 12, 8, 20, 26, 30, 24, 8, 10, 12};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            int number = 0;
            // Each batch starts after the previous batch's last row (keyset), so that every row is read once. The
            // rows are cheap; looking up their stages, deadlines and decisions is what costs (README「性能基准」):
            // that runs for the next batches on other threads while this one writes, in the order of the rows.
            ExecutorService readers = Executors.newFixedThreadPool(READERS, runnable -> {
                Thread thread = new Thread(runnable, "register-workbook");
                thread.setDaemon(true);
                return thread;
            });
            try {
                Deque<Future<List<Map<String, Object>>>> pending = new ArrayDeque<>();
                CaseRegister.Row last = null;
                boolean more = true;
                while (more || !pending.isEmpty()) {
                    while (more && pending.size() < READ_AHEAD) {
                        List<CaseRegister.Row> rows = register.rowsAfter(request.filter(), groups, request.sort(),
                                last, BATCH);
                        more = rows.size() == BATCH;
                        if (!rows.isEmpty()) {
                            last = rows.get(rows.size() - 1);
                            pending.add(readers.submit(() -> system.call(() -> register.items(rows))));
                        }
                    }
                    if (pending.isEmpty()) {
                        break;
                    }
                    for (Map<String, Object> item : next(pending.poll())) {
                        number++;
                        var row = sheet.createRow(number);
                        List<String> values = cells(number, item);
                        for (int c = 0; c < values.size(); c++) {
                            if (values.get(c) != null) {
                                row.createCell(c).setCellValue(values.get(c));
                            }
                        }
                    }
                }
            } finally {
                // A client that went away stops the reading of batches nobody will write.
                readers.shutdownNow();
            }
            OutputStream out = response.getOutputStream();
            workbook.write(out);
            out.flush();
        } finally {
            workbook.close();
            workbook.dispose();
        }
    }

    /** A batch's rows as looked up on a reader thread; its failure is the export's failure. */
    private static List<Map<String, Object>> next(Future<List<Map<String, Object>>> batch) throws IOException {
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("案件台账导出被中断", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        }
    }

    /** One case as the workbook's columns show it, in the order of {@link #COLUMNS}. */
    @SuppressWarnings("unchecked")
    static List<String> cells(int number, Map<String, Object> item) {
        List<String> values = new ArrayList<>();
        values.add(String.valueOf(number));
        values.add(text(item.get("caseNumber")));
        values.add(text(item.get("court")));
        values.add(text(item.get("plaintiff")));
        values.add(text(item.get("causeOfAction")));
        values.add(text(item.get("leadUnitName") != null ? item.get("leadUnitName") : item.get("leadUnit")));
        values.add(text(item.get("receivedOn")));
        values.add(text(item.get("courtInstanceLabel")));
        values.add(text(item.get("stageLabel")));
        Map<String, Object> next = (Map<String, Object>) item.get("nextDeadline");
        values.add(next == null ? null : next.get("item") + "（" + next.get("due") + "）");
        List<Map<String, Object>> overdue = (List<Map<String, Object>>) item.get("overdueItems");
        values.add(overdue == null || overdue.isEmpty() ? null : String.join("；", overdue.stream()
                .map(o -> o.get("item") + "（" + o.get("due") + "）").toList()));
        values.add(text(item.get("outcomeLabel")));
        values.add(yesNo(item.get("loss")));
        values.add(yesNo(item.get("headAppeared")));
        values.add(text(item.get("archivedOn")));
        return values;
    }

    private static String yesNo(Object flag) {
        return flag instanceof Boolean b ? (b ? "是" : "否") : null;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    record Request(CaseRegister.Filter filter, CaseRegister.Sort sort, int page, int size, boolean xlsx) {}

    /** The query parameters, each refused in Chinese by its name when it cannot be understood. */
    Request parse(Map<String, String> params) {
        List<FieldError> errors = new ArrayList<>();
        String status = blankToNull(params.get("status"));
        if (status != null && !CaseRegistry.OPEN.equals(status) && !CaseRegistry.CLOSED.equals(status)) {
            errors.add(new FieldError("status", "案件状态只能是 OPEN（办理中）或 CLOSED（已归档）：" + status));
        }
        String unit = blankToNull(params.get("unit"));
        if (unit != null && !units.contains(unit)) {
            errors.add(new FieldError("unit", "单位不在单位目录中：" + unit));
        }
        Integer year = integer(params.get("year"), "year", "收案年度", 1990, 2100, errors);
        String overdueText = blankToNull(params.get("overdue"));
        if (overdueText != null && !"true".equals(overdueText) && !"false".equals(overdueText)) {
            errors.add(new FieldError("overdue", "是否只看逾期只能是 true 或 false：" + overdueText));
        }
        String q = blankToNull(params.get("q"));
        if (q != null && q.length() > 200) {
            errors.add(new FieldError("q", "检索词不能超过 200 个字"));
        }
        Integer page = integer(params.get("page"), "page", "页码", 0, 1_000_000, errors);
        Integer size = integer(params.get("size"), "size", "每页条数", 1, MAX_SIZE, errors);
        String sortText = blankToNull(params.get("sort"));
        CaseRegister.Sort sort = new CaseRegister.Sort("receivedOn", true);
        if (sortText != null) {
            String[] parts = sortText.split(",", -1);
            String field = parts[0].strip();
            String direction = parts.length > 1 ? parts[1].strip().toLowerCase() : "asc";
            if (parts.length > 2 || !CaseRegister.SORT_FIELDS.contains(field)
                    || !("asc".equals(direction) || "desc".equals(direction))) {
                errors.add(new FieldError("sort", "排序须为 receivedOn（收案日期）或 caseNumber（案号），"
                        + "可加 ,asc（升序）或 ,desc（降序），如 receivedOn,desc：" + sortText));
            } else {
                sort = new CaseRegister.Sort(field, "desc".equals(direction));
            }
        }
        String format = blankToNull(params.get("format"));
        if (format != null && !"json".equals(format) && !"xlsx".equals(format)) {
            errors.add(new FieldError("format", "导出格式只能是 json 或 xlsx：" + format));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, errors);
        }
        return new Request(new CaseRegister.Filter(status, unit, year, "true".equals(overdueText), q), sort,
                page == null ? 0 : page, size == null ? 50 : size, "xlsx".equals(format));
    }

    private static Integer integer(String text, String field, String label, int min, int max,
                                   List<FieldError> errors) {
        String value = blankToNull(text);
        if (value == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                errors.add(new FieldError(field, label + "须在 " + min + " 至 " + max + " 之间：" + value));
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, label + "须为整数：" + value));
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
