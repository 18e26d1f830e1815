package io.gwctl.cli.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.kube.Kubeconfig;
import io.gwctl.cli.kube.KubeconfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link ClusterTarget} into fabric8's {@link Config} the way kubectl picks its connection: the merged
 * kubeconfig files and the context (or its current one); when no kubeconfig file exists, the pod's service account
 * ({@code KUBERNETES_SERVICE_HOST}); then kubectl's flags over either ({@code --server}, {@code --token},
 * {@code --certificate-authority}, {@code --insecure-skip-tls-verify}, {@code --as}). Nothing is read from the
 * process environment here: the target carries what the environment said, so tests control it fully.
 */
public final class KubeConfigs {
    /** Connecting gets at most this long of the whole read's time limit. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private KubeConfigs() {
    }

    public static Config resolve(ClusterTarget target) throws SourceException {
        List<Path> paths = new ArrayList<>();
        for (String f : target.kubeconfigs()) {
            paths.add(Path.of(f));
        }
        if (target.kubeconfigFlag() && !paths.isEmpty() && !Files.isRegularFile(paths.get(0))) {
            throw new SourceException(ExitCodes.UNAVAILABLE, "kubeconfig " + target.kubeconfigs().get(0)
                    + " not found: pass --kubeconfig FILE, or read manifests with -f PATH", null);
        }
        Kubeconfig merged;
        try {
            merged = Kubeconfig.load(paths);
        } catch (KubeconfigException e) {
            throw new SourceException(ExitCodes.UNAVAILABLE, e.getMessage(), e);
        }
        Config config;
        ClusterTarget.Connection flags = target.connection();
        if (!merged.isEmpty()) {
            config = fromKubeconfig(merged, target);
        } else if (target.inCluster() != null && target.context() == null) {
            config = inCluster(target.inCluster());
        } else if (flags.server() != null && target.context() == null) {
            config = Config.empty();
        } else {
            throw new SourceException(ExitCodes.UNAVAILABLE, noKubeconfig(target), null);
        }
        apply(flags, config);
        if (config.getMasterUrl() == null || config.getMasterUrl().isEmpty()) {
            throw new SourceException(ExitCodes.UNAVAILABLE, "the context's cluster has no server address:"
                    + " fix the kubeconfig or pass --server URL", null);
        }
        return config;
    }

    private static String noKubeconfig(ClusterTarget target) {
        if (target.context() != null) {
            return "context \"" + target.context() + "\" does not exist: no kubeconfig file found ("
                    + String.join(", ", target.kubeconfigs()) + ")";
        }
        return "no kubeconfig found (looked for " + String.join(", ", target.kubeconfigs())
                + "): pass --kubeconfig FILE or --server URL, or read manifests with -f PATH";
    }

    private static Config fromKubeconfig(Kubeconfig merged, ClusterTarget target) throws SourceException {
        String context = target.context() != null ? target.context() : merged.currentContext();
        if (context == null) {
            throw new SourceException(ExitCodes.USAGE, "the kubeconfig sets no current-context: pick one with"
                    + " --context NAME (contexts: " + String.join(", ", merged.contextNames()) + ")", null);
        }
        if (!merged.hasContext(context)) {
            // kubectl: error: context "nope" does not exist
            throw new SourceException(ExitCodes.USAGE, "context \"" + context + "\" does not exist (contexts in "
                    + files(merged) + ": " + (merged.contextNames().isEmpty() ? "none"
                    : String.join(", ", merged.contextNames())) + ")", null);
        }
        Config direct = direct(merged, context);
        if (direct != null) {
            return direct;
        }
        try {
            Config config = Config.fromKubeconfig(context, merged.toDocument(context), null);
            if (config.getNamespace() == null || config.getNamespace().isEmpty()
                    || merged.namespaceOf(context) == null) {
                config.setNamespace(merged.namespaceOf(context));
            }
            return config;
        } catch (KubernetesClientException | IllegalArgumentException | IllegalStateException e) {
            throw new SourceException(ExitCodes.UNAVAILABLE, "cannot use context \"" + context + "\" of "
                    + files(merged) + ": " + e.getMessage(), e);
        }
    }

    /**
     * The context's Config built field by field, for the usual kinds of credentials (a token or token file, a
     * client certificate, a user name and password). fabric8's own kubeconfig loader maps the file through its
     * typed model, whose first use scans and registers every Kubernetes model class: about a second of start-up
     * (README, "Against a cluster"). Users with an {@code exec} plugin or a legacy {@code auth-provider} go through
     * fabric8's loader, which runs them; null then.
     */
    private static Config direct(Kubeconfig merged, String context) throws SourceException {
        JsonNode cluster = merged.clusterOf(context);
        JsonNode user = merged.userOf(context);
        if (user.has("exec") || user.has("auth-provider")) {
            return null;
        }
        Config config = Config.empty();
        config.setMasterUrl(text(cluster, "server"));
        config.setNamespace(merged.namespaceOf(context));
        config.setCurrentContext(null);
        config.setCaCertFile(text(cluster, "certificate-authority"));
        config.setCaCertData(text(cluster, "certificate-authority-data"));
        config.setTrustCerts(cluster.path("insecure-skip-tls-verify").asBoolean(false));
        config.setDisableHostnameVerification(cluster.path("insecure-skip-tls-verify").asBoolean(false));
        String proxy = text(cluster, "proxy-url");
        if (proxy != null) {
            config.setHttpProxy(proxy);
            config.setHttpsProxy(proxy);
        }
        config.setClientCertFile(text(user, "client-certificate"));
        config.setClientCertData(text(user, "client-certificate-data"));
        config.setClientKeyFile(text(user, "client-key"));
        config.setClientKeyData(text(user, "client-key-data"));
        if (config.getClientKeyFile() != null || config.getClientKeyData() != null) {
            config.setClientKeyAlgo(Config.getKeyAlgorithm(config.getClientKeyFile(), config.getClientKeyData()));
        }
        config.setUsername(text(user, "username"));
        config.setPassword(text(user, "password"));
        String token = text(user, "token");
        String tokenFile = text(user, "tokenFile");
        if (token == null && tokenFile != null) {
            try {
                token = Files.readString(Path.of(tokenFile), StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                throw new SourceException(ExitCodes.UNAVAILABLE, "cannot read the tokenFile " + tokenFile
                        + " of context \"" + context + "\": " + e.getMessage(), e);
            }
        }
        config.setOauthToken(token);
        String as = text(user, "as");
        if (as != null) {
            config.setImpersonateUsername(as);
        }
        return config;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.asText().isEmpty() ? v.asText() : null;
    }

    private static String files(Kubeconfig merged) {
        List<String> names = new ArrayList<>();
        merged.files().forEach(p -> names.add(p.toString()));
        return names.size() == 1 ? names.get(0) : String.join(":", names);
    }

    /** The service account of the pod gwctl runs in, as client-go's rest.InClusterConfig reads it. */
    private static Config inCluster(ClusterTarget.InCluster pod) throws SourceException {
        Path dir = Path.of(pod.accountDir());
        Config config = Config.empty();
        String host = pod.host().contains(":") ? "[" + pod.host() + "]" : pod.host();
        config.setMasterUrl("https://" + host + ":" + pod.port());
        try {
            config.setOauthToken(Files.readString(dir.resolve("token"), StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            throw new SourceException(ExitCodes.UNAVAILABLE, "running in a pod (KUBERNETES_SERVICE_HOST is set) but"
                    + " its service account token " + dir.resolve("token") + " cannot be read: mount a service"
                    + " account token, or pass --kubeconfig FILE", e);
        }
        if (Files.isRegularFile(dir.resolve("ca.crt"))) {
            config.setCaCertFile(dir.resolve("ca.crt").toString());
        }
        try {
            if (Files.isRegularFile(dir.resolve("namespace"))) {
                config.setNamespace(Files.readString(dir.resolve("namespace"), StandardCharsets.UTF_8).trim());
            }
        } catch (IOException e) {
            // the namespace file is optional: the default namespace applies
        }
        return config;
    }

    /** kubectl's flags over the kubeconfig; fail fast: no retries, the deadline bounds connecting too. */
    private static void apply(ClusterTarget.Connection flags, Config config) {
        if (flags.server() != null) {
            config.setMasterUrl(flags.server());
        }
        if (flags.token() != null) {
            config.setOauthToken(flags.token());
            config.setUsername(null);
            config.setPassword(null);
        }
        if (flags.certificateAuthority() != null) {
            config.setCaCertFile(Path.of(flags.certificateAuthority()).toAbsolutePath().toString());
            config.setCaCertData(null);
        }
        if (flags.insecure()) {
            config.setTrustCerts(true);
            config.setDisableHostnameVerification(true);
        }
        if (flags.as() != null) {
            config.setImpersonateUsername(flags.as());
        }
        config.setRequestRetryBackoffLimit(0);
        Duration t = flags.timeout();
        Duration connect = t.isZero() || t.compareTo(CONNECT_TIMEOUT) > 0 ? CONNECT_TIMEOUT : t;
        config.setConnectionTimeout((int) connect.toMillis());
        // KubeApi enforces the whole read's deadline; fabric8's own per-request limit must not cut in first.
        config.setRequestTimeout(t.isZero() ? 0 : (int) Math.min(Integer.MAX_VALUE, t.toMillis() + 1000));
    }
}
