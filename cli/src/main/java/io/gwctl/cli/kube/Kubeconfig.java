package io.gwctl.cli.kube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One kubeconfig made of several files by kubectl's rules (client-go {@code clientcmd}): the files are read in
 * order, missing ones skipped; for clusters, users and contexts the first file that defines a name wins, with the
 * whole entry taken from that file (entries are never merged field by field); {@code current-context} comes from
 * the first file that sets it. Relative file references ({@code certificate-authority}, {@code client-certificate},
 * {@code client-key}, {@code tokenFile}, an exec {@code command} containing a path separator) are resolved
 * against the directory of the file that defines them, so the merged document can be handed on as one text.
 */
public final class Kubeconfig {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, ObjectNode> clusters = new LinkedHashMap<>();
    private final Map<String, ObjectNode> users = new LinkedHashMap<>();
    private final Map<String, ObjectNode> contexts = new LinkedHashMap<>();
    private final List<Path> files = new ArrayList<>();
    private String currentContext;

    private Kubeconfig() {
    }

    /**
     * Reads and merges {@code paths} in order. A path that does not exist is skipped (kubectl's rule for
     * {@code KUBECONFIG} lists); one that exists but cannot be read or parsed is an error naming it.
     */
    public static Kubeconfig load(List<Path> paths) throws KubeconfigException {
        Kubeconfig k = new Kubeconfig();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                continue;
            }
            JsonNode root;
            try {
                root = YAML.readTree(Files.readAllBytes(p));
            } catch (JsonProcessingException e) {
                throw new KubeconfigException("kubeconfig " + p + ": not valid YAML (line "
                        + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
            } catch (IOException e) {
                throw new KubeconfigException("kubeconfig " + p + ": cannot read: " + e.getMessage());
            }
            k.files.add(p);
            if (root == null || root.isMissingNode() || root.isNull()) {
                continue; // an empty file is a valid, empty kubeconfig
            }
            if (!root.isObject()) {
                throw new KubeconfigException("kubeconfig " + p + ": expected a mapping at the top level");
            }
            Path dir = p.toAbsolutePath().getParent();
            k.merge(root, "clusters", "cluster", k.clusters, dir);
            k.merge(root, "users", "user", k.users, dir);
            k.merge(root, "contexts", "context", k.contexts, dir);
            String current = root.path("current-context").asText("");
            if (k.currentContext == null && !current.isEmpty()) {
                k.currentContext = current;
            }
        }
        return k;
    }

    private void merge(JsonNode root, String list, String field, Map<String, ObjectNode> into, Path dir) {
        for (JsonNode entry : root.path(list)) {
            String name = entry.path("name").asText("");
            if (name.isEmpty() || into.containsKey(name) || !entry.path(field).isObject()) {
                continue;
            }
            ObjectNode copy = ((ObjectNode) entry).deepCopy();
            resolvePaths((ObjectNode) copy.get(field), dir);
            into.put(name, copy);
        }
    }

    /** Makes file references absolute against the defining file's directory, as clientcmd's ResolvePaths does. */
    private static void resolvePaths(ObjectNode o, Path dir) {
        for (String key : List.of("certificate-authority", "client-certificate", "client-key", "tokenFile")) {
            JsonNode v = o.get(key);
            if (v != null && v.isTextual() && !v.asText().isEmpty()) {
                o.put(key, dir.resolve(expandHome(v.asText())).normalize().toString());
            }
        }
        JsonNode exec = o.get("exec");
        if (exec instanceof ObjectNode e && e.path("command").isTextual()) {
            String cmd = e.path("command").asText();
            if (cmd.indexOf('/') >= 0 && !Path.of(cmd).isAbsolute()) {
                e.put("command", dir.resolve(cmd).normalize().toString());
            }
        }
    }

    private static String expandHome(String path) {
        if (path.startsWith("~/")) {
            String home = System.getProperty("user.home");
            return home + path.substring(1);
        }
        return path;
    }

    /** The files that existed and were read, in order. */
    public List<Path> files() {
        return List.copyOf(files);
    }

    /** True when no file existed, or the ones that did define no context and no cluster. */
    public boolean isEmpty() {
        return contexts.isEmpty() && clusters.isEmpty();
    }

    /** The merged current-context, or null. */
    public String currentContext() {
        return currentContext;
    }

    /** The context names, in the order first defined. */
    public List<String> contextNames() {
        return List.copyOf(contexts.keySet());
    }

    public boolean hasContext(String name) {
        return contexts.containsKey(name);
    }

    /** The namespace of a context, or null when it sets none. */
    public String namespaceOf(String context) {
        ObjectNode c = contexts.get(context);
        String ns = c == null ? "" : c.path("context").path("namespace").asText("");
        return ns.isEmpty() ? null : ns;
    }

    /** The {@code cluster} stanza of a context's cluster (server, certificate-authority, …); missing when none. */
    public JsonNode clusterOf(String context) {
        ObjectNode c = contexts.get(context);
        ObjectNode cluster = c == null ? null : clusters.get(c.path("context").path("cluster").asText(""));
        return cluster == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : cluster.path("cluster");
    }

    /** The {@code user} stanza of a context's user (token, client-certificate, exec, …); missing when none. */
    public JsonNode userOf(String context) {
        ObjectNode c = contexts.get(context);
        ObjectNode user = c == null ? null : users.get(c.path("context").path("user").asText(""));
        return user == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : user.path("user");
    }

    /** The merged configuration as one kubeconfig document (JSON, which is YAML) with {@code context} current. */
    public String toDocument(String context) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("apiVersion", "v1");
        root.put("kind", "Config");
        putAll(root.putArray("clusters"), clusters);
        putAll(root.putArray("users"), users);
        putAll(root.putArray("contexts"), contexts);
        if (context != null) {
            root.put("current-context", context);
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putAll(ArrayNode into, Map<String, ObjectNode> entries) {
        entries.values().forEach(into::add);
    }
}
