package cn.minzheng.portal.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON object as templates read it: a field the service left out reads as empty, like one it sent as null, so a
 * page never fails on an optional field ({@code ${a.notice}}) whichever way the service wrote it. Templates read
 * maps through SpEL, which asks {@link #containsKey} before {@link #get}.
 */
final class JsonObject extends LinkedHashMap<String, Object> {

    private JsonObject(Map<?, ?> fields) {
        fields.forEach((name, value) -> put(String.valueOf(name), wrap(value)));
    }

    @Override
    public boolean containsKey(Object key) {
        return true;
    }

    static Object wrap(Object value) {
        if (value instanceof Map<?, ?> map) {
            return new JsonObject(map);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(JsonObject::wrap).toList();
        }
        return value;
    }
}
