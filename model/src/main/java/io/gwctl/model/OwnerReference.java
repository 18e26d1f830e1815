package io.gwctl.model;

/**
 * One entry of {@code metadata.ownerReferences}: the object that owns this one, such as the ReplicaSet of a
 * Deployment's Pod. gwctl uses it to count a Deployment and the Pods it runs as one gateway workload.
 *
 * @param controller true when the owner is the managing controller ({@code controller: true})
 */
public record OwnerReference(String kind, String name, boolean controller) {
}
