package io.gwctl.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a source could see of each kind, so that checks neither skip what was looked up and found absent nor report
 * as missing what could not be read. Files see what they contain ({@link #FILES}: no kind is known to be complete,
 * nothing unreadable). A cluster read lists kinds completely (an empty list there means none exist) and looks
 * Secrets up by name; a request the user's permissions forbid leaves a {@link Gap}.
 *
 * @param complete kinds whose absence in the snapshot means they do not exist (for Secrets: the ones looked up)
 * @param gaps     what could not be read, with the reason in the user's terms
 */
public record Coverage(Set<Kind> complete, List<Gap> gaps) {
    /** What files give: exactly what they contain. */
    public static final Coverage FILES = new Coverage(Set.of(), List.of());

    public Coverage {
        complete = complete.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(complete));
        gaps = List.copyOf(gaps);
    }

    /**
     * A kind that could not be read in a namespace ({@code namespace} null: anywhere), e.g. Secrets in
     * istio-system with the reason {@code cannot get secrets in namespace istio-system: forbidden}.
     */
    public record Gap(Kind kind, String namespace, String reason) {
    }

    /** True when the source looked for every object of this kind it needed, so absence means nonexistence. */
    public boolean isComplete(Kind kind) {
        return complete.contains(kind);
    }

    /** The gap covering objects of {@code kind} in {@code namespace}, or null when they could be read. */
    public Gap gap(Kind kind, String namespace) {
        for (Gap g : gaps) {
            if (g.kind() == kind && (g.namespace() == null || g.namespace().equals(namespace))) {
                return g;
            }
        }
        return null;
    }

    /** The gaps of one kind, in the order found. */
    public List<Gap> gaps(Kind kind) {
        return gaps.stream().filter(g -> g.kind() == kind).toList();
    }
}
