package eu.clustercalls.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** Reads what a test needs from a rendered page (with jsoup, as the dashboard's tests do). */
public final class Html {

    private Html() {
    }

    /** The element with that id, or null. */
    public static Element tag(String body, String id) {
        return Jsoup.parse(body).getElementById(id);
    }

    /** The attribute's value, or null if the element has none. */
    public static String attribute(Element element, String name) {
        return element.hasAttr(name) ? element.attr(name) : null;
    }

    /** The text of the element with that id, or null. */
    public static String text(String body, String id) {
        Element element = tag(body, id);
        return element == null ? null : element.text();
    }

    /** The ids of the form's visible inputs, selects and text areas ("" for a field without one). */
    public static List<String> fieldIds(String body) {
        return Jsoup.parse(body).select("input:not([type=hidden]), select, textarea").stream().map(Element::id).toList();
    }

    /** The error is next to the field, which is marked invalid and points to it. */
    public static void assertFieldError(String body, String field, String text) {
        assertThat(text(body, field + "-error")).as(field + "-error").isNotNull().contains(text);
        Element input = tag(body, field);
        assertThat(input).as(field).isNotNull();
        assertThat(attribute(input, "aria-invalid")).as(field + " aria-invalid").isEqualTo("true");
        assertThat(attribute(input, "aria-describedby")).as(field + " aria-describedby").contains(field + "-error");
    }
}
