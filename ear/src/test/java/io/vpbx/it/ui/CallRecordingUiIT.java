package io.vpbx.it.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.it.support.Browser;
import io.vpbx.it.support.BrowserIT;
import io.vpbx.it.support.Consoles;
import io.vpbx.it.support.DemoLogins;
import io.vpbx.it.support.Deployments;
import io.vpbx.it.support.ItSettings;
import io.vpbx.it.support.Names;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * «Запись разговоров» and the call history's player in a real browser, on the demo domain (users
 * 101 and 102): the domain default, bulk enabling with the counters, disabling for all behind its
 * confirmation; then a recorded call plays and downloads as MP3, and another domain's recording
 * answers 404 exactly like one that does not exist.
 */
@ExtendWith(ArquillianExtension.class)
class CallRecordingUiIT extends BrowserIT {
    private static final Pattern COUNTER =
            Pattern.compile("Запись разговоров включена для (\\d+) из (\\d+) пользователей");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.vpbxWithRecordingFixture();
    }

    @BeforeEach
    void loginAsDemoAdmin() {
        DemoLogins demo = DemoLogins.read();
        Consoles.loginDomain(
                browser, demo.domainName(), demo.domainAdminLogin(), demo.domainAdminPassword());
    }

    @Test
    void theAdminSetsTheDomainDefaultAndEnablesTwoUsersInBulk() {
        browser.click("menuRecording").waitForUrl("/domain/recording/settings.xhtml");
        int[] counter = counter();
        if (counter[0] > 0) {
            // The demo domain is shared by the browser tests, and another one (the call group
            // page's bulk bar) may have switched recording on for some users: start from nobody.
            browser.click("recordingForm:disableAll");
            browser.waitForText("Отключить запись разговоров для всех пользователей домена?");
            browser.click("disableAllForm:confirm")
                    .waitForText(
                            "Запись разговоров включена для 0 из " + counter[1] + " пользователей");
            counter = counter();
        }
        assertThat(counter[0]).isZero();
        int users = counter[1];
        assertThat(users).isGreaterThanOrEqualTo(2);

        Consoles.check(browser, "recordingForm:recordAllCalls", true);
        browser.waitForText("Теперь записываются все вызовы домена.");
        browser.go("/domain/recording/settings.xhtml");
        assertThat(
                        browser.driver()
                                .findElement(
                                        By.cssSelector("[id='recordingForm:recordAllCalls'] input"))
                                .isSelected())
                .isTrue();

        // The first two rows, whoever they are: other tests may add users to the demo domain.
        String firstRows = browser.find("[id='recordingForm:users_data']").getText();
        String first = firstRows.lines().findFirst().orElseThrow().strip().split("\\s+")[0];
        String second =
                firstRows.lines().skip(1).findFirst().orElseThrow().strip().split("\\s+")[0];
        Consoles.check(browser, "recordingForm:users:0:select", true);
        Consoles.check(browser, "recordingForm:users:1:select", true);
        browser.waitForText("Выбрано 2 из " + users + ", для них:");
        assertThat(browser.id("recordingForm:enableSelected").getText())
                .isEqualTo("Включить запись (2)");
        browser.click("recordingForm:enableSelected")
                .waitForText("Запись разговоров включена для 2 из " + users + " пользователей");
        assertThat(browser.all("#selectedCounter")).isEmpty();

        browser.act(
                d -> {
                    d.findElement(
                                    By.xpath(
                                            "//*[@id='recordingForm:filter']"
                                                    + "//*[contains(@class, 'ui-button')]"
                                                    + "[normalize-space() = 'Включена запись']"))
                            .click();
                    return true;
                });
        browser.waitForAjax();
        assertThat(browser.find("[id='recordingForm:users_data']").getText())
                .contains(first)
                .contains(second);

        browser.click("recordingForm:disableAll");
        browser.waitForText("Отключить запись разговоров для всех пользователей домена?");
        browser.click("disableAllForm:confirm")
                .waitForText("Запись разговоров включена для 0 из " + users + " пользователей");
        Consoles.check(browser, "recordingForm:recordAllCalls", false);
        browser.waitForText("Записываются только вызовы пользователей с включённой записью.");

        browser.click("menuHistory").waitForUrl("/domain/history/actions.xhtml");
        assertThat(browser.find("[id='historyForm:rows_data']").getText())
                .contains("Записывать все вызовы")
                .contains("Запись разговоров");
    }

    @Test
    void aRecordedCallPlaysAndDownloadsAsMp3FromTheCallHistory() throws Exception {
        DemoLogins demo = DemoLogins.read();
        long recordingId = fixture(Map.of("domain", demo.domainName(), "from", "101", "to", "102"));

        browser.click("menuCalls").waitForUrl("/domain/calls/history.xhtml");
        String row = "callsForm:calls:0:";
        browser.click(row + "play");
        browser.waitForAjax();
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        String src =
                browser.act(
                        d ->
                                (String)
                                        js.executeScript(
                                                "var a = document.getElementById('recordingAudio');"
                                                        + " return a.readyState >= 1 ? a.src : null;"));
        assertThat(src).endsWith("/domain/calls/recording?id=" + recordingId);
        Number seconds =
                browser.act(
                        d ->
                                (Number)
                                        js.executeScript(
                                                "var a = document.getElementById('recordingAudio');"
                                                        + " return isFinite(a.duration) && a.duration > 0"
                                                        + " ? a.duration : null;"));
        // The fixture recorded 2 s; the MP3 adds at most the encoder's padding.
        assertThat(seconds.doubleValue()).isBetween(1.7, 2.5);

        String href = browser.id(row + "download").getAttribute("href");
        Map<?, ?> download = fetch(href);
        assertThat(download.get("status")).isEqualTo(200L);
        assertThat((String) download.get("type")).isEqualTo("audio/mpeg");
        assertThat((String) download.get("disposition"))
                .matches("attachment; filename=\"call-\\d{8}-\\d{6}-101-102\\.mp3\"");
        assertThat(((Number) download.get("size")).longValue()).isGreaterThan(4000);
    }

    @Test
    void anotherDomainsRecordingIsNotFoundLikeAMissingOne() throws Exception {
        String token = Names.token();
        String pool = "Пул записи " + token;
        String other = "rec-" + token + ".test.vpbx";
        try (Browser operator = Browser.open()) {
            DemoLogins demo = DemoLogins.read();
            Consoles.loginPlatform(operator, demo.operatorLogin(), demo.operatorPassword());
            Consoles.createPool(operator, pool, "sup-" + token, Names.email("sup"), "abc123");
            Consoles.createDomain(operator, other, pool, "8301", Names.email("rec"), "abc123");
        }
        long foreign = fixture(Map.of("domain", other));

        String base = ItSettings.baseUrl() + "/domain/calls/recording?id=";
        Map<?, ?> theirs = fetch(base + foreign);
        Map<?, ?> nobodys = fetch(base + (foreign + 1_000_000));
        assertThat(theirs.get("status")).isEqualTo(404L);
        assertThat(nobodys.get("status")).isEqualTo(404L);
        assertThat(theirs.get("type")).isEqualTo(nobodys.get("type"));
        assertThat(fetch(base + foreign + "&download=1").get("status")).isEqualTo(404L);
    }

    /** The counter «включена для X из N»: {X, N}. */
    private int[] counter() {
        Matcher m = COUNTER.matcher(browser.id("recordingCounter").getText());
        assertThat(m.matches()).isTrue();
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    /** Fetches a URL inside the logged-in page (its session cookie) and reports what came back. */
    private Map<?, ?> fetch(String url) {
        Object result =
                ((JavascriptExecutor) browser.driver())
                        .executeAsyncScript(
                                "var done = arguments[arguments.length - 1];"
                                        + "fetch(arguments[0], {credentials: 'same-origin'})"
                                        + ".then(function (r) { return r.arrayBuffer().then(function (b) {"
                                        + "  done({status: r.status, type: r.headers.get('Content-Type'),"
                                        + "        disposition: r.headers.get('Content-Disposition'),"
                                        + "        size: b.byteLength}); }); })"
                                        + ".catch(function (e) { done({error: String(e)}); });",
                                url);
        return (Map<?, ?>) result;
    }

    /** Makes a recorded call in the server through the test-only fixture; its recording id. */
    private static long fixture(Map<String, String> parameters) throws Exception {
        StringBuilder query = new StringBuilder("seconds=2");
        parameters.forEach(
                (k, v) ->
                        query.append('&')
                                .append(k)
                                .append('=')
                                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        ItSettings.baseUrl()
                                                                + "/it-fixture/recorded-call?"
                                                                + query))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Long.parseLong(response.body().strip());
    }
}
