package io.gwctl.model.load;

import static io.gwctl.model.load.Fields.child;
import static io.gwctl.model.load.Fields.node;
import static io.gwctl.model.load.Fields.object;
import static io.gwctl.model.load.Fields.objects;
import static io.gwctl.model.load.Fields.string;
import static io.gwctl.model.load.Fields.stringMap;
import static io.gwctl.model.load.Fields.strings;

import com.fasterxml.jackson.databind.JsonNode;
import io.gwctl.model.Kind;
import io.gwctl.model.ObjectMeta;
import io.gwctl.model.Origin;
import io.gwctl.model.SourceMap;
import io.gwctl.model.install.GatewayComponent;
import io.gwctl.model.install.InstalledGateways;
import io.gwctl.model.install.IstioOperator;
import io.gwctl.model.kube.ServicePort;
import io.gwctl.model.secret.SecretProducer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps the kinds gwctl reads for what they create rather than for themselves: an {@code IstioOperator} (its gateway
 * components, with the operator's defaults applied) and the Secret producers of cert-manager, External Secrets and
 * Sealed Secrets.
 */
final class InstallMapper {
    private static final Set<String> OPERATOR_VERSIONS = Set.of("install.istio.io/v1alpha1");
    private static final Set<String> CERTIFICATE_VERSIONS = Set.of("cert-manager.io/v1", "cert-manager.io/v1beta1",
            "cert-manager.io/v1alpha3", "cert-manager.io/v1alpha2");
    private static final Set<String> EXTERNAL_SECRET_VERSIONS = Set.of("external-secrets.io/v1",
            "external-secrets.io/v1beta1", "external-secrets.io/v1alpha1");
    private static final Set<String> SEALED_SECRET_VERSIONS = Set.of("bitnami.com/v1alpha1");
    /** Profiles whose default install has no ingress gateway (operator profiles, Istio 1.2x). */
    private static final Set<String> NO_INGRESS_PROFILES = Set.of("minimal", "empty", "remote", "ambient",
            "openshift-ambient", "external");

    private InstallMapper() {
    }

    /** True when gwctl reads this apiVersion of kind {@code k} (other versions of the same kind name are skipped). */
    static boolean serves(Kind k, String apiVersion) {
        return switch (k) {
            case ISTIO_OPERATOR -> OPERATOR_VERSIONS.contains(apiVersion);
            case CERTIFICATE -> CERTIFICATE_VERSIONS.contains(apiVersion);
            case EXTERNAL_SECRET -> EXTERNAL_SECRET_VERSIONS.contains(apiVersion);
            case SEALED_SECRET -> SEALED_SECRET_VERSIONS.contains(apiVersion);
            default -> false;
        };
    }

    /**
     * The Secret a producer creates, in its own namespace: a Certificate's {@code spec.secretName}, an
     * ExternalSecret's {@code spec.target.name} (default: its name), a SealedSecret's
     * {@code spec.template.metadata.name} (default: its name).
     */
    static SecretProducer secretProducer(Kind kind, ObjectMeta meta, Origin origin, SourceMap source, JsonNode spec)
            throws InvalidResourceException {
        String name;
        String pointer;
        List<String> names = null;
        switch (kind) {
            case CERTIFICATE -> {
                name = string(spec, "secretName", "/spec");
                pointer = "/spec/secretName";
                names = new ArrayList<>(strings(spec, "dnsNames", "/spec"));
                names.addAll(strings(spec, "ipAddresses", "/spec"));
                String cn = string(spec, "commonName", "/spec");
                if (cn != null && !cn.isEmpty() && !names.contains(cn)) {
                    names.add(cn); // cert-manager puts the common name into the DNS SANs too
                }
            }
            case EXTERNAL_SECRET -> {
                name = string(object(spec, "target", "/spec"), "name", "/spec/target");
                pointer = "/spec/target/name";
            }
            default -> {
                JsonNode template = object(spec, "template", "/spec");
                name = string(object(template, "metadata", "/spec/template"), "name", "/spec/template/metadata");
                pointer = "/spec/template/metadata/name";
            }
        }
        if (name == null || name.isEmpty()) {
            if (kind == Kind.CERTIFICATE) {
                throw new InvalidResourceException("/spec", "spec.secretName: required for a Certificate");
            }
            name = meta.name();
            pointer = "/metadata/name";
        }
        return new SecretProducer(kind, meta, origin, source, name, pointer, names);
    }

    /**
     * The gateways an IstioOperator installs: the listed {@code spec.components.ingressGateways[]} and
     * {@code egressGateways[]}, merged by name with the profile's default {@code istio-ingressgateway} (enabled
     * except in the minimal, empty, remote and ambient profiles) and {@code istio-egressgateway} (enabled in the demo
     * profile). A component inherits {@code spec.values.gateways.istio-ingressgateway} (or {@code -egressgateway})
     * and the chart's defaults: its {@code label} is laid over the default labels, {@code k8s.service.ports}
     * replaces the default ports, its namespace is {@code spec.namespace}, else {@code istio-system}.
     */
    static IstioOperator istioOperator(ObjectMeta meta, Origin origin, SourceMap source, JsonNode spec)
            throws InvalidResourceException {
        String profile = string(spec, "profile", "/spec", "default");
        JsonNode values = object(spec, "values", "/spec");
        JsonNode global = object(values, "global", "/spec/values");
        String namespace = string(spec, "namespace", "/spec",
                string(global, "istioNamespace", "/spec/values/global", InstalledGateways.ISTIO_NAMESPACE));
        JsonNode valueGateways = object(values, "gateways", "/spec/values");
        JsonNode components = object(spec, "components", "/spec");
        String installedBy = "IstioOperator " + meta.key();
        List<GatewayComponent> out = new ArrayList<>();
        for (boolean ingress : new boolean[] {true, false}) {
            String field = ingress ? "ingressGateways" : "egressGateways";
            String defaultName = ingress ? InstalledGateways.INGRESS_NAME : InstalledGateways.EGRESS_NAME;
            boolean defaultEnabled = ingress ? !NO_INGRESS_PROFILES.contains(profile) : "demo".equals(profile);
            String vp = "/spec/values/gateways/" + defaultName;
            JsonNode defaults = object(valueGateways, defaultName, "/spec/values/gateways");
            Map<String, String> defaultLabels = stringMap(defaults, "labels", vp);
            if (defaultLabels == null || defaultLabels.isEmpty()) {
                defaultLabels = InstalledGateways.legacyLabels(ingress);
            }
            String defaultType = string(defaults, "type", vp, ingress ? "LoadBalancer" : "ClusterIP");
            List<ServicePort> defaultPorts = node(defaults, "ports") == null ? InstalledGateways.legacyPorts(ingress)
                    : ports(defaults, vp);
            Defaults d = new Defaults(installedBy, origin, source, namespace, ingress, defaultLabels, defaultType,
                    defaultPorts);
            boolean defaultListed = false;
            List<GatewayComponent> listed = objects(components, field, "/spec/components",
                    (c, p, i) -> component(c, p, d, defaultName, defaultEnabled));
            for (GatewayComponent c : listed) {
                defaultListed |= c.name().equals(defaultName) && c.namespace().equals(namespace);
            }
            if (!defaultListed) {
                String p = node(components, field) != null ? "/spec/components/" + field : "/spec";
                out.add(new GatewayComponent(installedBy, at(origin, source, p), defaultName, namespace, ingress,
                        defaultEnabled, defaultLabels, true, defaultLabels, defaultType, defaultPorts, true));
            }
            out.addAll(listed);
        }
        return new IstioOperator(meta, origin, source, out);
    }

    /** What a component inherits from the install. */
    private record Defaults(String installedBy, Origin origin, SourceMap source, String namespace, boolean ingress,
                            Map<String, String> labels, String type, List<ServicePort> ports) {
    }

    private static GatewayComponent component(JsonNode c, String p, Defaults d, String defaultName,
                                              boolean defaultEnabled) throws InvalidResourceException {
        String name = string(c, "name", p, defaultName);
        String ns = string(c, "namespace", p, d.namespace());
        JsonNode enabledNode = node(c, "enabled");
        boolean enabled = enabledNode == null ? !name.equals(defaultName) || defaultEnabled
                : Fields.bool(c, "enabled", p);
        Map<String, String> own = stringMap(c, "label", p);
        Map<String, String> labels = new LinkedHashMap<>(d.labels());
        if (own != null) {
            labels.putAll(own);
        }
        String kp = child(p, "k8s");
        JsonNode service = object(object(c, "k8s", p), "service", kp);
        String sp = child(kp, "service");
        Map<String, String> selector = stringMap(service, "selector", sp);
        List<ServicePort> ports = node(service, "ports") == null ? d.ports() : ports(service, sp);
        return new GatewayComponent(d.installedBy(), at(d.origin(), d.source(), p), name, ns, d.ingress(), enabled,
                labels, own != null && !own.isEmpty() || name.equals(defaultName),
                selector == null || selector.isEmpty() ? labels : selector, string(service, "type", sp, d.type()),
                ports, true);
    }

    /** Service ports as the API server defaults them (protocol TCP, targetPort = port). */
    static List<ServicePort> ports(JsonNode parent, String p) throws InvalidResourceException {
        return objects(parent, "ports", p, ResourceMapper::servicePort);
    }

    /** The origin of the field at {@code pointer}: same file and document, the field's line and column. */
    private static Origin at(Origin origin, SourceMap source, String pointer) {
        int line = source.line(pointer);
        int column = source.column(pointer);
        return new Origin(origin.file(), origin.document(), line > 0 ? line : origin.line(),
                column > 0 ? column : origin.column());
    }
}
