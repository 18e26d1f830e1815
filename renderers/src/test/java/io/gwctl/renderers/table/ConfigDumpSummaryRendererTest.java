package io.gwctl.renderers.table;

import static io.gwctl.renderers.table.TextAssert.assertSameText;
import static io.gwctl.renderers.table.TextAssert.printerFixtures;

import io.gwctl.model.envoy.ConfigDump;
import io.gwctl.model.envoy.ConfigDumpReader;
import io.gwctl.model.envoy.FullConfigDump;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** {@code istioctl proxy-config all} goldens, every section byte for byte. */
class ConfigDumpSummaryRendererTest {

    /** After the workload certificate expired (2023-05-16) and before the root's end (2033-05-02). */
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private static FullConfigDump fixture() throws Exception {
        Path file = printerFixtures().resolve("proxyconfig-all/config_dump.json");
        try (InputStream in = Files.newInputStream(file)) {
            return ConfigDumpReader.readFull(in, file.toString());
        }
    }

    private static String render(FullConfigDump dump, boolean headers, Instant now) throws IOException {
        StringWriter sw = new StringWriter();
        ConfigDumpSummaryRenderer.render(dump, headers, now, sw);
        return sw.toString();
    }

    @Test
    void summaryGolden() throws Exception {
        assertSameText(Files.readString(printerFixtures().resolve("proxyconfig-all/config_dump_summary.txt")),
                render(fixture(), false, NOW));
    }

    @Test
    void summaryWithHeadersGolden() throws Exception {
        assertSameText(Files.readString(printerFixtures().resolve(
                "proxyconfig-all/config_dump_summary_withheaders.txt")), render(fixture(), true, NOW));
    }

    @Test
    void certificateValidityDependsOnTheInstant() throws Exception {
        String before = render(fixture(), false, Instant.parse("2023-05-15T12:00:00Z"));
        assertSameText("""
                RESOURCE NAME      TYPE           STATUS     VALID CERT     SERIAL NUMBER                        NOT AFTER                NOT BEFORE
                secret/default     Cert Chain     ACTIVE     true           6fbee254c22900615cb1f74e3d2f1713     2023-05-16T01:32:52Z     2023-05-15T01:30:52Z
                secret/ROOTCA      CA             ACTIVE     true           0193a543fe2b0d9cd4847675394dfc54     2033-05-02T03:41:33Z     2023-05-05T03:41:33Z
                """, before.split("\n\n")[4] + "\n");
    }

    @Test
    void clustersSortBySubsetKeyAndEnvoyVersionCarriesBuildMetadata() throws IOException {
        FullConfigDump dump = new FullConfigDump(new ConfigDump(List.of(), List.of()),
                new FullConfigDump.Bootstrap("", "", "1.32.2-dev/Clean/RELEASE/BoringSSL"),
                List.of(new FullConfigDump.Cluster("outbound|80|v2|b.ns.svc.cluster.local", "EDS", null),
                        new FullConfigDump.Cluster("outbound|80|v1|b.ns.svc.cluster.local", "EDS",
                                "/apis/networking.istio.io/v1/namespaces/ns/destination-rule/b"),
                        new FullConfigDump.Cluster("inbound|80||b.ns.svc.cluster.local", "ORIGINAL_DST", null),
                        new FullConfigDump.Cluster("BlackHoleCluster", "STATIC", null)),
                List.of(), List.of());
        List<String> sections = List.of(render(dump, false, NOW).split("\n\n"));
        assertSameText("Envoy Version: 1.32.2-dev/Clean/RELEASE/BoringSSL", sections.get(0));
        // Widths: NAME 45+5, SERVICE FQDN 24+5, PORT 4+5, SUBSET 6+5, DIRECTION 9+5, TYPE 12+5.
        assertSameText(String.join("\n",
                row("NAME", "SERVICE FQDN", "PORT", "SUBSET", "DIRECTION", "TYPE", "DESTINATION RULE"),
                row("cluster/BlackHoleCluster", "cluster/BlackHoleCluster", "-", "-", "-", "STATIC", ""),
                row("cluster/inbound|80||b.ns.svc.cluster.local", "b.ns.svc.cluster.local", "80", "-", "inbound",
                        "ORIGINAL_DST", ""),
                row("cluster/outbound|80|v1|b.ns.svc.cluster.local", "b.ns.svc.cluster.local", "80", "v1",
                        "outbound", "EDS", "b.ns"),
                row("cluster/outbound|80|v2|b.ns.svc.cluster.local", "b.ns.svc.cluster.local", "80", "v2",
                        "outbound", "EDS", "")), sections.get(1));
    }

    private static String row(String name, String fqdn, String port, String subset, String dir, String type,
                              String rule) {
        return pad(name, 50) + pad(fqdn, 29) + pad(port, 9) + pad(subset, 11) + pad(dir, 14) + pad(type, 17) + rule;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }
}
