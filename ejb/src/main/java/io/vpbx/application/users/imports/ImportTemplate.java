package io.vpbx.application.users.imports;

import io.vpbx.model.shared.Languages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The empty file an admin downloads and fills in (BR-20, BR-21): one header row with the seven
 * columns A–G in the admin's language, nothing else. Every column is formatted as text in the xlsx,
 * so that Excel keeps an extension's leading zero and does not turn a CLI into 4.95E+09.
 */
public final class ImportTemplate {
    /** The template's file formats. */
    public enum Format {
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        CSV("csv", "text/csv; charset=UTF-8");

        private final String extension;
        private final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }

        public String fileName() {
            return "users-import." + extension;
        }

        public String contentType() {
            return contentType;
        }
    }

    private ImportTemplate() {}

    /** The seven headers in the given language, in column order. */
    public static List<String> headers(Locale locale) {
        ResourceBundle labels = labels(locale);
        return Stream.of(ImportColumn.values()).map(c -> labels.getString(c.messageKey())).toList();
    }

    public static byte[] write(Format format, Locale locale) {
        return switch (format) {
            case XLSX -> xlsx(locale);
            case CSV -> csv(locale);
        };
    }

    private static byte[] csv(Locale locale) {
        // UTF-8 with a BOM and ';', which is what Excel in a Russian locale opens without asking;
        // the reader accepts ',' and Windows-1251 as well.
        String header = String.join(";", headers(locale)) + "\r\n";
        byte[] text = header.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[text.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(text, 0, out, 3, text.length);
        return out;
    }

    private static byte[] xlsx(Locale locale) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(labels(locale).getString("sheet.name"));
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            bold.setDataFormat(text.getDataFormat());
            Row header = sheet.createRow(0);
            List<String> headers = headers(locale);
            for (int i = 0; i < headers.size(); i++) {
                header.createCell(i).setCellValue(headers.get(i));
                header.getCell(i).setCellStyle(bold);
                sheet.setDefaultColumnStyle(i, text);
                sheet.setColumnWidth(i, 24 * 256);
            }
            sheet.createFreezePane(0, 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResourceBundle labels(Locale locale) {
        return ResourceBundle.getBundle(
                "io.vpbx.application.users.imports.ImportLabels",
                Languages.supported(locale),
                ImportTemplate.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
