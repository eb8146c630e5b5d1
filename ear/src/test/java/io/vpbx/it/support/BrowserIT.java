package io.vpbx.it.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * A browser test: each test gets a fresh headless Chromium ({@link #browser}), and leaves a
 * screenshot named after the class and test in the IT reports when it ends, passed or failed.
 */
public abstract class BrowserIT {
    protected Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open();
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        browser.screenshot(
                getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName());
        browser.close();
    }
}
