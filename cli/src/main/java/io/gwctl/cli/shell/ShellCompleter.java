package io.gwctl.cli.shell;

import io.gwctl.cli.LoadedInputs;
import io.gwctl.cli.completion.DynamicCandidates;
import io.gwctl.model.Resource;
import io.gwctl.model.Snapshot;
import io.gwctl.model.envoy.RouteConfiguration;
import io.gwctl.model.kube.Pod;
import io.gwctl.model.kube.Workload;
import io.gwctl.model.translate.GatewayView;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.AutoComplete;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Completion in {@code gwctl shell}: subcommands, options and enum values from the command tree (picocli's
 * {@link AutoComplete#complete}), file names after the options that take a file, and the names in the loaded
 * inputs: gateway workloads as the proxy-config argument, namespaces after -n, route configuration names after
 * --name and listener ports after --port (from the gateway views translated so far in the session), and the
 * Gateways and VirtualServices after the {@code CODE=} of {@code validate -S} (the only option that names them).
 */
final class ShellCompleter implements Completer {
    private static final Set<String> FILE_OPTIONS = Set.of("-f", "--filename", "--config-dump", "--gateway-values",
            "--kubeconfig", "--certificate-authority", "--config");
    private static final Set<String> PROXY_CONFIG = Set.of("proxy-config", "pc", "listener", "listeners", "l",
            "route", "routes", "r", "diff");

    private final CommandSpec root;
    private final LoadedInputs loaded;
    private final FileSystem fileSystem;

    ShellCompleter(CommandSpec root, LoadedInputs loaded, FileSystem fileSystem) {
        this.root = root;
        this.loaded = loaded;
        this.fileSystem = fileSystem;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        for (String c : candidates(line.words(), line.wordIndex(), line.wordCursor())) {
            candidates.add(new Candidate(c, c, null, null, null, null, !c.endsWith("/")));
        }
    }

    /** The completions of word {@code index} of {@code words}, the cursor at {@code cursor} in that word. */
    List<String> candidates(List<String> words, int index, int cursor) {
        String word = index < words.size() ? words.get(index) : "";
        String prefix = word.substring(0, Math.min(cursor, word.length()));
        String previous = index > 0 ? words.get(index - 1) : "";
        Snapshot snapshot = loaded.result().snapshot();
        Set<String> out = new TreeSet<>();
        if (FILE_OPTIONS.contains(previous)) {
            out.addAll(files(prefix));
        } else if (previous.equals("-n") || previous.equals("--namespace")) {
            out.addAll(DynamicCandidates.namespaces(snapshot));
        } else if (previous.equals("--name")) {
            views().forEach(v -> v.routeConfigs().stream().map(RouteConfiguration::name).forEach(out::add));
        } else if (previous.equals("-S") || previous.equals("--suppress")) {
            out.addAll(suppressions(prefix, snapshot));
        } else if (previous.equals("--port")) {
            views().forEach(v -> v.listeners().stream().map(l -> Integer.toString(l.port())).forEach(out::add));
        } else {
            List<CharSequence> suffixes = new ArrayList<>();
            AutoComplete.complete(root, words.toArray(String[]::new), index, cursor, cursor, suffixes);
            suffixes.forEach(s -> out.add(prefix + s));
            if (!prefix.startsWith("-") && index > 0 && PROXY_CONFIG.contains(words.get(0))) {
                out.addAll(workloads(snapshot));
            }
        }
        return out.stream().filter(c -> c.startsWith(prefix)).toList();
    }

    private List<GatewayView> views() {
        return loaded.views();
    }

    /** {@code deploy/NAME.NAMESPACE} or {@code pod/NAME.NAMESPACE}, the argument proxy-config takes. */
    private static List<String> workloads(Snapshot snapshot) {
        List<String> out = new ArrayList<>();
        for (Workload w : snapshot.workloads()) {
            String type = w instanceof Pod ? "pod/" : "deploy/";
            String ns = w.metadata().namespace();
            out.add(type + w.metadata().name() + (ns == null || ns.isEmpty() ? "" : "." + ns));
        }
        return out;
    }

    /**
     * After {@code -S CODE=}: {@code CODE=Gateway NAMESPACE/NAME} and {@code CODE=VirtualService NAMESPACE/NAME} for
     * each one loaded, the form {@code -S} documents first; nothing before the {@code =} (the code is the user's).
     */
    private static List<String> suppressions(String prefix, Snapshot snapshot) {
        int eq = prefix.indexOf('=');
        if (eq < 0) {
            return List.of();
        }
        String code = prefix.substring(0, eq + 1);
        List<String> out = new ArrayList<>();
        for (Resource r : snapshot.gateways()) {
            out.add(code + "Gateway " + r.metadata().namespace() + "/" + r.metadata().name());
        }
        for (Resource r : snapshot.virtualServices()) {
            out.add(code + "VirtualService " + r.metadata().namespace() + "/" + r.metadata().name());
        }
        return out;
    }

    /** The entries of the directory {@code prefix} points into; directories end with "/". */
    private List<String> files(String prefix) {
        int slash = prefix.lastIndexOf('/');
        String dir = slash < 0 ? "" : prefix.substring(0, slash + 1);
        Path path = fileSystem.getPath(dir.isEmpty() ? "." : dir);
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
            for (Path p : entries) {
                out.add(dir + p.getFileName() + (Files.isDirectory(p) ? "/" : ""));
            }
        } catch (IOException | RuntimeException e) {
            // Not a directory or not readable: nothing to offer, as a shell's completion.
            return List.of();
        }
        return out;
    }
}
