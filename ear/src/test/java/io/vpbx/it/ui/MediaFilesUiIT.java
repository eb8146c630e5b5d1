package io.vpbx.it.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.it.support.BrowserIT;
import io.vpbx.it.support.Consoles;
import io.vpbx.it.support.DemoLogins;
import io.vpbx.it.support.Deployments;
import io.vpbx.it.support.Names;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * «Приветствия и музыка» in a real browser: the demo domain's admin uploads a WAV, sees it listed
 * with its converted length, can fetch it for the player, makes it the music on hold and deletes it
 * again after choosing the built-in music.
 */
@ExtendWith(ArquillianExtension.class)
class MediaFilesUiIT extends BrowserIT {
    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.vpbx();
    }

    @TempDir Path tmp;

    /** Two seconds of 440 Hz, 16 kHz mono 16-bit PCM. */
    private Path toneWav(String fileName) throws Exception {
        int rate = 16000;
        ByteArrayOutputStream wav = new ByteArrayOutputStream();
        int frames = 2 * rate;
        wav.writeBytes("RIFF".getBytes());
        le(wav, 36 + frames * 2, 4);
        wav.writeBytes("WAVEfmt ".getBytes());
        le(wav, 16, 4);
        le(wav, 1, 2);
        le(wav, 1, 2);
        le(wav, rate, 4);
        le(wav, rate * 2, 4);
        le(wav, 2, 2);
        le(wav, 16, 2);
        wav.writeBytes("data".getBytes());
        le(wav, frames * 2, 4);
        for (int i = 0; i < frames; i++) {
            le(wav, (short) (10000 * Math.sin(2 * Math.PI * 440 * i / rate)), 2);
        }
        Path file = tmp.resolve(fileName);
        Files.write(file, wav.toByteArray());
        return file;
    }

    private static void le(ByteArrayOutputStream out, int v, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((v >> (8 * i)) & 0xFF);
        }
    }

    /** The HTTP status and content type the browser gets for a URL, fetched with its session. */
    @SuppressWarnings("unchecked")
    private List<Object> fetch(String url) {
        return (List<Object>)
                ((JavascriptExecutor) browser.driver())
                        .executeAsyncScript(
                                "const done = arguments[arguments.length - 1];"
                                        + "fetch(arguments[0]).then(r => done([r.status,"
                                        + " r.headers.get('Content-Type') || '']));",
                                url);
    }

    @Test
    void theAdminUploadsAWavListensToItAndMakesItTheMusicOnHold() throws Exception {
        DemoLogins demo = DemoLogins.read();
        String name = "Мелодия " + Names.token();
        Path wav = toneWav("hold-music.wav");

        Consoles.loginDomain(
                browser, demo.domainName(), demo.domainAdminLogin(), demo.domainAdminPassword());
        browser.click("menuMedia").waitForUrl("/domain/media/files.xhtml");
        assertThat(browser.bodyText()).contains("Музыка на удержании для домена");

        browser.type("uploadForm:name", name);
        fileInput().sendKeys(wav.toString());
        browser.click("uploadForm:send").waitForText("Файл «" + name + "» загружен.");

        String table = browser.find("[id='filesForm:music_data']").getText();
        assertThat(table)
                .contains(name)
                .contains("hold-music.wav")
                .contains("0:02")
                .contains("32 КБ");

        WebElement player = browser.find("[id='filesForm:music_data'] audio");
        String src = player.getAttribute("src");
        assertThat(src).contains("/domain/media/file?id=");
        assertThat(fetch(src)).containsExactly((Object) 200L, "audio/wav");
        assertThat(fetch(src.replaceAll("id=\\d+", "id=999999999")).get(0)).isEqualTo(404L);

        Consoles.choose(browser, "mohForm:musicOnHold", name);
        browser.click("mohForm:saveMusicOnHold").waitForText("Музыка на удержании сохранена.");
        assertThat(browser.find("[id='filesForm:music_data']").getText())
                .contains("(сейчас на удержании)");

        int row = rowOf(name);
        browser.click("filesForm:music:" + row + ":delete")
                .waitForText("Удалить файл «" + name + "»?");
        browser.click("deleteForm:confirm").waitForText("звучит на удержании в домене");

        Consoles.choose(browser, "mohForm:musicOnHold", "Встроенная мелодия");
        browser.click("mohForm:saveMusicOnHold").waitForText("Музыка на удержании сохранена.");
        browser.click("filesForm:music:" + rowOf(name) + ":delete")
                .waitForText("Удалить файл «" + name + "»?");
        browser.click("deleteForm:confirm").waitForText("Файл «" + name + "» удалён.");
        assertThat(browser.find("[id='filesForm:music_data']").getText()).doesNotContain(name);
    }

    @Test
    void aTextFileIsRefusedWithATranslatedMessage() throws Exception {
        DemoLogins demo = DemoLogins.read();
        Path text = tmp.resolve("notes.wav");
        Files.writeString(text, "This is not audio, whatever its name says.");

        Consoles.loginDomain(
                browser, demo.domainName(), demo.domainAdminLogin(), demo.domainAdminPassword());
        browser.click("menuMedia").waitForUrl("/domain/media/files.xhtml");
        fileInput().sendKeys(text.toString());
        browser.click("uploadForm:send").waitForText("Это не файл WAV или MP3");
        assertThat(browser.find("[id='filesForm:music_data']").getText()).doesNotContain("notes");
    }

    private WebElement fileInput() {
        return browser.driver().findElement(By.cssSelector("input[type='file']"));
    }

    private int rowOf(String name) {
        List<WebElement> rows = browser.all("[id='filesForm:music_data'] > tr");
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).getText().contains(name)) {
                return i;
            }
        }
        throw new AssertionError(name + " is not listed");
    }
}
