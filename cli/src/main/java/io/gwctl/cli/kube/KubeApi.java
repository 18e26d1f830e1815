package io.gwctl.cli.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The API server as gwctl reads it: plain GETs of JSON through fabric8's HTTP client (which brings the kubeconfig's
 * authentication, TLS and impersonation), without fabric8's typed models, so a cluster run spends its time on the
 * network rather than on loading model classes. Lists are paginated ({@code limit}/{@code continue}, 500 a page).
 * Every request shares one deadline, {@code --request-timeout} for the whole read; 0 means none.
 */
public final class KubeApi implements AutoCloseable {
    /** Items per page of a list, as kubectl's {@code --chunk-size} default. */
    public static final int PAGE_SIZE = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String server;
    private final String namespace;
    private final Duration timeout;
    private final long deadline;
    private final Runnable onClose;

    /**
     * @param server    the API server URL, without a trailing slash
     * @param namespace the namespace of the context (or in-cluster service account), null when it names none
     * @param timeout   the whole read's time limit, {@link Duration#ZERO} for none
     * @param onClose   releases what the client holds (the HTTP client, a fabric8 client)
     */
    public KubeApi(HttpClient http, String server, String namespace, Duration timeout, Runnable onClose) {
        this.http = http;
        this.server = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
        this.namespace = namespace;
        this.timeout = timeout;
        this.deadline = timeout.isZero() ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        this.onClose = onClose;
    }

    public String server() {
        return server;
    }

    /** The context's namespace, or null. */
    public String namespace() {
        return namespace;
    }

    /** A GET of one object (or of a discovery document) at {@code path}, e.g. {@code /api/v1/namespaces/x}. */
    public CompletableFuture<JsonNode> get(String path, String what) {
        HttpRequest.Builder request = http.newHttpRequestBuilder().uri(server + path)
                .header("Accept", "application/json");
        long left = remainingMillis();
        if (left != Long.MAX_VALUE) {
            request.timeout(Math.max(1, left), TimeUnit.MILLISECONDS);
        }
        return http.sendAsync(request.build(), byte[].class).thenApply(r -> parse(r, what));
    }

    /**
     * Every item of the list at {@code path}, page by page; the items carry no kind or apiVersion (the API server
     * leaves them out of list items).
     */
    public CompletableFuture<List<JsonNode>> list(String path, String what) {
        List<JsonNode> items = new ArrayList<>();
        return page(path, what, null, items);
    }

    private CompletableFuture<List<JsonNode>> page(String path, String what, String token, List<JsonNode> items) {
        String url = path + (path.contains("?") ? "&" : "?") + "limit=" + PAGE_SIZE
                + (token == null ? "" : "&continue=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        return get(url, what).thenCompose(list -> {
            list.path("items").forEach(items::add);
            String next = list.path("metadata").path("continue").asText("");
            return next.isEmpty() ? CompletableFuture.completedFuture(items) : page(path, what, next, items);
        });
    }

    /** Waits for {@code f} within the deadline and unwraps its failure into a {@link KubeApiException}. */
    public <T> T await(CompletableFuture<T> f) throws KubeApiException {
        try {
            long left = remainingMillis();
            return left == Long.MAX_VALUE ? f.get() : f.get(Math.max(1, left), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw timedOut();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KubeApiException.connection("interrupted", e);
        } catch (ExecutionException | CompletionException e) {
            throw unwrap(e.getCause() == null ? e : e.getCause());
        }
    }

    /** The API failure inside a failed stage's throwable, or null when it failed otherwise. */
    public static KubeApiException failureOf(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof KubeApiException k) {
                return k;
            }
            if (c instanceof UncheckedApiException u) {
                return u.exception;
            }
        }
        return null;
    }

    private KubeApiException timedOut() {
        return KubeApiException.timeout("no answer from the cluster at " + server + " within " + format(timeout)
                + " (--request-timeout)");
    }

    private KubeApiException unwrap(Throwable t) {
        if (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof KubeApiException k) {
            return k;
        }
        if (t instanceof UncheckedApiException u) {
            return u.exception;
        }
        if (remainingMillis() <= 0 || isTimeout(t)) {
            return timedOut();
        }
        return KubeApiException.connection(Connections.describe(t), t);
    }

    private static boolean isTimeout(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof java.net.http.HttpTimeoutException || c instanceof java.net.SocketTimeoutException
                    || c instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode parse(HttpResponse<byte[]> r, String what) {
        byte[] body = r.body() == null ? new byte[0] : r.body();
        if (r.code() < 200 || r.code() > 299) {
            throw new UncheckedApiException(KubeApiException.fromResponse(r.code(),
                    new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8), what));
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedApiException(KubeApiException.connection("the answer to " + what
                    + " is not JSON (is --server an API server?)", e));
        }
    }

    private long remainingMillis() {
        if (deadline == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        return TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    }

    /** {@code 30s}, {@code 2m}, {@code 1500ms}: a duration as kubectl's flags write it. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0";
        }
        if (d.toMillis() % 60_000 == 0) {
            return d.toMinutes() + "m";
        }
        if (d.toMillis() % 1000 == 0) {
            return d.toSeconds() + "s";
        }
        return d.toMillis() + "ms";
    }

    @Override
    public void close() {
        onClose.run();
    }

    /** Carries a {@link KubeApiException} through a CompletableFuture stage. */
    private static final class UncheckedApiException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient KubeApiException exception;

        UncheckedApiException(KubeApiException e) {
            super(e.getMessage(), null, false, false);
            this.exception = e;
        }
    }
}
