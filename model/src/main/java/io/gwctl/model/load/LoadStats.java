package io.gwctl.model.load;

import java.util.List;
import java.util.Map;

/**
 * What a load read and what it left out, for {@code -v}: files read, non-empty documents (a {@code kind: List}
 * counts once, its items as resources), resources kept, files
 * skipped in directories for their extension (with their names), and documents skipped by kind
 * ({@code Kind} for the core group, {@code Kind.group} otherwise, e.g. {@code Gateway.gateway.networking.k8s.io}),
 * and the files and directories left unread by the {@link Exclusions}, each as {@code name (reason)}.
 */
public record LoadStats(int files, int documents, int resources, int skippedFiles, Map<String, Integer> skippedKinds,
                        List<String> skippedFileNames, List<String> ignored) {
    public LoadStats {
        skippedKinds = Map.copyOf(skippedKinds);
        skippedFileNames = List.copyOf(skippedFileNames);
        ignored = List.copyOf(ignored);
    }

    public static LoadStats empty() {
        return new LoadStats(0, 0, 0, 0, Map.of(), List.of(), List.of());
    }
}
