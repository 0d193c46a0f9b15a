package io.usermeta.xml;

import io.usermeta.api.model.Error;
import io.usermeta.api.model.Health;
import io.usermeta.api.model.Users;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The JAXB context of the generated models, built once. */
public final class XmlModels {
    /** The element and XML attribute that name a user, used to say where a document is wrong. */
    static final String USER_ELEMENT = "user";

    static final String USER_ID_ATTRIBUTE = "id";

    /** The element that wraps a user's attribute set: exactly one per user, even when empty. */
    static final String ATTRIBUTES_ELEMENT = "attributes";

    /** The element of one attribute and its XML attributes that name the key and the value's type. */
    static final String ATTRIBUTE_ELEMENT = "attribute";

    static final String KEY_ATTRIBUTE = "key";

    static final String TYPE_ATTRIBUTE = "type";

    /**
     * The XML attributes each element of a posted document may carry, read from the generated
     * models' JAXB annotations. JAXB reports unknown elements but silently skips unknown XML
     * attributes, so the reader checks them against this map.
     */
    static final Map<String, Set<String>> ALLOWED_ATTRIBUTES = allowedAttributes(Users.class);

    private static final JAXBContext CONTEXT = create(Users.class, Error.class, Health.class);

    private static final Map<Class<?>, JAXBContext> CONTEXTS = new ConcurrentHashMap<>();

    private XmlModels() {}

    public static JAXBContext context() {
        return CONTEXT;
    }

    /**
     * The context for documents whose root is {@code model}. The cluster models get a context each:
     * the generator names the type enums of several models alike (TypeEnum), which one JAXB context
     * cannot hold.
     */
    public static JAXBContext context(Class<?> model) {
        if (model == Users.class || model == Error.class || model == Health.class) {
            return CONTEXT;
        }
        return CONTEXTS.computeIfAbsent(model, XmlModels::create);
    }

    /** The XML attributes each element under {@code root} may carry, read from the models' annotations. */
    static Map<String, Set<String>> allowedAttributes(Class<?> root) {
        Map<String, Set<String>> allowed = new HashMap<>();
        collect(root, allowed);
        return Map.copyOf(allowed);
    }

    private static void collect(Class<?> model, Map<String, Set<String>> allowed) {
        XmlRootElement element = model.getAnnotation(XmlRootElement.class);
        if (element == null || allowed.containsKey(element.name())) {
            return;
        }
        Set<String> attributes = new HashSet<>();
        allowed.put(element.name(), attributes);
        for (Field field : model.getDeclaredFields()) {
            XmlAttribute attribute = field.getAnnotation(XmlAttribute.class);
            if (attribute != null) {
                attributes.add(attribute.name());
            }
            XmlElementWrapper wrapper = field.getAnnotation(XmlElementWrapper.class);
            if (wrapper != null) {
                allowed.put(wrapper.name(), Set.of());
            }
            collect(elementType(field), allowed);
        }
    }

    /** The class of a field's elements: the list's type argument for a list field. */
    private static Class<?> elementType(Field field) {
        if (field.getGenericType() instanceof ParameterizedType) {
            Type argument = ((ParameterizedType) field.getGenericType()).getActualTypeArguments()[0];
            return argument instanceof Class ? (Class<?>) argument : Object.class;
        }
        return field.getType();
    }

    private static JAXBContext create(Class<?>... models) {
        try {
            return JAXBContext.newInstance(models);
        } catch (JAXBException e) {
            throw new IllegalStateException("the generated models do not form a JAXB context", e);
        }
    }
}
