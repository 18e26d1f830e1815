package io.gwctl.model.install;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gwctl.model.Origin;
import io.gwctl.model.kube.ServicePort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway a Helm values file installs, with the chart's defaults (Istio's {@code gateway} chart, or the legacy
 * {@code istio-ingress} chart when the values have {@code gateways.istio-ingressgateway}). Defaults as the charts
 * ship them ({@code ../shared/conformance/defaults/gateway-values.yaml} and {@code istio-ingress-values.yaml}):
 * <ul>
 *   <li>gateway chart: name {@code name} or the release name; labels {@code app: <name>},
 *   {@code istio: <name without "istio-">} (each overridden by {@code labels.app}/{@code labels.istio}) plus the
 *   other {@code labels}; Service {@code service.type} (LoadBalancer; {@code None}: no Service) with
 *   {@code service.ports} (15021, 80, 443), selector the app and istio labels plus
 *   {@code service.selectorLabels}. The pods bind ports below 1024 themselves.</li>
 *   <li>istio-ingress chart: {@code gateways.istio-ingressgateway.name}, {@code labels}, {@code ports} (15021,
 *   80→8080, 443→8443), {@code type}; the pods run unprivileged.</li>
 * </ul>
 */
public final class GatewayChartValues {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private GatewayChartValues() {
    }

    /** A values file that is not a mapping or cannot be parsed. */
    public static final class InvalidValuesException extends Exception {
        public InvalidValuesException(String message) {
            super(message);
        }
    }

    /**
     * The gateway the values install as release {@code release} in {@code namespace}; {@code file} is how messages
     * name the values file.
     */
    public static GatewayComponent read(String text, String file, String release, String namespace)
            throws InvalidValuesException {
        JsonNode v;
        try {
            v = text.isBlank() ? YAML.createObjectNode() : YAML.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : e.getLocation().getLineNr() + ":"
                    + e.getLocation().getColumnNr() + ": ";
            throw new InvalidValuesException(file + ":" + where + e.getOriginalMessage());
        }
        if (v == null || v.isNull() || v.isMissingNode()) {
            v = YAML.createObjectNode();
        }
        if (!v.isObject()) {
            throw new InvalidValuesException(file + ": expected a mapping of chart values");
        }
        Origin origin = new Origin(file, 0, 1, 1);
        String installedBy = "Helm release " + namespace + "/" + release + " values";
        JsonNode legacy = v.path("gateways").path(InstalledGateways.INGRESS_NAME);
        if (legacy.isObject()) {
            String name = text(legacy, "name", InstalledGateways.INGRESS_NAME);
            Map<String, String> labels = map(legacy.path("labels"));
            if (labels.isEmpty()) {
                labels = InstalledGateways.legacyLabels(true);
            }
            List<ServicePort> ports = legacy.has("ports") ? ports(legacy.path("ports"), file)
                    : InstalledGateways.legacyPorts(true);
            return new GatewayComponent(installedBy, origin, name, namespace, true, true, labels,
                    legacy.has("labels"), labels, text(legacy, "type", "LoadBalancer"), ports, true);
        }
        String name = text(v, "name", release.isEmpty() ? InstalledGateways.INGRESS_NAME : release);
        Map<String, String> valueLabels = map(v.path("labels"));
        Map<String, String> selector = new LinkedHashMap<>();
        selector.put("app", valueLabels.getOrDefault("app", name));
        selector.put("istio", valueLabels.getOrDefault("istio", name.startsWith("istio-")
                ? name.substring("istio-".length()) : name));
        Map<String, String> labels = new LinkedHashMap<>(selector);
        valueLabels.forEach(labels::putIfAbsent);
        JsonNode service = v.path("service");
        Map<String, String> serviceSelector = new LinkedHashMap<>(selector);
        serviceSelector.putAll(map(service.path("selectorLabels")));
        String type = text(service, "type", "LoadBalancer");
        List<ServicePort> ports = service.has("ports") ? ports(service.path("ports"), file) : List.of(
                new ServicePort(0, "status-port", "TCP", 15021, 15021, null, 0),
                new ServicePort(1, "http2", "TCP", 80, 80, null, 0),
                new ServicePort(2, "https", "TCP", 443, 443, null, 0));
        return new GatewayComponent(installedBy, origin, name, namespace, true, true, labels,
                valueLabels.containsKey("istio") || valueLabels.containsKey("app") || !release.isEmpty(),
                serviceSelector, "None".equals(type) ? null : type, ports, false);
    }

    private static String text(JsonNode n, String field, String dflt) {
        JsonNode v = n.path(field);
        return v.isValueNode() && !v.asText().isEmpty() ? v.asText() : dflt;
    }

    private static Map<String, String> map(JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> {
                if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                    out.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        return out;
    }

    private static List<ServicePort> ports(JsonNode list, String file) throws InvalidValuesException {
        if (!list.isArray()) {
            throw new InvalidValuesException(file + ": service ports: expected a list");
        }
        List<ServicePort> out = new ArrayList<>();
        for (JsonNode p : list) {
            if (!p.path("port").canConvertToInt() || p.path("port").asInt() <= 0) {
                throw new InvalidValuesException(file + ": service port " + p + ": expected a port number");
            }
            int port = p.path("port").asInt();
            JsonNode tp = p.path("targetPort");
            int target = port;
            String targetName = null;
            if (tp.isTextual() && !tp.asText().chars().allMatch(Character::isDigit)) {
                target = 0;
                targetName = tp.asText();
            } else if (!tp.isMissingNode() && tp.asInt() > 0) {
                target = tp.asInt();
            }
            out.add(new ServicePort(out.size(), text(p, "name", null), text(p, "protocol", "TCP"), port, target,
                    targetName, p.path("nodePort").asInt(0)));
        }
        return out;
    }
}
