package io.usermeta.resources;

import io.usermeta.api.UsersApi;
import io.usermeta.api.model.Attribute;
import io.usermeta.api.model.User;
import io.usermeta.api.model.Users;
import io.usermeta.core.Identifiers;
import io.usermeta.core.Limits;
import io.usermeta.core.StoredAttribute;
import io.usermeta.core.UserIdList;
import io.usermeta.errors.ApiException;
import io.usermeta.store.UserAttributeRepository;
import jakarta.ws.rs.core.Context;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The User API: read, replace and delete the attribute sets of a customer's users. */
public final class UsersResource implements UsersApi {
    private static final String USER_IDS_PARAMETER = "userids";
    private static final String ALL_SOURCES_PARAMETER = "allSources";

    private final UserAttributeRepository repository;
    private final Limits limits;

    @Context
    private UriInfo uriInfo;

    @Inject
    public UsersResource(UserAttributeRepository repository, Limits limits) {
        this.repository = repository;
        this.limits = limits;
    }

    @Override
    public Response getUsers(String customerId, String source, List<String> userIds, Boolean allSources) {
        Identifiers.requireSource(source);
        List<String> ids = userIdsFromRawPath();
        boolean everySource = allSourcesParameter();

        Map<String, List<StoredAttribute>> found = repository.find(customerId, ids, everySource ? null : source);

        Users users = new Users().users(new ArrayList<>());
        for (String id : ids) {
            List<StoredAttribute> attributes = found.get(id);
            if (attributes != null) {
                users.addUsersItem(new User().id(id).attributes(inResponseOrder(attributes, source)));
            }
        }
        return Response.ok(users).build();
    }

    @Override
    public Response replaceUsers(String customerId, String source, Users users) {
        Identifiers.requireSource(source);
        if (users == null) {
            throw ApiException.badRequest("the body is empty; send a <users> document");
        }
        repository.replace(customerId, source, new PostedUsers(source, limits).validate(users));
        return Response.noContent().build();
    }

    @Override
    public Response deleteUsers(String customerId, List<String> userIds) {
        repository.delete(customerId, userIdsFromRawPath());
        return Response.noContent().build();
    }

    /** The id list as sent: split on literal commas first, so an encoded comma stays in its id. */
    private List<String> userIdsFromRawPath() {
        return UserIdList.parse(uriInfo.getPathParameters(false).getFirst(USER_IDS_PARAMETER),
                limits.maxIdsPerRequest());
    }

    private boolean allSourcesParameter() {
        List<String> values = uriInfo.getQueryParameters().get(ALL_SOURCES_PARAMETER);
        if (values == null || values.isEmpty()) {
            return false;
        }
        String value = values.get(values.size() - 1);
        if (values.size() > 1 || !(value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"))) {
            throw ApiException.badRequest("query parameter allSources must be given once, as true or false");
        }
        return Boolean.parseBoolean(value);
    }

    /** The path's source first, then the other sources by name, each tagged with its source. */
    private static List<Attribute> inResponseOrder(List<StoredAttribute> stored, String pathSource) {
        List<Attribute> ordered = new ArrayList<>(stored.size());
        for (StoredAttribute attribute : stored) {
            if (attribute.source().equals(pathSource)) {
                ordered.add(toModel(attribute, false));
            }
        }
        for (StoredAttribute attribute : stored) {
            if (!attribute.source().equals(pathSource)) {
                ordered.add(toModel(attribute, true));
            }
        }
        return ordered;
    }

    private static Attribute toModel(StoredAttribute attribute, boolean tagSource) {
        return new Attribute()
                .key(attribute.key())
                .value(attribute.value())
                .type(Attribute.TypeEnum.fromValue(attribute.type().name()))
                .source(tagSource ? attribute.source() : null);
    }
}
