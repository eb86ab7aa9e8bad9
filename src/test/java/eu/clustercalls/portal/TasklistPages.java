package eu.clustercalls.portal;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import eu.clustercalls.Scenario;

/** Camunda Tasklist in a {@link Browser}: signing in and pressing its buttons. */
final class TasklistPages {

    private TasklistPages() {
    }

    /**
     * Signs in with Tasklist's own form, filled from the page's script: in headless Chromium its fields took no
     * keystrokes from chromedriver. Buttons are pressed the same way.
     */
    static void signIn(Browser browser, String user) {
        for (String[] field : new String[][] {{"username", user}, {"password", Scenario.PASSWORD}}) {
            WebElement input = browser.waitFor(d -> d.findElement(By.cssSelector(
                    "form[name=signinForm] input[ng-model=" + field[0] + "]")));
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];"
                    + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", input, field[1]);
        }
        click(browser, By.cssSelector("form[name=signinForm] button[type=submit]"));
        browser.waitFor(d -> d.findElements(By.cssSelector("form[name=signinForm]")).isEmpty() ? true : null);
    }

    static void click(Browser browser, By what) {
        WebElement element = browser.waitFor(d -> d.findElement(what));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click()", element);
    }
}
