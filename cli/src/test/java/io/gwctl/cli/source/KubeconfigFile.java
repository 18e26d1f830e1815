package io.gwctl.cli.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes kubeconfig files for tests: one cluster, user and context of the same name per {@link Context}. */
final class KubeconfigFile {
    private KubeconfigFile() {
    }

    /** A context whose cluster is at {@code server}, with a bearer token and a namespace (null: none). */
    record Context(String name, String server, String namespace, String token) {
    }

    /** Writes {@code contexts} to {@code file} with {@code current} as current-context (null: none). */
    static String write(Path file, Context context, String current) {
        return write(file, new Context[] {context}, current);
    }

    static String write(Path file, Context[] contexts, String current) {
        StringBuilder clusters = new StringBuilder("clusters:\n");
        StringBuilder users = new StringBuilder("users:\n");
        StringBuilder ctx = new StringBuilder("contexts:\n");
        for (Context c : contexts) {
            clusters.append("- name: ").append(c.name()).append("\n  cluster:\n    server: ").append(c.server())
                    .append('\n');
            users.append("- name: ").append(c.name()).append("\n  user:\n    token: ").append(c.token())
                    .append('\n');
            ctx.append("- name: ").append(c.name()).append("\n  context:\n    cluster: ").append(c.name())
                    .append("\n    user: ").append(c.name()).append('\n');
            if (c.namespace() != null) {
                ctx.append("    namespace: ").append(c.namespace()).append('\n');
            }
        }
        String text = "apiVersion: v1\nkind: Config\n" + clusters + users + ctx
                + (current == null ? "" : "current-context: " + current + "\n");
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toString();
    }
}
