package io.gwctl.model.translate;

import java.util.Objects;

/**
 * A listener key of the merged gateway (istiod's {@code ServerPort}, spec §5.5): the resolved port the listener
 * binds, the server protocol as written and the bind address ({@code ""} when absent).
 */
public record ServerPort(int number, String protocol, String bind) {

    // equals and hashCode are written out (with the values a record's generated ones give) because the generated ones
    // go through method handles, which the C1-only JIT of small and medium runs calls slowly: hot as a map key.
    @Override
    public boolean equals(Object o) {
        return o instanceof ServerPort p && number == p.number && Objects.equals(protocol, p.protocol)
                && Objects.equals(bind, p.bind);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * number + Objects.hashCode(protocol)) + Objects.hashCode(bind);
    }
}
