package io.vpbx.it.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.it.support.BrowserIT;
import io.vpbx.it.support.Consoles;
import io.vpbx.it.support.DemoLogins;
import io.vpbx.it.support.Deployments;
import io.vpbx.it.support.Names;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * «Импорт пользователей» in a real browser, end to end: the template downloads as a real xlsx, an
 * uploaded xlsx with bad rows shows the counters and each bad cell's reason, «Создать» runs the job
 * while the progress bar climbs to 100 %, the created/skipped counters and the downloaded report
 * name every row, and the new users are in the list.
 */
@ExtendWith(ArquillianExtension.class)
class UserImportUiIT extends BrowserIT {
    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.vpbx();
    }

    private Path downloads;

    @BeforeEach
    void allowDownloads() throws Exception {
        downloads = Files.createTempDirectory("vpbx-import-downloads-");
        ((ChromeDriver) browser.driver())
                .executeCdpCommand(
                        "Browser.setDownloadBehavior",
                        Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    }

    @Test
    void anXlsxWithBadRowsIsPreviewedImportedWithProgressAndReported() throws Exception {
        DemoLogins demo = DemoLogins.read();
        String t = Names.token();
        int base = ThreadLocalRandom.current().nextInt(700, 990) * 100;
        Consoles.loginDomain(
                browser, demo.domainName(), demo.domainAdminLogin(), demo.domainAdminPassword());
        browser.go("/domain/users/import.xhtml");

        // The template link: a real xlsx with the seven columns.
        browser.click("templateForm:xlsxTemplate");
        Path template = awaitDownload("users-import.xlsx");
        try (InputStream in = Files.newInputStream(template);
                Workbook book = WorkbookFactory.create(in)) {
            Row header = book.getSheetAt(0).getRow(0);
            assertThat(header.getLastCellNum()).isEqualTo((short) 7);
            assertThat(new DataFormatter().formatCellValue(header.getCell(0))).isEqualTo("Логин");
        }

        // Three good rows, a login without a letter and a bad e-mail.
        Path file = downloads.resolve("people-" + t + ".xlsx");
        writeXlsx(
                file,
                List.of(
                        List.of("Логин", "Пароль", "Имя", "Номер", "Группы", "АОН", "Email"),
                        List.of(
                                "ia" + t,
                                "Abcdefg1",
                                "Импорт А " + t,
                                "" + (base + 1),
                                "Отдел",
                                "",
                                ""),
                        List.of(
                                "ib" + t,
                                "Abcdefg2",
                                "Импорт Б " + t,
                                "" + (base + 2),
                                "Отдел",
                                "",
                                ""),
                        List.of(
                                "ic" + t,
                                "Abcdefg3",
                                "Импорт В " + t,
                                "" + (base + 3),
                                "Отдел",
                                "",
                                ""),
                        List.of(
                                "12345",
                                "Abcdefg4",
                                "Без буквы " + t,
                                "" + (base + 4),
                                "Отдел",
                                "",
                                ""),
                        List.of(
                                "ie" + t,
                                "Abcdefg5",
                                "Почта " + t,
                                "" + (base + 5),
                                "Отдел",
                                "",
                                "not-an-email")));
        // The skinned file input is hidden behind its button, as for a person's file dialog.
        browser.driver()
                .findElement(By.cssSelector("[id='uploadForm'] input[type=file]"))
                .sendKeys(file.toString());
        browser.submit("uploadForm:check").waitForText("Список пользователей с ошибками");
        assertThat(browser.id("inFile").getText()).isEqualTo("5");
        assertThat(browser.id("ready").getText()).isEqualTo("3");
        assertThat(browser.id("withErrors").getText()).isEqualTo("2");
        String errors = browser.find("[id='previewForm:errors_data']").getText();
        assertThat(errors)
                .contains("12345")
                .contains("Логин должен содержать хотя бы одну букву")
                .contains("not-an-email")
                .contains("Некорректный адрес электронной почты")
                .doesNotContain("ia" + t);

        browser.click("previewForm:start");
        new WebDriverWait(browser.driver(), Duration.ofMinutes(2))
                .until(
                        d ->
                                "100"
                                        .equals(
                                                d.findElement(By.id("progressForm:progress"))
                                                        .getAttribute("aria-valuenow")));
        browser.waitForText("Создано");
        assertThat(browser.id("created").getText()).isEqualTo("3");
        assertThat(browser.id("skipped").getText()).isEqualTo("0");
        assertThat(browser.find("[id='progressForm:progress']").getText()).contains("100%");

        browser.click("progressForm:report");
        Path report = awaitDownload("users-import-report.xlsx");
        List<String> lines = new ArrayList<>();
        try (InputStream in = Files.newInputStream(report);
                Workbook book = WorkbookFactory.create(in)) {
            DataFormatter format = new DataFormatter();
            for (Row row : book.getSheetAt(0)) {
                StringBuilder line = new StringBuilder();
                for (Cell cell : row) {
                    line.append(format.formatCellValue(cell)).append('|');
                }
                lines.add(line.toString());
            }
        }
        assertThat(lines).hasSize(6);
        assertThat(lines)
                .anyMatch(l -> l.contains("ia" + t) && l.contains("Создан|"))
                .anyMatch(l -> l.contains("ib" + t) && l.contains("Создан|"))
                .anyMatch(l -> l.contains("ic" + t) && l.contains("Создан|"))
                .anyMatch(l -> l.contains("12345") && l.contains("Пропущен|"))
                .anyMatch(l -> l.contains("ie" + t) && l.contains("Пропущен|"));

        browser.go("/domain/users/list.xhtml");
        browser.type("usersForm:search", t);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(
                        d ->
                                d.findElement(By.tagName("body")).getText().contains("ic" + t)
                                        && d.findElement(By.tagName("body"))
                                                .getText()
                                                .contains("ia" + t));
        String list = browser.bodyText();
        assertThat(list).contains("ia" + t, "ib" + t, "ic" + t).doesNotContain("ie" + t);
    }

    private Path awaitDownload(String name) {
        Path file = downloads.resolve(name);
        Awaitility.await("download " + name)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> Files.isRegularFile(file) && Files.size(file) > 0);
        return file;
    }

    private static void writeXlsx(Path file, List<List<String>> rows) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = book.createSheet("users");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            book.write(out);
        }
    }
}
