package io.gwctl.model.translate;

import io.gwctl.model.ObjectMeta;
import io.gwctl.model.Resource;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * istiod's order of configuration objects (spec §5.1, §6.4): creation time, an absent {@code creationTimestamp}
 * first like Go's zero time, then name, then namespace, strings compared as Go compares them. Gateways are merged
 * and VirtualServices are merged in this order; the translator and every rule that says "merged first" use it.
 */
public final class CreationOrder {
    /** The order of object metadata. */
    public static final Comparator<ObjectMeta> META = Comparator
            .comparing(ObjectMeta::creationTimestamp, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(ObjectMeta::name, GoStrings.ORDER)
            .thenComparing(m -> m.namespace() == null ? "" : m.namespace(), GoStrings.ORDER);

    private CreationOrder() {
    }

    /** The order of resources by their metadata. */
    public static <R extends Resource> Comparator<R> of() {
        return Comparator.comparing(Resource::metadata, META);
    }

    /**
     * Why {@code first} comes before {@code later} in this order, in words for a finding: "by creation time: created
     * T1, this one T2", "by name" or "by namespace".
     */
    public static String reason(ObjectMeta first, ObjectMeta later) {
        if (!Objects.equals(first.creationTimestamp(), later.creationTimestamp())) {
            return first.creationTimestamp() == null ? "by creation time: it has no creationTimestamp"
                    : "by creation time: created " + first.creationTimestamp()
                    + (later.creationTimestamp() == null ? "" : ", this one " + later.creationTimestamp());
        }
        return !first.name().equals(later.name()) ? "by name" : "by namespace";
    }
}
