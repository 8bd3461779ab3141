package lab.softmax.engine.io;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Finds a primitive field (number or boolean) of a state record that a scenario file leaves out:
 * Jackson would bind it to 0 or false without a word. Reference fields may be left out; the
 * record's constructor defaults or rejects their null. Walks nested records and lists of records.
 */
final class MissingPrimitives {
    private MissingPrimitives() { }

    /** Throws an InputException naming the first missing primitive field, e.g. {@code state.runs[0].config.lr}. */
    static void check(String source, String path, JsonNode node, Type type) {
        if (type instanceof Class<?> c && c.isRecord() && node.isObject()) {
            for (RecordComponent component : c.getRecordComponents()) {
                String name = jsonName(component);
                JsonNode value = node.get(name);
                if (value == null) {
                    if (component.getType().isPrimitive()) throw new InputException(source, path + "." + name, "missing field");
                } else {
                    check(source, path + "." + name, value, component.getGenericType());
                }
            }
        } else if (type instanceof ParameterizedType p && p.getRawType() == List.class && node.isArray()) {
            Type element = p.getActualTypeArguments()[0];
            for (int i = 0; i < node.size(); i++) check(source, path + "[" + i + "]", node.get(i), element);
        }
    }

    private static String jsonName(RecordComponent component) {
        JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
        return renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
    }
}
