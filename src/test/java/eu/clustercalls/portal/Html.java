package eu.clustercalls.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/** Reads what a test needs from a rendered page: an element's tag by id, an attribute, a text. */
public final class Html {

    private Html() {
    }

    /** The opening tag of the element with that id, or null. */
    public static String tag(String body, String id) {
        Matcher tag = Pattern.compile("<[a-z]+\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(body);
        return tag.find() ? tag.group() : null;
    }

    /** The attribute's value in that tag (unescaped), or null if the tag has none. */
    public static String attribute(String tag, String name) {
        Matcher value = Pattern.compile("\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(tag);
        return value.find() ? HtmlUtils.htmlUnescape(value.group(1)) : null;
    }

    /** The text of the element with that id (which holds no other elements). */
    public static String text(String body, String id) {
        Matcher text = Pattern.compile("\\bid=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(body);
        return text.find() ? HtmlUtils.htmlUnescape(text.group(1)).strip() : null;
    }

    /** The ids of the form's visible inputs, selects and text areas. */
    public static List<String> fieldIds(String body) {
        List<String> ids = new ArrayList<>();
        Matcher field = Pattern.compile("<(input|select|textarea)\\b[^>]*>").matcher(body);
        while (field.find()) {
            if (!"hidden".equals(attribute(field.group(), "type"))) {
                ids.add(attribute(field.group(), "id"));
            }
        }
        return ids;
    }

    /** The error is next to the field, which is marked invalid and points to it. */
    public static void assertFieldError(String body, String field, String text) {
        assertThat(text(body, field + "-error")).as(field + "-error").isNotNull().contains(text);
        String input = tag(body, field);
        assertThat(input).as(field).isNotNull();
        assertThat(attribute(input, "aria-invalid")).as(field + " aria-invalid").isEqualTo("true");
        assertThat(attribute(input, "aria-describedby")).as(field + " aria-describedby").contains(field + "-error");
    }
}
