package io.vpbx.application.users.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

class ImportTemplateTest {
    private static final List<String> RUSSIAN =
            List.of(
                    "Логин",
                    "Пароль",
                    "Отображаемое имя",
                    "Внутренний номер",
                    "Названия групп",
                    "АОН для исходящих вызовов",
                    "Email");

    @Test
    void xlsxTemplateHasExactlyTheSevenRussianHeadersInOrderAndNoData() throws IOException {
        // AT-20
        byte[] file = ImportTemplate.write(ImportTemplate.Format.XLSX, Locale.forLanguageTag("ru"));
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(file))) {
            Row header = wb.getSheetAt(0).getRow(0);
            List<String> cells = new ArrayList<>();
            for (Cell c : header) {
                cells.add(c.getStringCellValue());
            }
            assertThat(cells).isEqualTo(RUSSIAN);
            assertThat(wb.getSheetAt(0).getLastRowNum()).isZero();
        }
        assertThat(new ImportFileReader().read("t.xlsx", file)).isEmpty();
    }

    @Test
    void csvTemplateHasExactlyTheSevenHeadersInTheUsersLanguage() {
        byte[] ru = ImportTemplate.write(ImportTemplate.Format.CSV, Locale.forLanguageTag("ru"));
        String text = new String(ru, 3, ru.length - 3, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).isEqualTo(String.join(";", RUSSIAN) + "\r\n");
        assertThat(ImportTemplate.headers(Locale.ENGLISH))
                .containsExactly(
                        "Login",
                        "Password",
                        "Display name",
                        "Extension",
                        "Group names",
                        "Outgoing CLI",
                        "Email");
        assertThat(new ImportFileReader().read("t.csv", ru)).isEmpty();
    }

    @Test
    void aFilledInTemplateReadsBack() {
        String filled =
                new String(
                                ImportTemplate.write(ImportTemplate.Format.CSV, Locale.ENGLISH),
                                java.nio.charset.StandardCharsets.UTF_8)
                        + "ivanov;Abcdefg1;Иван;3040;G;;\r\n";
        assertThat(
                        new ImportFileReader()
                                .read(
                                        "t.csv",
                                        filled.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .extracting(ImportRow::login)
                .containsExactly("ivanov");
    }
}
