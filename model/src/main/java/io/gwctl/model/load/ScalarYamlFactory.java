package io.gwctl.model.load;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * A YAML factory whose parsers type the most common plain scalars (words and decimal integers) without
 * SnakeYAML's implicit-type regular expressions, which Jackson otherwise runs on every value: a tenth of the
 * loader's parse time. Every other scalar goes the usual way, so the tokens are the same as Jackson's.
 */
final class ScalarYamlFactory extends YAMLFactory {
    private static final long serialVersionUID = 1L;
    /**
     * SnakeYAML's default resolver ({@code Resolver.addImplicitResolvers}) only tries its patterns on a value whose
     * first character is one of these (bool and null words start with these letters); a longer value starting
     * with any other character is a string.
     */
    private static final String RESOLVED_LETTERS = "yYnNtTfFoO";
    /** Longer than any bool ({@code false}) or null ({@code null}) word that the patterns match. */
    private static final int LONGEST_WORD = 5;
    /** Well below SnakeYAML's default resolver limit, and short enough for a long. */
    private static final int MAX_DIGITS = 18;

    ScalarYamlFactory(YAMLFactoryBuilder builder) {
        super(builder);
    }

    @Override
    protected YAMLParser _createParser(Reader r, IOContext ctxt) throws IOException {
        return new Parser(ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, r);
    }

    /** How SnakeYAML's default resolver would type a plain scalar, when that is known without a pattern. */
    enum Shortcut { STRING, INTEGER, NONE }

    static Shortcut shortcut(String value) {
        int len = value.length();
        if (len == 0) {
            return Shortcut.NONE;
        }
        char c = value.charAt(0);
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
            return len > LONGEST_WORD || RESOLVED_LETTERS.indexOf(c) < 0 ? Shortcut.STRING : Shortcut.NONE;
        }
        // A decimal integer without a leading zero (YAML 1.1 reads 0755 as octal) matches the int pattern first.
        if (c < '1' || c > '9' || len > MAX_DIGITS) {
            return Shortcut.NONE;
        }
        for (int i = 1; i < len; i++) {
            char d = value.charAt(i);
            if (d < '0' || d > '9') {
                return Shortcut.NONE;
            }
        }
        return Shortcut.INTEGER;
    }

    private static final class Parser extends YAMLParser {
        Parser(IOContext ctxt, int parserFeatures, int formatFeatures, org.yaml.snakeyaml.LoaderOptions loaderOptions,
                com.fasterxml.jackson.core.ObjectCodec codec, Reader reader) {
            super(ctxt, parserFeatures, formatFeatures, loaderOptions, codec, reader);
        }

        @Override
        protected JsonToken _decodeScalar(ScalarEvent scalar) throws IOException {
            // Only untagged plain scalars are typed by the resolver; quoted and tagged ones keep Jackson's path.
            if (scalar.getTag() == null && scalar.getImplicit().canOmitTagInPlainScalar()) {
                String value = scalar.getValue();
                Shortcut s = shortcut(value);
                if (s != Shortcut.NONE) {
                    _textValue = value;
                    _cleanedTextValue = null;
                    return s == Shortcut.STRING ? JsonToken.VALUE_STRING : _decodeNumberScalar(value, value.length());
                }
            }
            return super._decodeScalar(scalar);
        }
    }
}
