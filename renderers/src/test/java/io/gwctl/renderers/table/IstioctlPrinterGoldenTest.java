package io.gwctl.renderers.table;

import static io.gwctl.renderers.table.TextAssert.assertSameText;
import static io.gwctl.renderers.table.TextAssert.printerFixtures;
import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.envoy.ConfigDump;
import io.gwctl.model.envoy.ConfigDumpReader;
import io.gwctl.model.envoy.Listener;
import io.gwctl.model.envoy.RouteConfiguration;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** istioctl's own printer goldens ({@code ../shared/conformance/istioctl-printer}) reproduced from their dumps. */
class IstioctlPrinterGoldenTest {

    static ConfigDump dump(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return ConfigDumpReader.read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** A table renderer call writing to the given writer. */
    private interface Render {
        void to(Writer out) throws IOException;
    }

    /** Renders through a BufferedWriter, as the CLI does, and returns the text. */
    private static String render(Render render) {
        StringWriter sw = new StringWriter();
        try (BufferedWriter out = new BufferedWriter(sw)) {
            render.to(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }

    static String routes(List<RouteConfiguration> routes, RouteFilter filter, boolean verbose, boolean all) {
        return render(out -> RouteTableRenderer.render(routes, filter, verbose, all, out));
    }

    static String listeners(List<Listener> listeners, ListenerFilter filter, boolean verbose, boolean all) {
        return render(out -> ListenerTableRenderer.render(listeners, filter, verbose, all, out));
    }

    @TestFactory
    Stream<DynamicTest> routeGoldensByteForByte() throws IOException {
        Path dir = printerFixtures().resolve("routes");
        List<Path> cases;
        try (Stream<Path> s = Files.list(dir)) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(cases).isNotEmpty();
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
            String expected = Files.readString(c.resolve("output.txt"), StandardCharsets.UTF_8);
            String actual = routes(dump(c.resolve("configdump.json")).routeConfigs(), RouteFilter.ALL, true, false);
            assertSameText(expected, actual);
            assertThat(RouteTableComparison.difference(expected, actual)).isNull();
        }));
    }

    /** The sections of {@code istioctl pc all} separated by blank lines (bootstrap, clusters, listeners, ...). */
    private static List<String> sections(String summary) {
        return List.of(summary.split("\n\n", -1));
    }

    @Test
    void proxyConfigAllListenerAndRouteSections() throws IOException {
        Path dir = printerFixtures().resolve("proxyconfig-all");
        ConfigDump dump = dump(dir.resolve("config_dump.json"));
        List<String> golden = sections(Files.readString(dir.resolve("config_dump_summary.txt")));
        assertThat(golden.get(2)).startsWith("NAME                   ADDRESSES");
        assertSameText(golden.get(2) + "\n", listeners(dump.listeners(), ListenerFilter.ALL, true, true));
        assertThat(golden.get(3)).startsWith("NAME ").contains("VHOST NAME");
        assertSameText(golden.get(3) + "\n", routes(dump.routeConfigs(), RouteFilter.ALL, true, true));
    }

    @Test
    void proxyConfigAllWithHeadersListenerAndRouteSections() throws IOException {
        Path dir = printerFixtures().resolve("proxyconfig-all");
        ConfigDump dump = dump(dir.resolve("config_dump.json"));
        List<String> golden = sections(Files.readString(dir.resolve("config_dump_summary_withheaders.txt")));
        int listenerInfo = golden.indexOf("------ LISTENER INFO ------");
        int routeInfo = golden.indexOf("------ ROUTE INFO ------");
        assertThat(listenerInfo).isPositive();
        assertThat(routeInfo).isPositive();
        assertSameText(golden.get(listenerInfo + 1) + "\n",
                listeners(dump.listeners(), ListenerFilter.ALL, true, true));
        assertSameText(golden.get(routeInfo + 1) + "\n", routes(dump.routeConfigs(), RouteFilter.ALL, true, true));
    }

    @Test
    void listenerTableFromTheDumpVerboseAndTypeColumn() {
        ConfigDump dump = dump(printerFixtures().resolve("proxyconfig-all/config_dump.json"));
        // Chains sorted by DESTINATION descending; the unnamed address of main_internal is an empty cell.
        assertSameText("""
                ADDRESSES PORT  MATCH DESTINATION
                          0     ALL   Cluster: inbound-vip|8100|http|httpbin.default.svc.cluster.local
                          0     ALL   Cluster: inbound-vip|8000|http|httpbin.default.svc.cluster.local
                          0     ALL   Cluster: encap
                          0     ALL   Cluster: encap
                0.0.0.0   15021 ALL   Inline Route: /healthz/ready*
                """, listeners(dump.listeners(), ListenerFilter.ALL, true, false));
        // Three HTTP connection managers and one tcp_proxy to "encap" make main_internal HTTP+TCP.
        assertSameText("""
                ADDRESSES PORT  TYPE
                          0     HTTP+TCP
                0.0.0.0   15021 HTTP
                """, listeners(dump.listeners(), ListenerFilter.ALL, false, false));
        assertSameText("""
                NAME                   ADDRESSES PORT  TYPE
                listener/main_internal           0     HTTP+TCP
                listener/              0.0.0.0   15021 HTTP
                """, listeners(dump.listeners(), ListenerFilter.ALL, false, true));
    }

    @Test
    void listenerFiltersOnTheDump() {
        List<Listener> all = dump(printerFixtures().resolve("proxyconfig-all/config_dump.json")).listeners();
        String only15021 = """
                ADDRESSES PORT  TYPE
                0.0.0.0   15021 HTTP
                """;
        assertSameText(only15021, listeners(all, new ListenerFilter("", 15021, ""), false, false));
        assertSameText(only15021, listeners(all, new ListenerFilter("0.0.0.0", 0, ""), false, false));
        assertSameText(only15021, listeners(all, new ListenerFilter("", 0, "http"), false, false));
        assertSameText("""
                ADDRESSES PORT TYPE
                          0    HTTP+TCP
                """, listeners(all, new ListenerFilter("", 0, "HTTP+tcp"), false, false));
        assertSameText("ADDRESSES PORT MATCH DESTINATION\n",
                listeners(all, new ListenerFilter("", 15090, ""), true, false));
        assertSameText("ADDRESSES PORT TYPE\n", listeners(all, new ListenerFilter("", 0, "TCP"), false, false));
    }

    @Test
    void routeNameFilterAndNonVerboseOnTheDump() {
        List<RouteConfiguration> rcs = dump(printerFixtures()
                .resolve("routes/istio-gateway-http-route-prefix/configdump.json")).routeConfigs();
        assertSameText("""
                NAME          VIRTUAL HOSTS
                http.8080     1
                              1
                              1
                """, routes(rcs, RouteFilter.ALL, false, false));
        assertSameText("""
                NAME          VHOST NAME                 DOMAINS                 MATCH     VIRTUAL SERVICE
                http.8080     httpbin.example.com:80     httpbin.example.com     /get*     httpbin.default
                """, routes(rcs, new RouteFilter("http.8080"), true, false));
    }

    /**
     * The describe fixtures carry no table golden: the expected rows follow from their dumps by spec §3.3 (exact
     * paths verbatim, prefixes with '*', the v1alpha3 config path as bookinfo.default). Their listener sections are
     * empty, which istioctl reports as "no listeners found".
     */
    @Test
    void describeFixtureDumps() {
        Path dir = printerFixtures().resolve("describe");
        ConfigDump http = dump(dir.resolve("http_config.json"));
        assertThat(http.listeners()).isEmpty();
        assertSameText("""
                NAME          VHOST NAME     DOMAINS     MATCH                 VIRTUAL SERVICE
                http.8080     *:80           *           /productpage          bookinfo.default
                http.8080     *:80           *           /static*              bookinfo.default
                http.8080     *:80           *           /login                bookinfo.default
                http.8080     *:80           *           /logout               bookinfo.default
                http.8080     *:80           *           /api/v1/products*     bookinfo.default
                """, routes(http.routeConfigs(), RouteFilter.ALL, true, false));
        ConfigDump tls = dump(dir.resolve("tls_config.json"));
        assertSameText("""
                NAME                                         VIRTUAL HOSTS
                https.443.https.bookinfo-gateway.default     1
                """, routes(tls.routeConfigs(), RouteFilter.ALL, false, false));
    }
}
