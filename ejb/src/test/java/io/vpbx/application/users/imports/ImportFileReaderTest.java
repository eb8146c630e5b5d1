package io.vpbx.application.users.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpbx.application.users.imports.ImportFileRejected.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ImportFileReaderTest {
    private static final String HEADER =
            "Логин;Пароль;Отображаемое имя;Внутренний номер;Названия групп;АОН;Email\n";

    private final ImportFileReader reader = new ImportFileReader();

    private static byte[] workbook(Workbook wb, Object[]... rows) throws IOException {
        try (wb) {
            Sheet sheet = wb.createSheet();
            Row header = sheet.createRow(0);
            for (ImportColumn c : ImportColumn.values()) {
                header.createCell(c.ordinal()).setCellValue(c.name());
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(c).setCellValue((String) v);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void readsXlsxRowsWithNumericCellsAsTypedAndSkipsTheHeaderAndBlankRows() throws IOException {
        byte[] file =
                workbook(
                        new XSSFWorkbook(),
                        new Object[] {
                            "ivanov", "Abcdefg1", "Иван", 3040, "Операторы", 4950001122L, null
                        },
                        new Object[] {null, null, null},
                        new Object[] {"petrov", "Abcdefg1", "Пётр", null, "G", null, "p@x.ru"});
        List<ImportRow> rows = reader.read("users.XLSX", file);
        assertThat(rows)
                .containsExactly(
                        new ImportRow(
                                2,
                                "ivanov",
                                "Abcdefg1",
                                "Иван",
                                "3040",
                                "Операторы",
                                "4950001122",
                                ""),
                        new ImportRow(4, "petrov", "Abcdefg1", "Пётр", "", "G", "", "p@x.ru"));
    }

    @Test
    void readsXls() throws IOException {
        byte[] file =
                workbook(new HSSFWorkbook(), new Object[] {"ivanov", "Abcdefg1", "Иван", "010"});
        assertThat(reader.read("users.xls", file))
                .extracting(ImportRow::login, ImportRow::extension)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ivanov", "010"));
    }

    @Test
    void readsSemicolonCsvInUtf8WithBomAndQuotedCells() {
        String csv =
                "\uFEFF"
                        + HEADER
                        + "ivanov;\"Ab\"\"c;d1\";\"Иванов; Иван\";3040;\"Операторы, Администрация\";;\r\n"
                        + "\n"
                        + "petrov;Abcdefg1;Пётр;;G;;p@x.ru";
        List<ImportRow> rows = reader.read("u.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(rows)
                .containsExactly(
                        new ImportRow(
                                2,
                                "ivanov",
                                "Ab\"c;d1",
                                "Иванов; Иван",
                                "3040",
                                "Операторы, Администрация",
                                "",
                                ""),
                        new ImportRow(4, "petrov", "Abcdefg1", "Пётр", "", "G", "", "p@x.ru"));
    }

    @Test
    void readsCommaCsvInWindows1251AsExcelSavesIt() {
        String csv = "login,password,name,ext,groups,cli,email\nivanov,\"Ab,c1234\",Иван,,G,,\n";
        List<ImportRow> rows = reader.read("u.csv", csv.getBytes(Charset.forName("windows-1251")));
        assertThat(rows)
                .containsExactly(new ImportRow(2, "ivanov", "Ab,c1234", "Иван", "", "G", "", ""));
    }

    @Test
    void tenThousandRowsAreReadAndTenThousandAndOneAreRejected() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < ImportFileReader.MAX_ROWS; i++) {
            csv.append("u").append(i).append(";Abcdefg1;U;;G;;\n");
        }
        assertThat(reader.read("u.csv", csv.toString().getBytes(StandardCharsets.UTF_8)))
                .hasSize(10_000);
        csv.append("over;Abcdefg1;U;;G;;\n");
        assertThatThrownBy(
                        () -> reader.read("u.csv", csv.toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        ImportFileRejected.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_ROWS);
                            assertThat(e.messageKey()).isEqualTo("userImport.rejected.tooManyRows");
                        });
    }

    @Test
    void aFileOverTheSizeLimitIsRejectedBeforeReading() {
        ImportFileReader small = new ImportFileReader(10, 100);
        assertThat(reason(() -> small.read("u.csv", new byte[101]))).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void emptyUnknownTypeAndCorruptFilesAreRejectedWithTheirReason() {
        assertThat(reason(() -> reader.read("u.csv", new byte[0]))).isEqualTo(Reason.EMPTY);
        assertThat(reason(() -> reader.read("u.pdf", "x".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(Reason.UNSUPPORTED_TYPE);
        byte[] garbage = "this is not a spreadsheet".getBytes(StandardCharsets.UTF_8);
        assertThat(reason(() -> reader.read("u.xlsx", garbage))).isEqualTo(Reason.CORRUPT);
        assertThat(reason(() -> reader.read("u.xls", garbage))).isEqualTo(Reason.CORRUPT);
        assertThat(reason(() -> reader.read("u.csv", "a;\"open".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(Reason.CORRUPT);
    }

    @Test
    void aTruncatedXlsxIsCorrupt() throws IOException {
        byte[] file = workbook(new XSSFWorkbook(), new Object[] {"ivanov", "Abcdefg1", "I"});
        byte[] half = Arrays.copyOf(file, file.length / 2);
        assertThat(reason(() -> reader.read("u.xlsx", half))).isEqualTo(Reason.CORRUPT);
    }

    @Test
    void anXlsxZipBombIsRefusedWithoutInflatingIt() throws IOException {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] spaces = new byte[1024 * 1024];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 200; i++) {
                zip.write(spaces);
            }
        }
        assertThat(bomb.size()).isLessThan((int) ImportFileReader.MAX_BYTES);
        assertThat(reason(() -> reader.read("bomb.xlsx", bomb.toByteArray())))
                .isEqualTo(Reason.CORRUPT);
    }

    private static Reason reason(Runnable read) {
        try {
            read.run();
        } catch (ImportFileRejected rejected) {
            return rejected.reason();
        }
        throw new AssertionError("the file was not rejected");
    }
}
