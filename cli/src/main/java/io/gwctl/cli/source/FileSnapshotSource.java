package io.gwctl.cli.source;

import io.gwctl.cli.ExitCodes;
import io.gwctl.model.Snapshot;
import io.gwctl.model.load.LoadOptions;
import io.gwctl.model.load.LoadProblem;
import io.gwctl.model.load.LoadResult;
import io.gwctl.model.load.LoadStats;
import io.gwctl.model.load.ManifestLoader;
import io.gwctl.model.load.ParseCache;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Resources read from manifest files, directories or standard input with the {@link ManifestLoader}. What is read
 * (hidden entries, the configuration file, {@code ignorePaths}) is the loader's decision, through the
 * {@link LoadOptions}; this class only turns its result into a {@link SourceResult}.
 */
public final class FileSnapshotSource implements SnapshotSource {
    private final List<String> paths;
    private final LoadOptions options;
    private final ParseCache cache;

    public FileSnapshotSource(List<String> paths, LoadOptions options) {
        this(paths, options, null);
    }

    /** A source sharing the parse of files with the same bytes with the other loads of {@code cache} (null: none). */
    public FileSnapshotSource(List<String> paths, LoadOptions options, ParseCache cache) {
        this.paths = List.copyOf(paths);
        this.options = options;
        this.cache = cache;
    }

    /**
     * This source with resources that keep no positions ({@link LoadOptions#positions}), for commands that print no
     * line of a resource; it shares no parse (a shared one keeps its positions).
     */
    public FileSnapshotSource withoutPositions() {
        return new FileSnapshotSource(paths, options.withoutPositions(), null);
    }

    @Override
    public SourceResult load() {
        LoadResult r = new ManifestLoader(options, cache).load(paths);
        Set<String> files = new HashSet<>();
        int code = ExitCodes.OK;
        for (LoadProblem p : r.problems()) {
            files.add(p.file());
            code = ExitCodes.combine(code, p.type().exitCode());
        }
        Snapshot snapshot = r.snapshot();
        String seen = snapshot.size() == 0 && r.problems().isEmpty() ? seen(r.stats()) : null;
        return new SourceResult(snapshot, r.problems(), files.size(), code, r.notes(), details(r.stats()), paths,
                null, seen);
    }

    /**
     * What an input without a single resource gwctl reads did hold: {@code 3 files read, 4 objects of kinds gwctl
     * does not read: Gateway (gateway.networking.k8s.io) ×2, HTTPRoute (gateway.networking.k8s.io) ×2}.
     */
    static String seen(LoadStats s) {
        StringBuilder sb = new StringBuilder();
        sb.append(s.files()).append(s.files() == 1 ? " file read" : " files read");
        int objects = 0;
        for (int n : s.skippedKinds().values()) {
            objects += n;
        }
        if (objects == 0) {
            sb.append(s.documents() == 0 ? ", no documents in them" : ", " + s.documents() + " empty document(s)");
        } else {
            sb.append(", ").append(objects).append(objects == 1 ? " object" : " objects")
                    .append(" of kinds gwctl does not read: ");
            List<String> kinds = new ArrayList<>();
            for (Map.Entry<String, Integer> e : new TreeMap<>(s.skippedKinds()).entrySet()) {
                String key = e.getKey();
                int dot = key.indexOf('.');
                String kind = dot < 0 ? key : key.substring(0, dot) + " (" + key.substring(dot + 1) + ")";
                kinds.add(kind + (e.getValue() > 1 ? " \u00d7" + e.getValue() : ""));
            }
            sb.append(String.join(", ", kinds));
        }
        if (s.skippedFiles() > 0) {
            sb.append("; ").append(s.skippedFiles()).append(" non-manifest file(s) skipped");
        }
        if (!s.ignored().isEmpty()) {
            sb.append("; ").append(s.ignored().size()).append(" path(s) not read: ")
                    .append(String.join(", ", s.ignored()));
        }
        return sb.toString();
    }

    /** The -v lines: what was read and what was skipped, so nothing is left out silently (lint-catalogue §5 F). */
    private static List<String> details(LoadStats s) {
        List<String> lines = new ArrayList<>();
        lines.add("read " + s.files() + " file(s), " + s.documents() + " document(s), " + s.resources()
                + " resource(s)");
        if (s.skippedFiles() > 0) {
            lines.add("skipped " + s.skippedFiles() + " non-manifest file(s) in directories: "
                    + String.join(", ", s.skippedFileNames()));
        }
        if (!s.skippedKinds().isEmpty()) {
            StringBuilder sb = new StringBuilder("skipped documents of kinds gwctl does not read:");
            for (Map.Entry<String, Integer> e : new TreeMap<>(s.skippedKinds()).entrySet()) {
                sb.append(' ').append(e.getKey()).append(" (").append(e.getValue()).append(')');
            }
            lines.add(sb.toString());
        }
        if (!s.ignored().isEmpty()) {
            lines.add("not read: " + s.ignored().size() + " path(s) (hidden, the configuration file, or ignorePaths): "
                    + String.join(", ", s.ignored()));
        }
        return lines;
    }
}
