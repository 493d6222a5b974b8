package cn.shapotou.litigation.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The annual report as an Excel workbook ({@code &format=xlsx}, README「接口」): the rows of the CSV
 * ({@link AnnualReportCsv#rows}), one sheet, each table's heading in bold, plain numbers as numbers so that the Justice
 * Bureau can sum and chart them for the 法治政府建设情况报告 (《办法》第十九条).
 */
final class AnnualReportXlsx {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private AnnualReportXlsx() {}

    static byte[] write(int year, Map<String, Object> report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(year + "年度行政应诉统计");
            CellStyle heading = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            heading.setFont(bold);
            List<List<String>> rows = AnnualReportCsv.rows(report);
            boolean tableStarts = true;
            for (int r = 0; r < rows.size(); r++) {
                List<String> cells = rows.get(r);
                Row row = sheet.createRow(r);
                for (int c = 0; c < cells.size(); c++) {
                    String text = cells.get(c);
                    var cell = row.createCell(c);
                    if (!tableStarts && text.matches("-?[0-9]+(\\.[0-9]+)?")) {
                        cell.setCellValue(Double.parseDouble(text));
                    } else {
                        // A text cell is never evaluated as a formula, whatever it starts with.
                        cell.setCellValue(text);
                    }
                    if (tableStarts) {
                        cell.setCellStyle(heading);
                    }
                }
                tableStarts = cells.isEmpty();
            }
            sheet.setColumnWidth(0, 40 * 256);
            for (int c = 1; c < 7; c++) {
                sheet.setColumnWidth(c, 16 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
