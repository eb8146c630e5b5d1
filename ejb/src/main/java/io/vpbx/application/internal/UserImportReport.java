package io.vpbx.application.internal;

import io.vpbx.application.users.imports.CellProblem;
import io.vpbx.application.users.imports.CheckedRow;
import io.vpbx.application.users.imports.RowOutcome;
import io.vpbx.model.shared.Languages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An import's result as xlsx: every row of the file with its login and display name, whether it was
 * created, and why not. Rows the preview refused carry their cell errors; rows the job has not
 * reached yet have no result.
 */
final class UserImportReport {
    private UserImportReport() {}

    static byte[] write(List<CheckedRow> rows, List<RowOutcome> outcomes, Locale locale) {
        ResourceBundle labels =
                ResourceBundle.getBundle(
                        "io.vpbx.application.users.imports.ImportLabels",
                        Languages.supported(locale),
                        UserImportReport.class.getClassLoader(),
                        ResourceBundle.Control.getNoFallbackControl(
                                ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<Integer, RowOutcome> byRow =
                outcomes.stream()
                        .collect(Collectors.toMap(RowOutcome::rowNumber, Function.identity()));
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(labels.getString("sheet.name"));
            Row header = sheet.createRow(0);
            String[] columns = {
                "report.row",
                "userImport.column.login",
                "userImport.column.displayName",
                "userImport.column.extension",
                "report.result",
                "report.reason"
            };
            for (int i = 0; i < columns.length; i++) {
                header.createCell(i).setCellValue(labels.getString(columns[i]));
            }
            int n = 0;
            for (CheckedRow r : rows) {
                Row row = sheet.createRow(++n);
                row.createCell(0).setCellValue(r.row().rowNumber());
                row.createCell(1).setCellValue(r.row().login());
                row.createCell(2).setCellValue(r.row().displayName());
                row.createCell(3)
                        .setCellValue(r.extension() == null ? r.row().extension() : r.extension());
                if (!r.ready()) {
                    row.createCell(4).setCellValue(labels.getString("report.skipped"));
                    row.createCell(5)
                            .setCellValue(
                                    r.problems().stream()
                                            .filter(CellProblem::error)
                                            .map(p -> text(labels, p.messageKey(), p.arguments()))
                                            .collect(Collectors.joining("; ")));
                    continue;
                }
                RowOutcome o = byRow.get(r.row().rowNumber());
                if (o != null) {
                    row.createCell(4)
                            .setCellValue(
                                    labels.getString(
                                            o.created() ? "report.created" : "report.skipped"));
                    if (o.reasonKey() != null) {
                        row.createCell(5).setCellValue(text(labels, o.reasonKey(), List.of()));
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(ResourceBundle labels, String key, List<Object> arguments) {
        if (!labels.containsKey(key)) {
            return key;
        }
        return new MessageFormat(labels.getString(key), labels.getLocale())
                .format(arguments.toArray());
    }
}
