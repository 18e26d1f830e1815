package io.gwctl.model.secret;

import io.gwctl.model.Kind;
import io.gwctl.model.ObjectMeta;
import io.gwctl.model.Origin;
import io.gwctl.model.Resource;
import io.gwctl.model.SourceMap;
import java.util.List;

/**
 * An object from which a controller creates a Secret in its own namespace: a cert-manager {@code Certificate}
 * ({@code spec.secretName}), an External Secrets {@code ExternalSecret} ({@code spec.target.name}, default its own
 * name) or a Bitnami {@code SealedSecret} ({@code spec.template.metadata.name}, default its own name). The credential
 * checks count it as the Secret it produces; its content is not in the input.
 *
 * @param kind          {@link Kind#CERTIFICATE}, {@link Kind#EXTERNAL_SECRET} or {@link Kind#SEALED_SECRET}
 * @param secretName    the name of the Secret it produces (in {@code metadata.namespace})
 * @param namePointer   JSON pointer of the field that names the Secret (the object's name when defaulted)
 * @param dnsNames      the names the certificate will carry ({@code dnsNames}, {@code ipAddresses} and
 *                      {@code commonName} of a Certificate); null when the producer does not say (not a Certificate)
 */
public record SecretProducer(Kind kind, ObjectMeta metadata, Origin origin, SourceMap source, String secretName,
                             String namePointer, List<String> dnsNames) implements Resource {
    public SecretProducer {
        dnsNames = dnsNames == null ? null : List.copyOf(dnsNames);
    }

    /** {@code Certificate payments/payments-cert (certs.yaml:7)}: the producer and the line naming the Secret. */
    public String describe() {
        int line = origin.hasLine() || source.size() > 0 ? line(namePointer) : 0;
        String where = origin.file().isEmpty() ? "" : " (" + origin.fileAndLine(line) + ")";
        return kind.kindName() + " " + metadata.key() + where;
    }
}
