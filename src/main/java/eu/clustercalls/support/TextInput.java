package eu.clustercalls.support;

import java.io.IOException;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * How the JSON API reads text fields. Only a JSON string is text: a number or {@code true} is a wrong type, not
 * "12345". A control character (other than tab and line breaks) is refused: nobody types one, and PostgreSQL cannot
 * store NUL at all ({@link ApiExceptionHandler} names the field). Text of nothing but spaces, of any kind, reads as
 * empty, so that a required field sees it missing.
 */
@Component
class TextInput extends SimpleModule {

    TextInput() {
        super("clustercalls-text-input");
        addDeserializer(String.class, new TextDeserializer());
    }

    private static final class TextDeserializer extends StdScalarDeserializer<String> {

        TextDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String text = parser.getText();
            if (FormValues.hasControlCharacter(text)) {
                return (String) context.handleWeirdStringValue(String.class, text, "contains a control character");
            }
            return text.isBlank() ? "" : text;
        }
    }
}
