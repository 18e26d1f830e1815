package io.gwctl.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.gwctl.model.kube.Secret;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad input gives one clear problem with file:line:col and the right exit code, and never throws. */
class BadInputTest {
    private static final String NAMESPACE_C = "apiVersion: v1\nkind: Namespace\nmetadata: {name: c}\n";

    private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    private LoadResult loadFile(String content) throws IOException {
        Files.writeString(fs.getPath("/bad.yaml"), content);
        return load(LoadOptions.defaults(), "/bad.yaml");
    }

    private LoadResult load(LoadOptions options, String... paths) {
        return new ManifestLoader(options.withFileSystem(fs)).load(List.of(paths));
    }

    private static List<String> formatted(LoadResult r) {
        return r.problems().stream().map(LoadProblem::format).toList();
    }

    private static List<String> names(LoadResult r) {
        return r.snapshot().all().stream().map(x -> x.metadata().name()).toList();
    }

    @Test
    void missingPathIsNotFoundWithExit66() throws IOException {
        Files.writeString(fs.getPath("/ok.yaml"), NAMESPACE_C);

        LoadResult r = load(LoadOptions.defaults(), "/nope.yaml", "/ok.yaml");

        assertThat(r.problems()).containsExactly(
                new LoadProblem(LoadProblem.Type.NOT_FOUND, "/nope.yaml", 0, 0, "no such file or directory"));
        assertThat(formatted(r)).containsExactly("/nope.yaml: no such file or directory");
        assertThat(names(r)).containsExactly("c");
        assertThat(r.exitCode()).isEqualTo(66);
    }

    @Test
    void unreadableFileIsReportedAndOthersStillLoad() throws IOException {
        Files.createDirectories(fs.getPath("/dir"));
        Files.createSymbolicLink(fs.getPath("/dir/loop.yaml"), fs.getPath("/dir/loop.yaml"));
        Files.writeString(fs.getPath("/dir/ok.yaml"), NAMESPACE_C);

        LoadResult r = load(LoadOptions.defaults(), "/dir");

        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo(LoadProblem.Type.UNREADABLE);
            assertThat(p.format()).isEqualTo("/dir/loop.yaml: too many levels of symbolic links");
        });
        assertThat(names(r)).containsExactly("c");
        assertThat(r.exitCode()).isEqualTo(66);
    }

    @Test
    void linksInADirectoryAreFollowedToFilesButNotIntoDirectories() throws IOException {
        Files.createDirectories(fs.getPath("/dir"));
        Files.createDirectories(fs.getPath("/other/deeper"));
        Files.writeString(fs.getPath("/dir/a.yaml"), NAMESPACE_C);
        Files.writeString(fs.getPath("/other/b.yaml"), NAMESPACE_C.replace("name: c", "name: b"));
        Files.writeString(fs.getPath("/other/deeper/d.yaml"), NAMESPACE_C.replace("name: c", "name: d"));
        Files.createSymbolicLink(fs.getPath("/dir/link.yaml"), fs.getPath("/other/b.yaml"));
        Files.createSymbolicLink(fs.getPath("/dir/sub"), fs.getPath("/other"));
        Files.createSymbolicLink(fs.getPath("/dir/broken.yaml"), fs.getPath("/nowhere.yaml"));
        Files.createSymbolicLink(fs.getPath("/dir/broken.txt"), fs.getPath("/nowhere.txt"));
        Files.writeString(fs.getPath("/dir/notes.txt"), "not a manifest");

        LoadResult r = load(LoadOptions.defaults(), "/dir");

        assertThat(names(r)).containsExactly("c", "b");
        assertThat(formatted(r)).containsExactly("/dir/broken.yaml: no such file or directory");
        assertThat(r.stats().skippedFileNames()).containsExactly("/dir/broken.txt", "/dir/notes.txt");
    }

    @Test
    void aFileAtTheSizeLimitIsReadWholeAndOneByteMoreIsRefused() throws IOException {
        byte[] doc = NAMESPACE_C.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(fs.getPath("/exact.yaml"), doc);
        Files.write(fs.getPath("/over.yaml"), java.util.Arrays.copyOf(doc, doc.length + 1));

        LoadResult r = load(LoadOptions.defaults().withMaxFileBytes(doc.length), "/exact.yaml", "/over.yaml");

        assertThat(names(r)).containsExactly("c");
        assertThat(formatted(r)).singleElement().asString().startsWith("/over.yaml: file is");
    }

    @Test
    void ioErrorsReadLikeTheCLibraryMessages() {
        assertThat(ManifestLoader.describe(new java.nio.file.AccessDeniedException("/x.yaml")))
                .isEqualTo("permission denied");
        assertThat(ManifestLoader.describe(new java.nio.file.NoSuchFileException("/x.yaml")))
                .isEqualTo("no such file or directory");
        assertThat(ManifestLoader.describe(new java.nio.file.FileSystemException("/x.yaml", null, "Is a directory")))
                .isEqualTo("is a directory");
        assertThat(ManifestLoader.describe(new IOException("Input/output error"))).isEqualTo("Input/output error");
    }

    @Test
    void standardInputThatFailsToReadIsUnreadable() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("Input/output error");
            }
        };

        LoadResult r = load(LoadOptions.defaults().withStdin(() -> failing), "-");

        assertThat(formatted(r)).containsExactly("-: Input/output error");
        assertThat(r.problems().get(0).type()).isEqualTo(LoadProblem.Type.UNREADABLE);
        assertThat(r.exitCode()).isEqualTo(66);
        assertThat(r.stats().files()).isZero();
    }

    @Test
    void unexpectedExceptionBecomesAProblemWithItsCause() {
        UncheckedIOException boom = new UncheckedIOException(new IOException("boom"));

        LoadResult r = load(LoadOptions.defaults().withStdin(() -> {
            throw boom;
        }), "-");

        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.format()).startsWith("-: internal error while reading: java.io.UncheckedIOException");
            assertThat(p.cause()).isSameAs(boom);
        });
        assertThat(r.exitCode()).isEqualTo(65);
    }

    @Test
    void malformedDocumentIsSkippedAndTheNextDocumentsLoad() throws IOException {
        LoadResult r = loadFile("""
                apiVersion: v1
                kind: Namespace
                metadata: {name: a}
                ---
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: b
                   bad: indent
                ---
                """ + NAMESPACE_C);

        assertThat(formatted(r)).containsExactly(
                "/bad.yaml:9:7: mapping values are not allowed here; skipped to the next document at line 10");
        assertThat(r.problems().get(0).type()).isEqualTo(LoadProblem.Type.PARSE);
        assertThat(names(r)).containsExactly("a", "c");
        assertThat(r.snapshot().namespaces().get(1).origin().document()).isEqualTo(2);
        assertThat(r.snapshot().namespaces().get(1).origin().line()).isEqualTo(11);
        assertThat(r.exitCode()).isEqualTo(65);
    }

    @Test
    void malformedLastDocumentSaysTheRestOfTheFileWasSkipped() throws IOException {
        LoadResult r = loadFile(NAMESPACE_C + "---\nkind: Namespace\nmetadata: {name: \"b}\n");

        assertThat(formatted(r)).containsExactly("/bad.yaml:7:1: while scanning a quoted scalar: found unexpected "
                + "end of stream; the rest of the file was skipped");
        assertThat(names(r)).containsExactly("c");
    }

    @Test
    void documentIndexesCountABrokenDocumentWhereverItBreaks() throws IOException {
        LoadResult r = loadFile(NAMESPACE_C.replace("name: c", "name: a") + "---\n@bad\n---\n" + NAMESPACE_C);

        assertThat(formatted(r)).containsExactly("/bad.yaml:5:1: while scanning for the next token: found character"
                + " '@' that cannot start any token. (Do not use @ for indentation); skipped to the next document at"
                + " line 6");
        assertThat(r.snapshot().namespaces()).extracting(n -> n.metadata().name() + "#" + n.origin().document())
                .containsExactly("a#0", "c#2");
    }

    @Test
    void stopsResynchronisingAfterTooManySyntaxErrors() throws IOException {
        LoadResult r = loadFile("a: b: c\n---\n".repeat(30) + NAMESPACE_C);

        List<String> problems = formatted(r);
        assertThat(problems).hasSize(InputReader.MAX_SYNTAX_ERRORS);
        assertThat(problems.get(0)).isEqualTo(
                "/bad.yaml:1:5: mapping values are not allowed here; skipped to the next document at line 2");
        assertThat(problems.get(1)).isEqualTo(
                "/bad.yaml:3:5: mapping values are not allowed here; skipped to the next document at line 4");
        assertThat(problems.get(19)).isEqualTo("/bad.yaml:39:5: mapping values are not allowed here; too many"
                + " syntax errors, the rest of the file was skipped");
        assertThat(r.snapshot().size()).isZero();
    }

    @Test
    void unclosedFlowListEndsAtTheNextDocument() throws IOException {
        LoadResult r = loadFile("hosts: [a, b\n---\n" + NAMESPACE_C);

        assertThat(formatted(r)).containsExactly("/bad.yaml:2:1: while parsing a flow sequence: expected ',' or ']',"
                + " but got <document start>; skipped to the next document at line 2");
        assertThat(names(r)).containsExactly("c");
    }

    @Test
    void malformedJsonReportsThePositionAndSkipsTheRest() throws IOException {
        Files.writeString(fs.getPath("/bad.json"), "{\"apiVersion\": \"v1\",\n \"kind\": \"Namespace\" \"x\"}\n");

        LoadResult r = load(LoadOptions.defaults(), "/bad.json");

        assertThat(formatted(r)).containsExactly("/bad.json:2:22: Unexpected character ('\"' (code 34)): was"
                + " expecting comma to separate Object entries; the rest of the file was skipped");
        assertThat(r.exitCode()).isEqualTo(65);
    }

    @Test
    void duplicateKeyInJsonNamesTheKey() throws IOException {
        Files.writeString(fs.getPath("/dup.json"),
                "{\"apiVersion\": \"v1\", \"kind\": \"Namespace\", \"kind\": \"Pod\", \"metadata\": {}}");

        LoadResult r = load(LoadOptions.defaults(), "/dup.json");

        assertThat(formatted(r)).containsExactly("/dup.json:1:43: duplicate key \"kind\"");
    }

    @Test
    void duplicateKeyNamesTheKey() throws IOException {
        LoadResult r = loadFile("""
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: a
                  name: b
                ---
                """ + NAMESPACE_C);

        assertThat(formatted(r)).containsExactly("/bad.yaml:5:3: duplicate key \"name\"");
        assertThat(names(r)).containsExactly("c");
        assertThat(r.exitCode()).isEqualTo(65);
    }

    @Test
    void wrongTypeNamesTheFieldPathAndTheValue() throws IOException {
        LoadResult r = loadFile("""
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: g}
                spec:
                  servers:
                  - port:
                      number: "eighty"
                """);

        assertThat(r.problems()).containsExactly(new LoadProblem(LoadProblem.Type.INVALID, "/bad.yaml", 7, 15,
                "spec.servers[0].port.number: expected an integer, got \"eighty\""));
        assertThat(r.snapshot().gateways()).isEmpty();
        assertThat(r.exitCode()).isEqualTo(65);
    }

    @Test
    void documentWithoutKindIsInvalidButEmptyDocumentsAreFine() throws IOException {
        LoadResult r = loadFile("---\n{}\n---\n# nothing\n---\nmetadata:\n  name: x\n---\n" + NAMESPACE_C + "---");

        assertThat(formatted(r)).containsExactly("/bad.yaml:6:1: missing kind");
        assertThat(names(r)).containsExactly("c");
        assertThat(r.stats().documents()).isEqualTo(2);
    }

    static Stream<Arguments> documentsWithOneProblem() {
        return Stream.of(
                Arguments.of("kind: Service\nmetadata: {name: s}\n", "/bad.yaml:1:1: missing apiVersion"),
                Arguments.of("just some text\n",
                        "/bad.yaml:1:1: (document): expected an object (a Kubernetes resource), got \"just some text\""),
                // A Secret's value never appears in a message, even when it has the wrong type.
                Arguments.of("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  key: [hunter2]\n",
                        "/bad.yaml:5:3: stringData.key: expected a string"));
    }

    @ParameterizedTest
    @MethodSource("documentsWithOneProblem")
    void documentWithOneProblem(String content, String expected) throws IOException {
        LoadResult r = loadFile(content);

        assertThat(formatted(r)).containsExactly(expected);
        assertThat(r.exitCode()).isEqualTo(65);
    }

    @Test
    void nulBytesMeanNotATextFile() throws IOException {
        Files.write(fs.getPath("/image.yaml"), new byte[] {'a', ':', '\n', 'b', 0, 1, 2});

        LoadResult r = load(LoadOptions.defaults(), "/image.yaml");

        assertThat(formatted(r)).containsExactly("/image.yaml:2:2: not a text file (it contains a NUL byte at byte 4)");
        assertThat(r.exitCode()).isEqualTo(65);
    }

    @Test
    void invalidUtf8MeansNotATextFile() throws IOException {
        byte[] latin1 = "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(fs.getPath("/latin1.yaml"), latin1);

        LoadResult r = load(LoadOptions.defaults(), "/latin1.yaml");

        assertThat(formatted(r)).containsExactly("/latin1.yaml:1:10: not a text file (invalid UTF-8 at byte 9)");
    }

    /** Found by LoaderFuzzTest: the problem had a line but no column, unlike every other problem. */
    @Test
    void notATextFileProblemHadNoColumn() throws IOException {
        byte[] bytes = "a: \u00e9\u00e9\nb: \u00e9x".getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 1] = (byte) 0xff; // after "b: " and a two-byte character: character 5 of line 2
        Files.write(fs.getPath("/bad.yaml"), bytes);

        LoadResult r = load(LoadOptions.defaults(), "/bad.yaml");

        assertThat(formatted(r)).containsExactly("/bad.yaml:2:5: not a text file (invalid UTF-8 at byte 13)");
    }

    @Test
    void aliasBombIsStoppedWithAClearMessage() throws IOException {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            char prev = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            bomb.append("]\n");
        }
        bomb.append("---\n").append(NAMESPACE_C);

        LoadResult r = loadFile(bomb.toString());

        assertThat(formatted(r)).containsExactly("/bad.yaml:7:8: aliases expand to more than 1000000 values in one"
                + " document (a YAML alias bomb?)");
        assertThat(names(r)).containsExactly("c");
    }

    @Test
    void tooManyCollectionAliasesAreRefused() throws IOException {
        StringBuilder doc = new StringBuilder("x: &x [1]\ny:\n");
        for (int i = 0; i < 51; i++) {
            doc.append("- *x\n");
        }

        LoadResult r = loadFile(doc.toString());

        assertThat(formatted(r)).containsExactly("/bad.yaml:53:3: more than 50 aliases to lists or maps in one"
                + " document (a YAML alias bomb?)");
    }

    @Test
    void fileLargerThanTheLimitIsRefused() throws IOException {
        Files.write(fs.getPath("/big.yaml"), new byte[2048]);

        LoadResult r = load(LoadOptions.defaults().withMaxFileBytes(1024), "/big.yaml");

        assertThat(formatted(r)).containsExactly("/big.yaml: file is 2.0 KB, larger than the 1.0 KB limit");
        assertThat(r.exitCode()).isEqualTo(65);
        assertThat(InputReader.humanSize(54_945_383)).isEqualTo("52.4 MB");
        assertThat(InputReader.humanSize(50L * 1024 * 1024)).isEqualTo("50.0 MB");
    }

    @Test
    void standardInputLargerThanTheLimitIsRefused() {
        LoadResult r = load(LoadOptions.defaults().withMaxFileBytes(10)
                .withStdin(() -> new ByteArrayInputStream(new byte[11])), "-");

        assertThat(formatted(r)).containsExactly("-: standard input is larger than the 10 bytes limit");
    }

    @Test
    void badBase64NamesTheKeyButNeverTheValue() throws IOException {
        LoadResult r = loadFile("""
                apiVersion: v1
                kind: Secret
                metadata: {name: s}
                data:
                  tls.key: 'c2VjcmV0!'
                """);

        assertThat(formatted(r)).containsExactly("/bad.yaml:5:12: data[\"tls.key\"]: not valid base64");
        assertThat(formatted(r).get(0)).doesNotContain("c2VjcmV0");
    }

    @Test
    void parseProblemsWinOverMissingFiles() throws IOException {
        LoadResult r = loadFile("a: [");
        LoadResult both = load(LoadOptions.defaults(), "/missing", "/bad.yaml");

        assertThat(r.exitCode()).isEqualTo(65);
        assertThat(both.exitCode()).isEqualTo(65);
        assertThat(both.problems()).extracting(LoadProblem::type)
                .containsExactly(LoadProblem.Type.NOT_FOUND, LoadProblem.Type.PARSE);
    }

    @Test
    void secretValuesAreKeptOnlyForTlsKeys() throws IOException {
        LoadResult r = loadFile("""
                apiVersion: v1
                kind: Secret
                metadata: {name: s, namespace: istio-system}
                type: kubernetes.io/tls
                data:
                  tls.crt: Y2VydA==
                  password: aHVudGVyMg==
                stringData:
                  tls.key: key
                """);

        Secret s = r.snapshot().secrets().get(0);
        assertThat(s.keys()).containsExactlyInAnyOrder("tls.crt", "password", "tls.key");
        // The values were read (tls.key from stringData) into the TLS summary, and not kept.
        assertThat(s.tls().certKey()).isEqualTo("tls.crt");
        assertThat(s.tls().keyKey()).isEqualTo("tls.key");
        assertThat(s.tls().problems().get(0)).isEqualTo("tls.crt is not PEM-encoded (no -----BEGIN CERTIFICATE----- "
                + "block)");
        assertThat(s.tls().toString()).doesNotContain("cert\"").doesNotContain("hunter");
        assertThat(s.type()).isEqualTo("kubernetes.io/tls");
        assertThat(s.toString()).doesNotContain("cert").doesNotContain("hunter");
    }
}
