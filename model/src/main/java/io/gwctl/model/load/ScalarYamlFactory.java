package io.gwctl.model.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.ParserImpl;

/**
 * A YAML factory whose parsers type the most common plain scalars (words and decimal integers) without
 * SnakeYAML's implicit-type regular expressions, which Jackson otherwise runs on every value: a tenth of the
 * loader's parse time. Every other scalar goes the usual way, so the tokens are the same as Jackson's.
 *
 * <p>Its parsers also read text through {@link TextStreamReader} (linear in the length of a scalar) when given a
 * {@link TextReader}, and resolve aliases to scalars ({@code name: &n s3} ... {@code namespace: *n}), which Jackson
 * hands out as the alias name; aliases to lists and maps are left to {@link TreeBuilder}.
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
        LoaderOptions lo = _loaderOptions == null ? new LoaderOptions() : _loaderOptions;
        ParserImpl events = new ParserImpl(r instanceof TextReader t ? new TextStreamReader(t.text, t.offset)
                : new org.yaml.snakeyaml.reader.StreamReader(r), lo);
        return new Parser(ctxt, _parserFeatures, _yamlParserFeatures, _objectCodec, r, events);
    }

    /** Text in memory, read from {@code offset}: the factory's parsers then read it in linear time. */
    static final class TextReader extends StringReader {
        final String text;
        final int offset;

        TextReader(String text, int offset) {
            super(text);
            this.text = text;
            this.offset = offset;
        }
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

    /** A parser of this factory; {@link #valueProblem()} says why the last scalar has no value. */
    static final class Parser extends YAMLParser {
        private String valueProblem;
        /** Anchored scalars of the current document, by anchor. */
        private final Map<String, ScalarEvent> scalars = new HashMap<>();

        Parser(IOContext ctxt, int parserFeatures, int formatFeatures, com.fasterxml.jackson.core.ObjectCodec codec,
                Reader reader, ParserImpl events) {
            super(ctxt, parserFeatures, formatFeatures, codec, reader, events);
        }

        /**
         * An alias to a scalar becomes a copy of the anchored scalar at the alias's place, as SnakeYAML's composer
         * makes it: the same value typed the same way, as a value or as a key.
         */
        @Override
        protected Event getEvent() throws IOException {
            Event e = super.getEvent();
            if (e instanceof AliasEvent a) {
                ScalarEvent s = scalars.get(a.getAnchor());
                if (s != null) {
                    return new ScalarEvent(null, s.getTag(), s.getImplicit(), s.getValue(), a.getStartMark(),
                            a.getEndMark(), s.getScalarStyle());
                }
            } else if (e instanceof NodeEvent n && n.getAnchor() != null) {
                if (e instanceof ScalarEvent s) {
                    scalars.put(s.getAnchor(), s);
                } else {
                    scalars.remove(n.getAnchor()); // an anchor defined again names the later node
                }
            } else if (e != null && e.is(Event.ID.DocumentStart)) {
                scalars.clear();
            }
            return e;
        }

        /**
         * Why the current scalar could not be converted (a {@code !!binary} value that is not base64), or null.
         * Jackson fails such a value in the middle of the stream, which ends the parse; here the scalar becomes
         * null and the tree builder reports the document, so that the rest of the file is still read.
         */
        String valueProblem() {
            return valueProblem;
        }

        @Override
        protected JsonToken _decodeScalar(ScalarEvent scalar) throws IOException {
            valueProblem = null;
            try {
                return decode(scalar);
            } catch (StreamConstraintsException e) {
                throw e;
            } catch (JsonProcessingException e) {
                valueProblem = scalar.getTag() != null && scalar.getTag().endsWith(":binary")
                        ? "!!binary value is not valid base64" : "value of type " + scalar.getTag() + " is not valid";
                _textValue = "";
                return JsonToken.VALUE_NULL;
            }
        }

        private JsonToken decode(ScalarEvent scalar) throws IOException {
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
