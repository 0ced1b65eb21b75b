package org.tfeval.web;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A case file's coding page in a browser test, entered the way a coder does with the mouse and keys. */
final class CodingPage {
    /** Longer than the record form's 600 ms typing delay, so a pending save has started. */
    private static final long TYPING_DELAY_MILLIS = 900;

    private final WebDriver driver;
    private final WebDriverWait wait;

    CodingPage(WebDriver driver, WebDriverWait wait) {
        this.driver = driver;
        this.wait = wait;
    }

    /** Waits until no htmx request is in flight and the last save has answered. */
    void settle() {
        idle();
        try {
            Thread.sleep(TYPING_DELAY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        idle();
    }

    private void idle() {
        wait.until(d -> (Boolean)
                ((JavascriptExecutor) d).executeScript("return document.querySelector('.htmx-request') === null"));
    }

    /** The last record form of the page. */
    long lastRecordId() {
        List<WebElement> forms = driver.findElements(By.cssSelector("form.record-form"));
        String id = forms.get(forms.size() - 1).getAttribute("id");
        return Long.parseLong(id.substring("form-".length()));
    }

    /** Enters values field by field (choosing codes, clicking a yes/no row's radio, typing text), then settles. */
    void fill(long record, Map<String, String> values) {
        for (Map.Entry<String, String> e : values.entrySet()) {
            List<WebElement> found = driver.findElements(By.id("i-" + record + "-" + e.getKey()));
            if (found.isEmpty() || !found.get(0).isEnabled()) continue; // not applicable by skip logic
            WebElement input = found.get(0);
            String type = input.getAttribute("type");
            if (input.getTagName().equals("select")) {
                new Select(input).selectByValue(e.getValue());
            } else if ("radio".equals(type) || "checkbox".equals(type)) {
                driver.findElement(By.cssSelector(
                                "#form-" + record + " [name='" + e.getKey() + "'][value='" + e.getValue() + "']"))
                        .click();
            } else {
                input.clear();
                input.sendKeys(e.getValue());
            }
        }
        driver.findElement(By.tagName("h1")).click();
        settle();
    }
}
