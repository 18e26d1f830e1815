package io.gwctl.cli.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The grants of an RBAC manifest (ClusterRoles and Roles bound by a ClusterRoleBinding or RoleBinding), expanded to
 * one {@link Grant} per verb, API group and resource, to check requests against as the API server's authorizer
 * would: a ClusterRole's rules in every namespace and at the cluster scope, a Role's in its namespace only.
 * Enough RBAC for docs/rbac.yaml: no resourceNames, no wildcards, no aggregation.
 */
final class RbacRules {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** One verb on one resource of one API group; {@code namespace} null for a ClusterRole's. */
    record Grant(String verb, String group, String resource, String namespace) {
        boolean allows(MockCluster.ApiPath p) {
            return verb.equals(p.verb()) && group.equals(p.group()) && resource.equals(p.resource())
                    && (namespace == null || namespace.equals(p.namespace()));
        }
    }

    private final List<Grant> grants;

    private RbacRules(List<Grant> grants) {
        this.grants = List.copyOf(grants);
    }

    static RbacRules load(Path file) {
        List<JsonNode> docs;
        try {
            docs = YAML.readValues(YAML.createParser(file.toFile()), JsonNode.class).readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> bound = new HashSet<>();
        for (JsonNode d : docs) {
            String kind = d.path("kind").asText();
            if (kind.equals("ClusterRoleBinding") || kind.equals("RoleBinding")) {
                bound.add(d.path("roleRef").path("kind").asText() + "/" + d.path("metadata").path("namespace")
                        .asText("") + "/" + d.path("roleRef").path("name").asText());
            }
        }
        List<Grant> grants = new ArrayList<>();
        for (JsonNode d : docs) {
            String kind = d.path("kind").asText();
            if (!kind.equals("ClusterRole") && !kind.equals("Role")) {
                continue;
            }
            String namespace = kind.equals("Role") ? d.path("metadata").path("namespace").asText() : null;
            if (!bound.contains(kind + "/" + (namespace == null ? "" : namespace) + "/"
                    + d.path("metadata").path("name").asText())) {
                throw new IllegalArgumentException(kind + " " + d.path("metadata").path("name").asText()
                        + " is bound by no binding in " + file);
            }
            for (JsonNode rule : d.path("rules")) {
                for (JsonNode group : rule.path("apiGroups")) {
                    for (JsonNode resource : rule.path("resources")) {
                        for (JsonNode verb : rule.path("verbs")) {
                            grants.add(new Grant(verb.asText(), group.asText(), resource.asText(), namespace));
                        }
                    }
                }
            }
        }
        return new RbacRules(grants);
    }

    List<Grant> grants() {
        return grants;
    }

    boolean allows(MockCluster.ApiPath p) {
        return grants.stream().anyMatch(g -> g.allows(p));
    }
}
