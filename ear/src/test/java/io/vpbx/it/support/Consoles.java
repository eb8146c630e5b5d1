package io.vpbx.it.support;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console steps browser tests repeat: logging in, and driving PrimeFaces widgets the way a
 * person does (clicking the visible parts, never setting hidden inputs).
 */
public final class Consoles {
    private Consoles() {}

    public static void loginPlatform(Browser b, String login, String password) {
        b.go("/platform/login.xhtml")
                .type("loginForm:login", login)
                .type("loginForm:password", password)
                .submit("loginForm:submit")
                .waitForUrl("/platform/domains/list.xhtml");
    }

    public static void loginPool(Browser b, String login, String password) {
        b.go("/group/login.xhtml")
                .type("loginForm:login", login)
                .type("loginForm:password", password)
                .submit("loginForm:submit")
                .waitForUrl("/group/domains/list.xhtml");
    }

    public static void loginDomain(Browser b, String domain, String login, String password) {
        b.go("/domain/login.xhtml")
                .type("loginForm:login", login)
                .type("loginForm:password", password)
                .type("loginForm:domain", domain)
                .submit("loginForm:submit")
                .waitForUrl("/domain/info/basic.xhtml");
    }

    /**
     * As the logged-in operator: creates a pool with its first supervisor through the pools page.
     */
    public static void createPool(
            Browser b, String name, String supervisor, String email, String password) {
        b.go("/platform/pools/list.xhtml").click("poolsForm:newPool");
        b.type("newPoolForm:name", name)
                .type("newPoolForm:login", supervisor)
                .type("newPoolForm:displayName", "Супервизор " + supervisor)
                .type("newPoolForm:email", email)
                .type("newPoolForm:password", password)
                .type("newPoolForm:passwordRepeat", password);
        check(b, "newPoolForm:sendCredentials", false);
        b.click("newPoolForm:create").waitForText("«" + name + "»");
    }

    /** As the logged-in operator: creates a domain in a pool, with its admin {@code admin}. */
    public static void createDomain(
            Browser b,
            String sipDomain,
            String pool,
            String routingNumber,
            String adminEmail,
            String password) {
        b.go("/platform/domains/list.xhtml").click("domainsForm:newDomain");
        b.type("newDomainForm:sipDomain", sipDomain)
                .type("newDomainForm:displayName", "Компания " + sipDomain)
                .type("newDomainForm:companyName", "ООО «" + sipDomain + "»");
        choose(b, "newDomainForm:pool", pool);
        b.type("newDomainForm:routingNumber", routingNumber)
                .type("newDomainForm:adminName", "Админ " + sipDomain)
                .type("newDomainForm:adminEmail", adminEmail)
                .type("newDomainForm:adminPassword", password)
                .type("newDomainForm:adminPasswordRepeat", password);
        check(b, "newDomainForm:sendCredentials", false);
        b.click("newDomainForm:create").waitForText(sipDomain + " создан");
    }

    /** Ticks or unticks a PrimeFaces checkbox. */
    public static void check(Browser b, String id, boolean checked) {
        String done =
                b.act(
                        d -> {
                            WebElement box = d.findElement(By.id(id));
                            if (box.findElement(By.cssSelector("input")).isSelected() == checked) {
                                return "already";
                            }
                            WebElement visible = box.findElement(By.cssSelector(".ui-chkbox-box"));
                            ((org.openqa.selenium.JavascriptExecutor) d)
                                    .executeScript(
                                            "arguments[0].scrollIntoView({block: 'center'});",
                                            visible);
                            visible.click();
                            return "clicked";
                        });
        if (done.equals("clicked")) {
            b.waitForAjax();
        }
    }

    /**
     * Chooses an option of a PrimeFaces select-one menu by its visible label, as a person does:
     * open the menu, click the item, and check that the menu now shows it (retrying if a click fell
     * into the opening animation).
     */
    public static void choose(Browser b, String id, String label) {
        WebDriverWait wait = new WebDriverWait(b.driver(), java.time.Duration.ofSeconds(5));
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                WebElement shown = b.id(id + "_label");
                ((org.openqa.selenium.JavascriptExecutor) b.driver())
                        .executeScript("arguments[0].scrollIntoView({block: 'center'});", shown);
                shown.click();
                WebElement item =
                        wait.until(
                                ExpectedConditions.visibilityOfElementLocated(
                                        By.cssSelector(
                                                "[id='"
                                                        + id
                                                        + "_items'] li[data-label='"
                                                        + label
                                                        + "']")));
                wait.until(ExpectedConditions.elementToBeClickable(item)).click();
                b.waitForAjax();
                wait.until(ExpectedConditions.textToBe(By.id(id + "_label"), label));
                return;
            } catch (org.openqa.selenium.WebDriverException notYet) {
                // The click landed while the panel or a dialog's overlay was still animating (the
                // browser reports it as intercepted, not interactable or a timeout); try again.
            }
        }
        throw new AssertionError("could not choose '" + label + "' in " + id);
    }

    /** Types into a PrimeFaces number input (its visible part is {@code <id>_input}). */
    public static void typeNumber(Browser b, String id, long value) {
        WebElement input = b.id(id + "_input");
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"));
        input.sendKeys(org.openqa.selenium.Keys.DELETE);
        input.sendKeys(Long.toString(value));
    }
}
