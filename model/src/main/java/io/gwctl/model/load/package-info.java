/**
 * Reads Kubernetes and Istio manifests (YAML or JSON, from files, directories or standard input) into a
 * {@link io.gwctl.model.Snapshot} with the line and column of every field.
 *
 * <p>{@link io.gwctl.model.load.ManifestLoader} walks the {@code -f} paths and reports
 * {@link io.gwctl.model.load.LoadProblem}s instead of throwing; {@link io.gwctl.model.load.ResourceMapper} turns one
 * parsed document into a record and can be used on its own. Each file is parsed in one streaming pass: a small tree
 * builder over Jackson's YAML tokens builds the document's tree and its {@link io.gwctl.model.SourceMap} together,
 * the document is mapped at once and its tree dropped, so memory holds the records and compact position tables
 * only. Aliases, merge keys and nesting are resolved and limited there, because Jackson reports YAML aliases as
 * plain strings and SnakeYAML's own alias limit applies only to its node composer.
 */
package io.gwctl.model.load;
