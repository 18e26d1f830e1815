package io.gwctl.renderers.trace;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gwctl.model.envoy.RuleSource;
import io.gwctl.model.envoy.WeightedCluster;
import io.gwctl.model.trace.Trace;
import io.gwctl.model.trace.TraceOutcome;
import io.gwctl.model.trace.TraceRequest;
import io.gwctl.model.trace.TraceStep;
import io.gwctl.renderers.findings.JsonOutput;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints a request trace ({@code gwctl pc trace}): as a short list of steps, each with the Istio configuration behind
 * it, then the outcome and notes; or as JSON ({@code docs/output-formats.md} describes the shape).
 */
public final class TraceRenderer {
    /** The formats of {@code pc trace -o}. */
    public enum Format { SHORT, JSON }

    private static final int LABEL_WIDTH = 21;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TraceRenderer() {
    }

    /** Writes {@code trace} in {@code format} to {@code out} (flushed). */
    public static void render(Trace trace, Format format, Writer out) throws IOException {
        if (format == Format.JSON) {
            JsonOutput.write(json(trace), out);
        } else {
            out.write(text(trace));
        }
        out.flush();
    }

    static String text(Trace t) {
        StringBuilder sb = new StringBuilder();
        sb.append(describe(t.request())).append('\n');
        for (TraceStep s : t.steps()) {
            line(sb, s.kind().label(), s.description());
            for (RuleSource src : s.sources()) {
                line(sb, "", "from " + src.describe());
            }
        }
        line(sb, "outcome", outcome(t.outcome()));
        for (String n : t.notes()) {
            sb.append("note: ").append(n).append('\n');
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String label, String text) {
        sb.append("  ").append(label).append(" ".repeat(Math.max(1, LABEL_WIDTH - label.length()))).append(text)
                .append('\n');
    }

    /** {@code GET http://test.io/ (Host: test.io)}, with the SNI of a TLS request. */
    static String describe(TraceRequest r) {
        if (r.tcp()) {
            return "tcp://" + r.host() + ":" + r.port();
        }
        StringBuilder sb = new StringBuilder(r.method()).append(' ').append(url(r));
        sb.append(" (Host: ").append(r.header(":authority"));
        if (r.sni() != null) {
            sb.append(", SNI: ").append(r.sni());
        }
        return sb.append(')').toString();
    }

    private static String url(TraceRequest r) {
        boolean dflt = r.port() == (r.tls() ? 443 : 80);
        return r.scheme() + "://" + r.host() + (dflt ? "" : ":" + r.port()) + r.pathAndQuery();
    }

    /** The outcome in a few words: {@code cluster outbound|80||web...}, {@code 404: no virtual host ...}. */
    static String outcome(TraceOutcome o) {
        String text = switch (o.kind()) {
            case CLUSTER -> o.clusters().size() == 1 && o.clusters().get(0).weight() == 0
                    ? "cluster " + o.clusters().get(0).name() : "weighted clusters " + clusters(o.clusters());
            case TCP_PROXY -> "TCP proxy to " + clusters(o.clusters());
            case TLS_PASSTHROUGH -> "TLS passthrough to " + clusters(o.clusters());
            case REDIRECT -> "redirect" + (o.status() > 0 ? " " + o.status() : "")
                    + (o.location().isEmpty() ? "" : " to " + o.location());
            case DIRECT_RESPONSE -> "direct response" + (o.status() > 0 ? " " + o.status() : "");
            case NOT_FOUND -> "404";
            case NO_LISTENER -> "no listener";
            case NO_FILTER_CHAIN -> "connection closed";
            case UNKNOWN -> "unknown";
        };
        return o.reason().isEmpty() ? text : text + (o.kind().served() ? " (" + o.reason() + ")" : ": " + o.reason());
    }

    private static String clusters(List<WeightedCluster> clusters) {
        if (clusters.isEmpty()) {
            return "(clusters not recorded)";
        }
        List<String> parts = new ArrayList<>();
        for (WeightedCluster c : clusters) {
            parts.add(c.weight() == 0 && clusters.size() == 1 ? c.name() : c.name() + " weight " + c.weight());
        }
        return String.join(", ", parts);
    }

    static ObjectNode json(Trace t) {
        ObjectNode root = NODES.objectNode();
        TraceRequest r = t.request();
        ObjectNode req = root.putObject("request");
        req.put("scheme", r.scheme());
        req.put("host", r.host());
        req.put("port", r.port());
        if (!r.tcp()) {
            req.put("method", r.method());
            req.put("path", r.pathAndQuery());
            req.put("authority", r.header(":authority"));
        }
        if (r.sni() != null) {
            req.put("sni", r.sni());
        }
        ArrayNode steps = root.putArray("steps");
        for (TraceStep s : t.steps()) {
            ObjectNode step = steps.addObject();
            step.put("kind", s.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            step.put("description", s.description());
            ArrayNode sources = step.putArray("sources");
            for (RuleSource src : s.sources()) {
                ObjectNode n = sources.addObject();
                n.put("resource", src.resource());
                n.put("part", src.part());
                n.put("file", src.file());
                n.put("line", src.line());
            }
        }
        TraceOutcome o = t.outcome();
        ObjectNode out = root.putObject("outcome");
        out.put("kind", o.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        out.put("served", o.kind().served());
        ArrayNode clusters = out.putArray("clusters");
        for (WeightedCluster c : o.clusters()) {
            clusters.addObject().put("name", c.name()).put("weight", c.weight());
        }
        out.put("location", o.location());
        out.put("status", o.status());
        out.put("reason", o.reason());
        ArrayNode notes = root.putArray("notes");
        t.notes().forEach(notes::add);
        return root;
    }
}
