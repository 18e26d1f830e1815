package io.gwctl.cli.source;

import io.gwctl.cli.ExitCodes;
import io.gwctl.model.Resource;
import io.gwctl.model.Snapshot;
import io.gwctl.model.load.LoadOptions;
import io.gwctl.model.load.LoadProblem;
import io.gwctl.model.load.LoadResult;
import io.gwctl.model.load.LoadStats;
import io.gwctl.model.load.ManifestLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/** Resources read from manifest files, directories or standard input with the {@link ManifestLoader}. */
public final class FileSnapshotSource implements SnapshotSource {
    private final List<String> paths;
    private final LoadOptions options;
    private final Predicate<String> ignored;

    /**
     * {@code ignored}: files (as the loader names them) whose resources and problems are dropped. Files found in
     * hidden entries below a named directory ({@code .github/workflows/ci.yml}, {@code .gwctl.yaml}) are dropped
     * too: they are never manifests, and reading them would fail every {@code -f .} run in a Git repository.
     */
    public FileSnapshotSource(List<String> paths, LoadOptions options, Predicate<String> ignored) {
        this.paths = List.copyOf(paths);
        this.options = options;
        Predicate<String> decide = ignored.or(this::hiddenBelowNamedDirectory);
        Map<String, Boolean> decided = new HashMap<>();
        // One decision per file, not per resource: a large file holds thousands of documents.
        this.ignored = file -> decided.computeIfAbsent(file, decide::test);
    }

    /** True for {@code dir/.x/...} or {@code dir/.x} when {@code dir} is a -f argument (the loader's names). */
    private boolean hiddenBelowNamedDirectory(String file) {
        if (paths.contains(file)) {
            return false;
        }
        for (String arg : paths) {
            String prefix = arg.replaceAll("/+$", "") + "/";
            if (file.startsWith(prefix) || arg.equals("/")) {
                String rel = arg.equals("/") ? file.substring(1) : file.substring(prefix.length());
                for (String segment : rel.split("/")) {
                    if (segment.startsWith(".") && !segment.equals(".") && !segment.equals("..")) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }

    @Override
    public SourceResult load() {
        LoadResult r = new ManifestLoader(options).load(paths);
        List<LoadProblem> problems = new ArrayList<>();
        Set<String> files = new HashSet<>();
        Set<String> dropped = new TreeSet<>();
        int code = ExitCodes.OK;
        for (LoadProblem p : r.problems()) {
            if (ignored.test(p.file())) {
                dropped.add(p.file());
                continue;
            }
            problems.add(p);
            files.add(p.file());
            code = ExitCodes.combine(code, p.type().exitCode());
        }
        Snapshot.Builder kept = Snapshot.builder();
        for (Resource res : r.snapshot().all()) {
            if (!ignored.test(res.origin().file())) {
                kept.add(res);
            } else {
                dropped.add(res.origin().file());
            }
        }
        List<String> details = details(r.stats());
        if (!dropped.isEmpty()) {
            details.add("ignored " + dropped.size() + " file(s) (hidden, the configuration file, or ignorePaths): "
                    + String.join(", ", dropped));
        }
        Snapshot snapshot = kept.build();
        String seen = snapshot.size() == 0 && problems.isEmpty() ? seen(r.stats()) : null;
        return new SourceResult(snapshot, problems, files.size(), code, r.notes(), details, paths, null, seen);
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
        return lines;
    }
}
