package io.gwctl.renderers.table;

import io.gwctl.model.envoy.FullConfigDump;
import io.gwctl.model.envoy.Listener;
import io.gwctl.model.envoy.RouteConfiguration;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints {@code istioctl proxy-config all} for a config dump ({@code PrintFullSummary}): bootstrap versions, then the
 * cluster, listener, route, secret and endpoint tables with their {@code cluster/}, {@code listener/}, {@code route/},
 * {@code secret/}, {@code endpoint/} name prefixes, separated by blank lines, optionally under
 * {@code ------ X INFO ------} headers.
 */
public final class ConfigDumpSummaryRenderer {

    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
            .withZone(ZoneOffset.UTC);

    private ConfigDumpSummaryRenderer() {
    }

    /** A section of the summary. */
    private interface Section {
        void print(Writer out) throws IOException;
    }

    /**
     * Writes the summary to {@code out} (flushed, not closed).
     *
     * @param dump        the dump, as read by {@code ConfigDumpReader.readFull}
     * @param withHeaders precede each section by {@code ------ BOOTSTRAP INFO ------} and a blank line
     * @param now         the instant certificates are checked against (VALID CERT column)
     */
    public static void render(FullConfigDump dump, boolean withHeaders, Instant now, Writer out) throws IOException {
        print(List.of("BOOTSTRAP", "CLUSTER", "LISTENER", "ROUTE", "SECRET", "ENDPOINTS"), List.of(
                w -> bootstrap(dump.bootstrap(), w),
                w -> clusters(dump.clusters(), w),
                w -> ListenerTableRenderer.render(dump.dump().listeners(), ListenerFilter.ALL, true, true, w),
                w -> RouteTableRenderer.render(dump.dump().routeConfigs(), RouteFilter.ALL, true, true, w),
                w -> secrets(dump.secrets(), now, w),
                w -> endpoints(dump.endpoints(), w)), withHeaders, out);
    }

    /**
     * Writes the listener and route sections of the summary, as {@link #render} does, for an Envoy configuration
     * that has nothing else (gwctl's translation of manifests: no bootstrap, clusters, secrets or endpoints).
     */
    public static void render(List<Listener> listeners, List<RouteConfiguration> routeConfigs, Writer out)
            throws IOException {
        print(List.of("LISTENER", "ROUTE"), List.of(
                w -> ListenerTableRenderer.render(listeners, ListenerFilter.ALL, true, true, w),
                w -> RouteTableRenderer.render(routeConfigs, RouteFilter.ALL, true, true, w)), false, out);
    }

    private static void print(List<String> titles, List<Section> sections, boolean withHeaders, Writer out)
            throws IOException {
        for (int i = 0; i < sections.size(); i++) {
            if (i > 0) {
                out.write('\n');
            }
            if (withHeaders) {
                out.write("------ " + titles.get(i) + " INFO ------\n\n");
            }
            sections.get(i).print(out);
        }
        out.flush();
    }

    /** {@code PrintBootstrapSummary}: only the versions that are known (Envoy's always is). */
    static void bootstrap(FullConfigDump.Bootstrap b, Writer out) throws IOException {
        TabWriter w = TabWriter.forListeners(out);
        if (!b.istioVersion().isEmpty()) {
            w.write("Istio Version:\t" + b.istioVersion() + "\n");
        }
        if (!b.istioProxySha().isEmpty()) {
            w.write("Istio Proxy Version:\t" + b.istioProxySha() + "\n");
        }
        if (!b.envoyVersion().isEmpty()) {
            w.write("Envoy Version:\t" + b.envoyVersion() + "\n");
        }
        w.flush();
    }

    /** {@code model.ParseSubsetKey}: direction, port, subset, hostname of {@code dir|port|subset|host}. */
    private record SubsetKey(String direction, int port, String subset, String hostname) {

        static SubsetKey parse(String key) {
            String sep = key.startsWith("outbound_") || key.startsWith("inbound_") ? "_" : "|";
            String[] parts = new String[4];
            String rest = key;
            for (int i = 0; i < 3; i++) {
                int at = rest.indexOf(sep);
                if (at < 0) {
                    return new SubsetKey(i > 0 ? parts[0] : "", i > 1 ? port(parts[1]) : 0, "", "");
                }
                parts[i] = rest.substring(0, at);
                rest = rest.substring(at + sep.length());
            }
            return new SubsetKey(parts[0], port(parts[1]), parts[2], rest.contains(sep) ? "" : rest);
        }

        /** istioctl's safelyParseSubsetKey: names with fewer than four {@code |} parts are just a hostname. */
        static SubsetKey safely(String key) {
            return isSubsetKey(key) ? parse(key) : new SubsetKey("", 0, "", key);
        }

        static boolean isSubsetKey(String name) {
            return name.split("\\|", -1).length > 3;
        }

        private static int port(String p) {
            Long v = RouteTableRenderer.atoi(p);
            return v == null || v > Integer.MAX_VALUE || v < Integer.MIN_VALUE ? 0 : v.intValue();
        }

        /** retrieveSortedClusterSlice's less: hostname, then subset, then port, then direction. */
        boolean less(SubsetKey o) {
            if (!hostname.equals(o.hostname)) {
                return GoSort.compareStrings(hostname, o.hostname) < 0;
            }
            if (!subset.equals(o.subset)) {
                return GoSort.compareStrings(subset, o.subset) < 0;
            }
            if (port != o.port) {
                return port < o.port;
            }
            return GoSort.compareStrings(direction, o.direction) < 0;
        }
    }

    /** {@code PrintClusterSummary} with {@code includeConfigType}. */
    static void clusters(List<FullConfigDump.Cluster> clusters, Writer out) throws IOException {
        List<FullConfigDump.Cluster> sorted = new ArrayList<>(clusters);
        GoSort.slice(sorted, (a, b) -> SubsetKey.safely(a.name()).less(SubsetKey.safely(b.name())));
        TabWriter w = TabWriter.forRoutes(out);
        w.write("NAME\tSERVICE FQDN\tPORT\tSUBSET\tDIRECTION\tTYPE\tDESTINATION RULE\n");
        for (FullConfigDump.Cluster c : sorted) {
            String name = "cluster/" + c.name();
            String rule = EnvoyDescriptions.management(c.istioConfig());
            if (SubsetKey.isSubsetKey(c.name())) {
                SubsetKey k = SubsetKey.parse(c.name());
                String subset = k.subset().isEmpty() ? "-" : k.subset();
                w.write(String.join("\t", name, k.hostname(), String.valueOf(k.port()), subset, k.direction(),
                        c.type(), rule) + "\n");
            } else {
                // istioctl renames the cluster before printing, so the FQDN column repeats the prefixed name.
                w.write(String.join("\t", name, name, "-", "-", "-", c.type(), rule) + "\n");
            }
        }
        w.flush();
    }

    /** {@code PrintSecretSummary} / the SDS writer's table with {@code includeConfigType}. */
    static void secrets(List<FullConfigDump.Secret> secrets, Instant now, Writer out) throws IOException {
        if (secrets.isEmpty()) {
            out.write("No active or warming secrets found.\n");
            return;
        }
        TabWriter w = TabWriter.forRoutes(out);
        w.write("RESOURCE NAME\tTYPE\tSTATUS\tVALID CERT\tSERIAL NUMBER\tNOT AFTER\tNOT BEFORE\n");
        for (FullConfigDump.Secret s : secrets) {
            X509Certificate cert = firstCertificate(s.certificatePem());
            String type = "";
            String serial = "";
            String notAfter = "";
            String notBefore = "";
            boolean valid = false;
            if (cert != null) {
                type = cert.getBasicConstraints() >= 0 ? "CA" : "Cert Chain";
                serial = hex(cert.getSerialNumber());
                Instant after = cert.getNotAfter().toInstant();
                Instant before = cert.getNotBefore().toInstant();
                notAfter = RFC3339.format(after.truncatedTo(ChronoUnit.SECONDS));
                notBefore = RFC3339.format(before.truncatedTo(ChronoUnit.SECONDS));
                valid = now.isAfter(before) && now.isBefore(after);
            }
            w.write(String.join("\t", "secret/" + s.name(), type, s.state(), String.valueOf(valid), serial,
                    notAfter, notBefore) + "\n");
        }
        w.flush();
    }

    /** The serial's bytes in lower-case hex, two digits each (istioctl prints a leading zero: 0193a5...). */
    private static String hex(BigInteger serial) {
        String h = serial.abs().toString(16);
        return h.length() % 2 == 0 ? h : "0" + h;
    }

    private static X509Certificate firstCertificate(String pem) {
        if (pem == null || pem.isEmpty()) {
            return null;
        }
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            return (X509Certificate) cf.generateCertificate(
                    new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | ClassCastException unparseable) {
            // istioctl reports such a secret as not valid, without metadata.
            return null;
        }
    }

    /** {@code PrintEndpointsSummary} with {@code includeConfigType}: groups without endpoints are skipped. */
    static void endpoints(List<FullConfigDump.EndpointGroup> groups, Writer out) throws IOException {
        List<FullConfigDump.EndpointGroup> kept = new ArrayList<>();
        for (FullConfigDump.EndpointGroup g : groups) {
            if (!g.endpoints().isEmpty()) {
                kept.add(g);
            }
        }
        GoSort.slice(kept, (a, b) -> SubsetKey.safely(a.clusterName()).less(SubsetKey.safely(b.clusterName())));
        TabWriter w = TabWriter.forRoutes(out);
        w.write("NAME\tSTATUS\tLOCALITY\tCLUSTER\n");
        for (FullConfigDump.EndpointGroup g : kept) {
            for (FullConfigDump.LbEndpoint ep : g.endpoints()) {
                w.write("endpoint/" + String.join(",", ep.addresses()) + "\t" + ep.healthStatus() + "\t"
                        + ep.locality() + "\t" + g.clusterName() + "\n");
            }
        }
        w.flush();
    }
}
