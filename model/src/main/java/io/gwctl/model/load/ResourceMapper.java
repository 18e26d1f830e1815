package io.gwctl.model.load;

import static io.gwctl.model.load.Fields.bool;
import static io.gwctl.model.load.Fields.child;
import static io.gwctl.model.load.Fields.integer;
import static io.gwctl.model.load.Fields.list;
import static io.gwctl.model.load.Fields.node;
import static io.gwctl.model.load.Fields.object;
import static io.gwctl.model.load.Fields.objects;
import static io.gwctl.model.load.Fields.string;
import static io.gwctl.model.load.Fields.stringMap;
import static io.gwctl.model.load.Fields.strings;

import com.fasterxml.jackson.databind.JsonNode;
import io.gwctl.model.Kind;
import io.gwctl.model.ObjectMeta;
import io.gwctl.model.OwnerReference;
import io.gwctl.model.Origin;
import io.gwctl.model.Resource;
import io.gwctl.model.ResourceRef;
import io.gwctl.model.SourceMap;
import io.gwctl.model.istio.ClientTls;
import io.gwctl.model.istio.Destination;
import io.gwctl.model.istio.DestinationRule;
import io.gwctl.model.istio.Gateway;
import io.gwctl.model.istio.HttpMatch;
import io.gwctl.model.istio.HttpRedirect;
import io.gwctl.model.istio.HttpRewrite;
import io.gwctl.model.istio.HttpRoute;
import io.gwctl.model.istio.L4Match;
import io.gwctl.model.istio.Port;
import io.gwctl.model.istio.RouteDestination;
import io.gwctl.model.istio.Server;
import io.gwctl.model.istio.ServerTls;
import io.gwctl.model.istio.ServiceEntry;
import io.gwctl.model.istio.StringMatch;
import io.gwctl.model.istio.TcpRoute;
import io.gwctl.model.istio.TlsCertificate;
import io.gwctl.model.istio.TlsMode;
import io.gwctl.model.istio.TlsRoute;
import io.gwctl.model.istio.TrafficPolicy;
import io.gwctl.model.istio.VirtualService;
import io.gwctl.model.kube.Container;
import io.gwctl.model.kube.ContainerPort;
import io.gwctl.model.kube.Deployment;
import io.gwctl.model.kube.Namespace;
import io.gwctl.model.kube.Pod;
import io.gwctl.model.kube.Secret;
import io.gwctl.model.kube.Service;
import io.gwctl.model.kube.ServicePort;
import io.gwctl.model.tls.TlsCredential;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one parsed document (a JSON tree) into the record gwctl reads, applying the defaults the API server would
 * (Service port protocol and targetPort, container port protocol, the namespace). Usable without files: tests
 * build a tree inline and pass {@link SourceMap#empty()}.
 */
public final class ResourceMapper {
    /** The apiVersions istiod serves for networking.istio.io kinds (all three are the same schema). */
    private static final Set<String> ISTIO_VERSIONS = Set.of("networking.istio.io/v1", "networking.istio.io/v1beta1",
            "networking.istio.io/v1alpha3");
    /** apps/v1 and the older group versions that old charts and fixtures still use for Deployments. */
    private static final Set<String> DEPLOYMENT_VERSIONS = Set.of("apps/v1", "apps/v1beta1", "apps/v1beta2",
            "extensions/v1beta1");

    private ResourceMapper() {
    }

    /**
     * Maps one document. Returns null for kinds gwctl does not read (including same-named kinds of other groups,
     * such as a {@code gateway.networking.k8s.io} Gateway); throws when the document is not a valid resource.
     */
    public static Resource map(JsonNode doc, SourceMap source, Origin origin, String defaultNamespace)
            throws InvalidResourceException {
        return map(doc, source, origin, defaultNamespace, ValuePool.NONE);
    }

    /** Maps one document, sharing its small values with the earlier documents of the same load through {@code v}. */
    static Resource map(JsonNode doc, SourceMap source, Origin origin, String defaultNamespace, ValuePool v)
            throws InvalidResourceException {
        Kind kind = kindOf(doc);
        if (kind == null) {
            return null;
        }
        ObjectMeta meta = metadata(doc, kind == Kind.NAMESPACE, defaultNamespace, v);
        JsonNode spec = object(doc, "spec", "");
        return switch (kind) {
            case GATEWAY -> gateway(meta, origin, source, spec, v);
            case VIRTUAL_SERVICE -> virtualService(meta, origin, source, spec, v);
            case DESTINATION_RULE -> destinationRule(meta, origin, source, spec, v);
            case SERVICE_ENTRY -> serviceEntry(meta, origin, source, spec);
            case SERVICE -> service(meta, origin, source, spec, v);
            case POD -> new Pod(meta, origin, source, containers(spec, "/spec"));
            case DEPLOYMENT -> deployment(meta, origin, source, spec);
            case SECRET -> secret(meta, origin, source, doc, v);
            case NAMESPACE -> new Namespace(meta, origin, source);
            case ISTIO_OPERATOR -> InstallMapper.istioOperator(meta, origin, source, spec);
            case CERTIFICATE, EXTERNAL_SECRET, SEALED_SECRET -> InstallMapper.secretProducer(kind, meta, origin,
                    source, spec);
        };
    }

    /**
     * The kind gwctl reads for this document, or null when it does not read it. Throws for a document without
     * {@code kind} or with a {@code kind}/{@code apiVersion} that is not a string.
     */
    static Kind kindOf(JsonNode doc) throws InvalidResourceException {
        if (!doc.isObject()) {
            throw Fields.wrongType("", "an object (a Kubernetes resource)", doc);
        }
        String kind = string(doc, "kind", "");
        String apiVersion = string(doc, "apiVersion", "");
        if (kind == null || kind.isEmpty()) {
            throw new InvalidResourceException("", "missing kind");
        }
        Kind k = Kind.fromKindName(kind);
        if (k == null) {
            return null;
        }
        if (apiVersion == null || apiVersion.isEmpty()) {
            throw new InvalidResourceException("", "missing apiVersion");
        }
        boolean served = switch (k) {
            case GATEWAY, VIRTUAL_SERVICE, DESTINATION_RULE, SERVICE_ENTRY -> ISTIO_VERSIONS.contains(apiVersion);
            case DEPLOYMENT -> DEPLOYMENT_VERSIONS.contains(apiVersion);
            case SERVICE, POD, SECRET, NAMESPACE -> apiVersion.equals("v1");
            case ISTIO_OPERATOR, CERTIFICATE, EXTERNAL_SECRET, SEALED_SECRET -> InstallMapper.serves(k, apiVersion);
        };
        return served ? k : null;
    }

    /**
     * The object a document that failed to map describes, as far as it can be told: a kind gwctl reads (with a
     * served apiVersion) and a string {@code metadata.name}; the namespace as {@link #map} would give it. Null when
     * the document does not say (a missing kind or name, a name that is not a string), so that a problem is never
     * pinned on an object it may not be.
     */
    static ResourceRef refOf(JsonNode doc, String defaultNamespace) {
        Kind kind;
        try {
            kind = kindOf(doc);
        } catch (InvalidResourceException e) {
            return null;
        }
        JsonNode meta = doc.get("metadata");
        JsonNode name = meta == null ? null : meta.get("name");
        if (kind == null || name == null || !name.isTextual() || name.textValue().isEmpty()) {
            return null;
        }
        JsonNode ns = meta.get("namespace");
        String namespace = kind == Kind.NAMESPACE ? ""
                : ns != null && ns.isTextual() && !ns.textValue().isEmpty() ? ns.textValue() : defaultNamespace;
        return new ResourceRef(kind.kindName(), namespace, name.textValue());
    }

    /** The skip key of a Gateway API Gateway, which gwctl does not translate. */
    static final String GATEWAY_API_GATEWAY = "Gateway.gateway.networking.k8s.io";

    /**
     * The name of a skipped Gateway API Gateway ({@code skipKey} {@link #GATEWAY_API_GATEWAY}) with a string
     * {@code metadata.name}, or null: noted so that a VirtualService bound to it is known to be bound to something.
     */
    static ResourceRef gatewayApiGateway(JsonNode doc, String skipKey, String defaultNamespace) {
        JsonNode meta = doc.get("metadata");
        JsonNode name = meta == null ? null : meta.get("name");
        if (!GATEWAY_API_GATEWAY.equals(skipKey) || name == null || !name.isTextual() || name.textValue().isEmpty()) {
            return null;
        }
        JsonNode ns = meta.get("namespace");
        return new ResourceRef(GATEWAY_API_GATEWAY, ns != null && ns.isTextual() && !ns.textValue().isEmpty()
                ? ns.textValue() : defaultNamespace, name.textValue());
    }

    /** How a skipped document is counted: {@code Kind} for the core group, else {@code Kind.group}. */
    static String skipKey(JsonNode doc) {
        String kind = doc.path("kind").asText("");
        String apiVersion = doc.path("apiVersion").asText("");
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? kind : kind + "." + apiVersion.substring(0, slash);
    }

    private static ObjectMeta metadata(JsonNode doc, boolean clusterScoped, String defaultNamespace, ValuePool v)
            throws InvalidResourceException {
        JsonNode m = object(doc, "metadata", "");
        String name = string(m, "name", "/metadata");
        if (name == null || name.isEmpty()) {
            throw new InvalidResourceException(m == null ? "" : "/metadata", "missing metadata.name");
        }
        String ns = string(m, "namespace", "/metadata");
        if (clusterScoped) {
            ns = ""; // whatever is written: the API server ignores it for cluster-scoped kinds
        } else if (ns == null || ns.isEmpty()) {
            ns = defaultNamespace;
        }
        Instant created = null;
        String ts = string(m, "creationTimestamp", "/metadata");
        if (ts != null && !ts.isEmpty()) {
            try {
                created = OffsetDateTime.parse(ts, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidResourceException("/metadata/creationTimestamp",
                        "metadata.creationTimestamp: expected an RFC 3339 time such as 2024-01-31T12:00:00Z, got "
                                + Fields.quote(ts));
            }
        }
        return new ObjectMeta(name, ns, sharedMap(v, stringMap(m, "labels", "/metadata")),
                sharedMap(v, stringMap(m, "annotations", "/metadata")), created, objects(m, "ownerReferences", "/metadata", (o, op, i) -> new OwnerReference(
                        string(o, "kind", op), string(o, "name", op), bool(o, "controller", op))));
    }

    // ---- Istio ----

    private static Gateway gateway(ObjectMeta meta, Origin origin, SourceMap source, JsonNode spec, ValuePool v)
            throws InvalidResourceException {
        return new Gateway(meta, origin, source, sharedMap(v, stringMap(spec, "selector", "/spec")),
                objects(spec, "servers", "/spec", (s, p, i) -> server(s, p, i, v)));
    }

    /** {@code map} as an immutable map shared through {@code v}; null stays null. */
    private static <K, V> Map<K, V> sharedMap(ValuePool v, Map<K, V> map) {
        return map == null ? null : v.share(Map.copyOf(map));
    }

    /** {@code list} as an immutable list shared through {@code v}. */
    private static <T> List<T> sharedList(ValuePool v, List<T> list) {
        return v.share(List.copyOf(list));
    }

    private static Server server(JsonNode s, String p, int index, ValuePool v) throws InvalidResourceException {
        JsonNode port = object(s, "port", p);
        Port parsedPort = null;
        if (port != null) {
            String pp = p + "/port";
            parsedPort = v.share(new Port(integer(port, "number", pp), string(port, "name", pp),
                    string(port, "protocol", pp), integer(port, "targetPort", pp)));
        }
        JsonNode tls = object(s, "tls", p);
        ServerTls parsedTls = null;
        if (tls != null) {
            String tp = p + "/tls";
            String mode = string(tls, "mode", tp);
            parsedTls = new ServerTls(bool(tls, "httpsRedirect", tp), TlsMode.parse(mode), mode,
                    string(tls, "credentialName", tp), strings(tls, "credentialNames", tp),
                    string(tls, "serverCertificate", tp), string(tls, "privateKey", tp),
                    string(tls, "caCertificates", tp), strings(tls, "subjectAltNames", tp),
                    objects(tls, "tlsCertificates", tp, (c, cp, i) -> new TlsCertificate(
                            string(c, "serverCertificate", cp), string(c, "privateKey", cp),
                            string(c, "caCertificates", cp))),
                    string(tls, "caCrl", tp), strings(tls, "cipherSuites", tp),
                    string(tls, "minProtocolVersion", tp));
        }
        return new Server(index, parsedPort, string(s, "bind", p), sharedList(v, strings(s, "hosts", p)), parsedTls,
                string(s, "name", p));
    }

    private static VirtualService virtualService(ObjectMeta meta, Origin origin, SourceMap source, JsonNode spec,
                                                 ValuePool v) throws InvalidResourceException {
        List<HttpRoute> http = objects(spec, "http", "/spec", (r, p, i) -> httpRoute(r, p, v));
        List<TcpRoute> tcp = objects(spec, "tcp", "/spec",
                (r, p, i) -> new TcpRoute(l4Matches(r, p), routeDestinations(r, p, v)));
        List<TlsRoute> tls = objects(spec, "tls", "/spec",
                (r, p, i) -> new TlsRoute(l4Matches(r, p), routeDestinations(r, p, v)));
        return new VirtualService(meta, origin, source, sharedList(v, strings(spec, "hosts", "/spec")),
                sharedList(v, strings(spec, "gateways", "/spec")), http, tcp, tls,
                sharedList(v, strings(spec, "exportTo", "/spec")));
    }

    private static HttpRoute httpRoute(JsonNode r, String p, ValuePool v) throws InvalidResourceException {
        List<HttpMatch> matches = sharedList(v, objects(r, "match", p, (m, mp, i) -> httpMatch(m, mp, v)));
        JsonNode delegate = object(r, "delegate", p);
        String dp = p + "/delegate";
        JsonNode redirect = object(r, "redirect", p);
        JsonNode direct = object(r, "directResponse", p);
        JsonNode cors = object(r, "corsPolicy", p);
        List<StringMatch> origins = cors == null ? List.of()
                : objects(cors, "allowOrigins", p + "/corsPolicy", (o, op, i) -> stringMatchValue(o, op));
        return new HttpRoute(string(r, "name", p), matches, routeDestinations(r, p, v),
                redirect != null, direct != null,
                v.share(destination(object(r, "mirror", p), p + "/mirror")),
                delegate == null ? null : string(delegate, "name", dp),
                delegate == null ? null : string(delegate, "namespace", dp),
                redirect == null ? null : v.share(redirect(redirect, p + "/redirect")),
                v.share(rewrite(object(r, "rewrite", p), p + "/rewrite")), object(r, "fault", p) != null, origins,
                direct == null ? 0 : integer(direct, "status", p + "/directResponse"));
    }

    private static HttpRedirect redirect(JsonNode n, String p) throws InvalidResourceException {
        return new HttpRedirect(string(n, "uri", p), string(n, "authority", p), string(n, "scheme", p),
                integer(n, "port", p), string(n, "derivePort", p), integer(n, "redirectCode", p));
    }

    private static HttpRewrite rewrite(JsonNode n, String p) throws InvalidResourceException {
        if (n == null) {
            return null;
        }
        JsonNode regex = object(n, "uriRegexRewrite", p);
        String rp = p + "/uriRegexRewrite";
        return new HttpRewrite(string(n, "uri", p), string(n, "authority", p), regex != null,
                regex == null ? null : string(regex, "match", rp), regex == null ? null : string(regex, "rewrite", rp));
    }

    private static HttpMatch httpMatch(JsonNode m, String p, ValuePool v) throws InvalidResourceException {
        return v.share(new HttpMatch(string(m, "name", p), v.share(stringMatch(m, "uri", p)),
                v.share(stringMatch(m, "method", p)), v.share(stringMatch(m, "authority", p)),
                v.share(stringMatch(m, "scheme", p)), stringMatches(m, "headers", p),
                stringMatches(m, "withoutHeaders", p), stringMatches(m, "queryParams", p), integer(m, "port", p),
                strings(m, "gateways", p), stringMap(m, "sourceLabels", p), string(m, "sourceNamespace", p),
                bool(m, "ignoreUriCase", p)));
    }

    /** A StringMatch; null when absent or when none of exact/prefix/regex is set (Istio ignores it then). */
    private static StringMatch stringMatch(JsonNode parent, String field, String p) throws InvalidResourceException {
        JsonNode m = object(parent, field, p);
        return m == null ? null : stringMatchValue(m, child(p, field));
    }

    private static StringMatch stringMatchValue(JsonNode m, String p) throws InvalidResourceException {
        String exact = string(m, "exact", p);
        if (exact != null) {
            return new StringMatch(StringMatch.Type.EXACT, exact);
        }
        String prefix = string(m, "prefix", p);
        if (prefix != null) {
            return new StringMatch(StringMatch.Type.PREFIX, prefix);
        }
        String regex = string(m, "regex", p);
        return regex == null ? null : new StringMatch(StringMatch.Type.REGEX, regex);
    }

    /**
     * A header or query parameter map. An entry without exact/prefix/regex ({@code {}}) means "present", which
     * istiod emits as a present match, the same as an empty prefix: it is kept as {@code prefix ""}.
     */
    private static Map<String, StringMatch> stringMatches(JsonNode parent, String field, String p)
            throws InvalidResourceException {
        JsonNode n = object(parent, field, p);
        if (n == null) {
            return null;
        }
        String mp = child(p, field);
        Map<String, StringMatch> out = new LinkedHashMap<>();
        var it = n.fields();
        while (it.hasNext()) {
            var e = it.next();
            String ep = child(mp, e.getKey());
            JsonNode v = e.getValue();
            StringMatch sm = null;
            if (!v.isNull()) {
                requireObject(v, ep);
                sm = stringMatchValue(v, ep);
            }
            out.put(e.getKey(), sm == null ? new StringMatch(StringMatch.Type.PREFIX, "") : sm);
        }
        return out;
    }

    private static List<L4Match> l4Matches(JsonNode r, String p) throws InvalidResourceException {
        return objects(r, "match", p, (m, mp, i) -> new L4Match(strings(m, "sniHosts", mp),
                integer(m, "port", mp), strings(m, "gateways", mp), stringMap(m, "sourceLabels", mp),
                string(m, "sourceNamespace", mp), strings(m, "destinationSubnets", mp)));
    }

    private static List<RouteDestination> routeDestinations(JsonNode r, String p, ValuePool v)
            throws InvalidResourceException {
        return sharedList(v, objects(r, "route", p, (d, dp, i) -> v.share(new RouteDestination(
                v.share(destination(object(d, "destination", dp), dp + "/destination")), integer(d, "weight", dp),
                d.has("weight")))));
    }

    private static Destination destination(JsonNode d, String p) throws InvalidResourceException {
        if (d == null) {
            return null;
        }
        JsonNode port = object(d, "port", p);
        return new Destination(string(d, "host", p), string(d, "subset", p),
                port == null ? 0 : integer(port, "number", p + "/port"));
    }

    private static DestinationRule destinationRule(ObjectMeta meta, Origin origin, SourceMap source, JsonNode spec,
                                                   ValuePool v) throws InvalidResourceException {
        List<DestinationRule.Subset> subsets = objects(spec, "subsets", "/spec",
                (s, p, i) -> v.share(new DestinationRule.Subset(string(s, "name", p),
                        sharedMap(v, stringMap(s, "labels", p)), v.share(trafficPolicy(s, p)))));
        JsonNode selector = object(spec, "workloadSelector", "/spec");
        Map<String, String> selectorLabels = null;
        if (selector != null) {
            Map<String, String> labels = stringMap(selector, "matchLabels", "/spec/workloadSelector");
            selectorLabels = labels == null ? Map.of() : labels;
        }
        return new DestinationRule(meta, origin, source, string(spec, "host", "/spec"), subsets,
                strings(spec, "exportTo", "/spec"), selectorLabels, trafficPolicy(spec, "/spec"));
    }

    /** The {@code trafficPolicy} of a DestinationRule or of one of its subsets; null when absent. */
    private static TrafficPolicy trafficPolicy(JsonNode parent, String p) throws InvalidResourceException {
        JsonNode tp = object(parent, "trafficPolicy", p);
        if (tp == null) {
            return null;
        }
        String tpp = p + "/trafficPolicy";
        return new TrafficPolicy(clientTls(tp, tpp), objects(tp, "portLevelSettings", tpp, (s, sp, i) -> {
            JsonNode port = object(s, "port", sp);
            return new TrafficPolicy.PortSettings(port == null ? 0 : integer(port, "number", sp + "/port"),
                    clientTls(s, sp));
        }));
    }

    private static ClientTls clientTls(JsonNode parent, String p) throws InvalidResourceException {
        JsonNode tls = object(parent, "tls", p);
        if (tls == null) {
            return null;
        }
        String tp = p + "/tls";
        return new ClientTls(string(tls, "mode", tp), string(tls, "caCertificates", tp),
                string(tls, "credentialName", tp), strings(tls, "subjectAltNames", tp),
                bool(tls, "insecureSkipVerify", tp), string(tls, "clientCertificate", tp), string(tls, "privateKey", tp));
    }

    private static ServiceEntry serviceEntry(ObjectMeta meta, Origin origin, SourceMap source, JsonNode spec)
            throws InvalidResourceException {
        List<ServiceEntry.Port> ports = objects(spec, "ports", "/spec", (n, p, i) -> new ServiceEntry.Port(
                integer(n, "number", p), string(n, "name", p), string(n, "protocol", p)));
        JsonNode selector = object(spec, "workloadSelector", "/spec");
        Map<String, String> selectorLabels = null;
        if (selector != null) {
            Map<String, String> labels = stringMap(selector, "labels", "/spec/workloadSelector");
            selectorLabels = labels == null ? Map.of() : labels;
        }
        return new ServiceEntry(meta, origin, source, strings(spec, "hosts", "/spec"), ports,
                strings(spec, "exportTo", "/spec"), string(spec, "location", "/spec"),
                string(spec, "resolution", "/spec"), selectorLabels);
    }

    // ---- Kubernetes ----

    private static Service service(ObjectMeta meta, Origin origin, SourceMap source, JsonNode spec, ValuePool v)
            throws InvalidResourceException {
        List<ServicePort> ports = sharedList(v, objects(spec, "ports", "/spec",
                (n, p, i) -> v.share(servicePort(n, p, i))));
        return new Service(meta, origin, source, string(spec, "type", "/spec", "ClusterIP"),
                sharedMap(v, stringMap(spec, "selector", "/spec")), ports);
    }

    /** A Service port with the API server's defaults (also for the Service ports an install declares). */
    static ServicePort servicePort(JsonNode n, String p, int i) throws InvalidResourceException {
        int port = Fields.port(n, "port", p);
        int targetPort = port;
        String targetPortName = null;
        JsonNode tp = node(n, "targetPort");
        // The API server defaults targetPort to port; an IntOrString that is all digits is a number.
        if (tp != null && tp.isTextual() && !Fields.isDigits(tp.textValue())) {
            targetPort = 0;
            targetPortName = tp.textValue();
        } else if (tp != null) {
            int t = Fields.integerValue(tp, p + "/targetPort");
            targetPort = t == 0 ? port : Fields.portValue(tp, p + "/targetPort");
        }
        return new ServicePort(i, string(n, "name", p), string(n, "protocol", p, "TCP"), port, targetPort,
                targetPortName, Fields.port(n, "nodePort", p), string(n, "appProtocol", p));
    }

    private static Deployment deployment(ObjectMeta meta, Origin origin, SourceMap source, JsonNode spec)
            throws InvalidResourceException {
        JsonNode template = object(spec, "template", "/spec");
        JsonNode templateMeta = object(template, "metadata", "/spec/template");
        JsonNode templateSpec = object(template, "spec", "/spec/template");
        Map<String, String> templateLabels = stringMap(templateMeta, "labels", "/spec/template/metadata");
        return new Deployment(meta, origin, source, templateLabels, containers(templateSpec, "/spec/template/spec"),
                podSelector(object(spec, "selector", "/spec"), templateLabels));
    }

    /**
     * The labels {@code spec.selector} requires: its matchLabels; the template labels when the selector is absent
     * (how extensions/v1beta1 defaulted it); null when it has matchExpressions, which gwctl does not evaluate.
     */
    private static Map<String, String> podSelector(JsonNode selector, Map<String, String> templateLabels)
            throws InvalidResourceException {
        if (selector == null) {
            return templateLabels;
        }
        if (!list(selector, "matchExpressions", "/spec/selector").isEmpty()) {
            return null;
        }
        Map<String, String> matchLabels = stringMap(selector, "matchLabels", "/spec/selector");
        return matchLabels == null ? Map.of() : matchLabels;
    }

    private static List<Container> containers(JsonNode podSpec, String p) throws InvalidResourceException {
        return objects(podSpec, "containers", p, (c, cp, i) -> {
            List<ContainerPort> ports = objects(c, "ports", cp, (port, pp, j) -> new ContainerPort(
                    string(port, "name", pp), integer(port, "containerPort", pp), string(port, "protocol", pp, "TCP")));
            Map<String, String> env = new LinkedHashMap<>();
            for (String[] e : objects(c, "env", cp,
                    (e, ep, j) -> new String[] {string(e, "name", ep), string(e, "value", ep)})) {
                // Only literal values: valueFrom needs the cluster to resolve.
                if (e[0] != null && e[1] != null) {
                    env.put(e[0], e[1]);
                }
            }
            return new Container(string(c, "name", cp), string(c, "image", cp), ports, env);
        });
    }

    /**
     * A Secret's type and key names, and its TLS content read from the decoded values of {@link Secret#TLS_KEYS}
     * (the values are not kept). Messages name keys, never values. A Secret whose key names and TLS values are those
     * of an earlier Secret of the load takes that Secret's summary (its values decoded then, without a problem).
     */
    private static Secret secret(ObjectMeta meta, Origin origin, SourceMap source, JsonNode doc, ValuePool v)
            throws InvalidResourceException {
        Map<String, byte[]> tlsData = new HashMap<>();
        JsonNode data = object(doc, "data", "");
        JsonNode stringData = object(doc, "stringData", "");
        SecretValues same = stringData == null && v != ValuePool.NONE ? SecretValues.of(data) : null;
        TlsCredential known = same == null ? null : v.tls(same);
        // The key names SecretValues already gathered (all of data's, and there is no stringData), else gathered here.
        Set<String> keys = same != null ? same.names() : new LinkedHashSet<>();
        if (data != null) {
            var it = data.fields();
            while (it.hasNext()) {
                var e = it.next();
                if (same == null) {
                    keys.add(e.getKey());
                }
                if (known != null && Secret.TLS_KEYS.contains(e.getKey())) {
                    continue;
                }
                String p = child("/data", e.getKey());
                byte[] bytes = decodeSecretValue(e.getValue(), p);
                if (Secret.TLS_KEYS.contains(e.getKey())) {
                    tlsData.put(e.getKey(), bytes);
                }
            }
        }
        if (stringData != null) {
            var it = stringData.fields();
            while (it.hasNext()) {
                var e = it.next();
                JsonNode value = e.getValue();
                if (!value.isNull() && !value.isTextual()) {
                    throw new InvalidResourceException(child("/stringData", e.getKey()),
                            Fields.path(child("/stringData", e.getKey())) + ": expected a string");
                }
                keys.add(e.getKey());
                // stringData wins over data for the same key, as the API server merges it.
                if (Secret.TLS_KEYS.contains(e.getKey())) {
                    tlsData.put(e.getKey(), value.asText("").getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        String type = string(doc, "type", "", "Opaque");
        if (known != null) {
            return new Secret(meta, origin, source, type, keys, known);
        }
        Secret secret = Secret.of(meta, origin, source, type, keys, tlsData);
        if (same != null) {
            v.keepTls(same, secret.tls());
        }
        return secret;
    }

    private static byte[] decodeSecretValue(JsonNode v, String p) throws InvalidResourceException {
        if (v.isNull()) {
            return new byte[0];
        }
        if (v.isBinary()) {
            return ((com.fasterxml.jackson.databind.node.BinaryNode) v).binaryValue();
        }
        if (!v.isTextual()) {
            throw new InvalidResourceException(p, Fields.path(p) + ": expected a base64 string");
        }
        String s = v.textValue();
        // Go's base64 decoder (used by the API server for []byte) skips line breaks.
        if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = s.replace("\n", "").replace("\r", "");
        }
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new InvalidResourceException(p, Fields.path(p) + ": not valid base64");
        }
    }

    private static void requireObject(JsonNode n, String p) throws InvalidResourceException {
        if (!n.isObject()) {
            throw Fields.wrongType(p, "an object", n);
        }
    }
}
