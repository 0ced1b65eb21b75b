package org.tfeval.instrument.expression;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON string literals for the browser's copy of skip logic, written by Jackson. Besides JSON's own
 * escapes, {@code <}, {@code >}, {@code &}, {@code '} and the line and paragraph separators are
 * written as {@code \\uXXXX}, so the JSON can stand inside an HTML {@code <script>} element or
 * attribute without ending it.
 */
final class JsonText {
    private static final ObjectMapper MAPPER = new ObjectMapper(
            new JsonFactoryBuilder().characterEscapes(new ScriptSafe()).build());

    private JsonText() {}

    /** The text as a quoted JSON string. */
    static String quote(String text) {
        try {
            return MAPPER.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string could not be written as JSON", e);
        }
    }

    private static final class ScriptSafe extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private static final int LINE_SEPARATOR = 0x2028;
        private static final int PARAGRAPH_SEPARATOR = 0x2029;

        private final int[] ascii;

        ScriptSafe() {
            ascii = standardAsciiEscapesForJSON();
            for (char c : new char[] {'<', '>', '&', '\''}) ascii[c] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == LINE_SEPARATOR || ch == PARAGRAPH_SEPARATOR) {
                return new SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }
}
