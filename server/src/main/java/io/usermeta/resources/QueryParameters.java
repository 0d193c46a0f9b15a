package io.usermeta.resources;

import io.usermeta.core.Text;
import io.usermeta.errors.ApiException;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * The query parameters of a request, read strictly: each at most once, and a value that does not
 * parse is a 400 naming the parameter (JAX-RS itself would answer 404 for a number that is not one).
 */
final class QueryParameters {
    private final UriInfo uriInfo;

    QueryParameters(UriInfo uriInfo) {
        this.uriInfo = uriInfo;
    }

    /** The value of {@code name}, or {@code null} when absent. */
    String get(String name) {
        List<String> values = uriInfo.getQueryParameters().get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw ApiException.badRequest("query parameter " + name + " must be given at most once");
        }
        return values.get(0);
    }

    boolean has(String name) {
        return get(name) != null;
    }

    /** The integer value of {@code name} within [min, max], or {@code otherwise} when absent. */
    int integer(String name, int min, int max, int otherwise) {
        String value = get(name);
        if (value == null) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw ApiException.badRequest("query parameter " + name + " is '" + Text.quote(value) + "'; it must be a"
                + " whole number from " + min + " to " + max);
    }

    /** The boolean value of {@code name} ({@code true} or {@code false}), or {@code null} when absent. */
    Boolean bool(String name) {
        String value = get(name);
        if (value == null) {
            return null;
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw ApiException.badRequest("query parameter " + name + " is '" + Text.quote(value)
                    + "'; it must be true or false");
        }
        return Boolean.parseBoolean(value);
    }
}
