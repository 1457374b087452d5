package cn.minzheng.platform.store;

import java.util.List;

/**
 * A service's own value types in the store (money as an exact decimal string, months as {@code 2026-01}): a bean of
 * this type adds its converters to the platform's ({@link StoreConfiguration}).
 */
public record StoreConverters(List<Object> converters) {

    public StoreConverters {
        converters = List.copyOf(converters);
    }

    public static StoreConverters of(Object... converters) {
        return new StoreConverters(List.of(converters));
    }
}
