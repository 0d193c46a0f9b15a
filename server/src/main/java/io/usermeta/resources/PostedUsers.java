package io.usermeta.resources;

import io.usermeta.api.model.Attribute;
import io.usermeta.api.model.User;
import io.usermeta.api.model.Users;
import io.usermeta.core.AttributeSet;
import io.usermeta.core.Identifiers;
import io.usermeta.core.Limits;
import io.usermeta.core.StoredAttribute;
import io.usermeta.core.Text;
import io.usermeta.core.ValueType;
import io.usermeta.core.Values;
import io.usermeta.errors.ApiException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Turns a posted {@code <users>} document into validated attribute sets, failing on the first
 * offending user and attribute so that nothing of an invalid document is stored.
 */
final class PostedUsers {
    private final String source;
    private final Limits limits;

    PostedUsers(String source, Limits limits) {
        this.source = source;
        this.limits = limits;
    }

    List<AttributeSet> validate(Users document) {
        List<User> users = document.getUsers() == null ? List.of() : document.getUsers();
        Map<String, Integer> seen = new HashMap<>();
        List<AttributeSet> sets = new ArrayList<>(users.size());
        for (int i = 0; i < users.size(); i++) {
            User user = users.get(i);
            String problem = Identifiers.userIdProblem(user.getId());
            if (problem != null) {
                throw ApiException.badRequest("user #" + (i + 1) + " with id '" + Text.quote(user.getId())
                        + "': the id " + problem);
            }
            Integer earlier = seen.putIfAbsent(user.getId(), i + 1);
            if (earlier != null) {
                throw ApiException.badRequest("user '" + Text.quote(user.getId()) + "' appears twice in the"
                        + " document (users #" + earlier + " and #" + (i + 1) + ")");
            }
            sets.add(validateSet(user));
        }
        return sets;
    }

    private AttributeSet validateSet(User user) {
        String where = "user '" + Text.quote(user.getId()) + "'";
        List<Attribute> attributes = user.getAttributes();
        if (attributes.size() > limits.maxAttributesPerSet()) {
            throw ApiException.badRequest(where + " has " + attributes.size()
                    + " attributes; the limit is " + limits.maxAttributesPerSet() + " per user and source");
        }
        Map<String, ValueType> typeOfKey = new HashMap<>();
        LinkedHashSet<StoredAttribute> set = new LinkedHashSet<>();
        for (int i = 0; i < attributes.size(); i++) {
            StoredAttribute attribute = validateAttribute(attributes.get(i), where + ", attribute #" + (i + 1));
            ValueType first = typeOfKey.putIfAbsent(attribute.key(), attribute.type());
            if (first != null && first != attribute.type()) {
                throw ApiException.badRequest(where + ", attribute #" + (i + 1) + " '" + attribute.key()
                        + "': type " + attribute.type() + " differs from type " + first
                        + " of an earlier value of the same key; all values of a key share one type");
            }
            set.add(attribute);
        }
        return new AttributeSet(user.getId(), new ArrayList<>(set));
    }

    private StoredAttribute validateAttribute(Attribute attribute, String where) {
        String key = attribute.getKey();
        if (key == null) {
            throw ApiException.badRequest(where + " has no key");
        }
        where = where + " '" + Text.quote(key) + "'";
        if (Text.length(key) > limits.maxKeyLength()) {
            throw ApiException.badRequest(where + ": the key has " + Text.length(key)
                    + " characters; the limit is " + limits.maxKeyLength());
        }
        if (!Identifiers.isKey(key)) {
            throw ApiException.badRequest(where + ": a key may contain only letters, digits, '_' and '-'");
        }
        if (attribute.getSource() != null && !attribute.getSource().equals(source)) {
            throw ApiException.badRequest(where + ": source '" + Text.quote(attribute.getSource())
                    + "' differs from the path's source '" + source + "'");
        }
        ValueType type = attribute.getType() == null ? ValueType.NOMINAL : ValueType.valueOf(attribute.getType());
        return new StoredAttribute(key, validateValue(attribute.getValue(), type, where), type, source);
    }

    private String validateValue(String value, ValueType type, String where) {
        if (value == null) {
            throw ApiException.badRequest(where + " has no value");
        }
        int length = Text.length(value);
        if (length > limits.maxValueLength(type)) {
            throw ApiException.badRequest(where + ": the " + type + " value has " + length
                    + " characters; the limit is " + limits.maxValueLength(type));
        }
        int forbidden = Text.firstNonXmlChar(value);
        if (forbidden >= 0) {
            throw ApiException.badRequest(where + ": the value contains " + Text.describe(forbidden)
                    + ", a character XML 1.0 does not allow");
        }
        String problem = Values.problem(type, value);
        if (problem != null) {
            throw ApiException.badRequest(where + ": value '" + Text.quote(value) + "' " + problem);
        }
        return value;
    }
}
