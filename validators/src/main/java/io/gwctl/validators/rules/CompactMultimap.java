package io.gwctl.validators.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Keys to the values added under them, in the order added, that keeps a key's only value without a list around
 * it: most hosts have one registry entry and one DestinationRule, and at 100,000 Gateways a list per key cost more
 * than the values (the registry's maps were 50 MB). Values are never null; the lists it gives are its own or
 * immutable, and are only read.
 */
final class CompactMultimap<K, V> {
    /** A key's values once it has more than one (a class of its own, so no value can be mistaken for it). */
    private static final class Many extends ArrayList<Object> {
        Many(Object first, Object second) {
            super(4);
            add(first);
            add(second);
        }
    }

    private final Map<K, Object> map;

    /** A map whose {@link #forEach} order is unspecified. */
    CompactMultimap() {
        this(false);
    }

    /** A map whose {@link #forEach} goes through the keys in the order first added when {@code ordered}. */
    CompactMultimap(boolean ordered) {
        map = ordered ? new LinkedHashMap<>() : new HashMap<>();
    }

    void add(K key, V value) {
        Object old = map.putIfAbsent(key, value);
        if (old instanceof Many many) {
            many.add(value);
        } else if (old != null) {
            map.put(key, new Many(old, value));
        }
    }

    /** The values of {@code key} in the order added; empty when it has none. */
    @SuppressWarnings("unchecked")
    List<V> get(K key) {
        Object o = map.get(key);
        if (o == null) {
            return List.of();
        }
        return o instanceof Many many ? (List<V>) many : List.of((V) o);
    }

    /** The first value added under {@code key}, or null. */
    @SuppressWarnings("unchecked")
    V first(K key) {
        Object o = map.get(key);
        return o instanceof Many many ? (V) many.get(0) : (V) o;
    }

    /** Each key with its values (in the order first added, for an ordered map). */
    @SuppressWarnings("unchecked")
    void forEach(BiConsumer<K, List<V>> action) {
        for (Map.Entry<K, Object> e : map.entrySet()) {
            Object o = e.getValue();
            action.accept(e.getKey(), o instanceof Many many ? (List<V>) many : List.of((V) o));
        }
    }
}
