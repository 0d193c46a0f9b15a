package io.usermeta.resources;

import io.usermeta.api.SegmentsApi;
import io.usermeta.api.model.Attribute;
import io.usermeta.api.model.MatchedPredicate;
import io.usermeta.api.model.Member;
import io.usermeta.api.model.Members;
import io.usermeta.api.model.Membership;
import io.usermeta.api.model.Memberships;
import io.usermeta.api.model.Segment;
import io.usermeta.api.model.Segments;
import io.usermeta.core.Limits;
import io.usermeta.core.StoredAttribute;
import io.usermeta.core.Text;
import io.usermeta.core.UserIdList;
import io.usermeta.core.ValueType;
import io.usermeta.errors.ApiException;
import io.usermeta.segments.Condition;
import io.usermeta.segments.Conditions;
import io.usermeta.segments.Evaluator;
import io.usermeta.segments.Predicate;
import io.usermeta.store.SegmentRepository;
import io.usermeta.store.SegmentRepository.Saved;
import io.usermeta.store.UserAttributeRepository;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Saved segments, the members of a segment or of a condition sent in the request, and the segments of a user. */
public final class SegmentsResource implements SegmentsApi {
    private static final int MAX_PAGE = 10_000;
    private static final int DEFAULT_PAGE = 1_000;
    private static final int MAX_DESCRIPTION_LENGTH = 1_024;

    private final SegmentRepository segments;
    private final UserAttributeRepository attributes;
    private final Limits limits;

    @Context
    private UriInfo uriInfo;

    @Inject
    public SegmentsResource(SegmentRepository segments, UserAttributeRepository attributes, Limits limits) {
        this.segments = segments;
        this.attributes = attributes;
        this.limits = limits;
    }

    @Override
    public Response listSegments(String customerId) {
        Segments list = new Segments().segments(new ArrayList<>());
        segments.all(customerId).forEach(saved -> list.addSegmentsItem(SegmentDocuments.read(saved)));
        return Response.ok(list).build();
    }

    @Override
    public Response getSegment(String customerId, String name) {
        return Response.ok(SegmentDocuments.read(saved(customerId, name))).build();
    }

    @Override
    public Response putSegment(String customerId, String name, Segment segment) {
        Requests.requireSegmentName(name);
        if (segment == null) {
            throw ApiException.badRequest("the body is empty; send a <segment> document");
        }
        if (segment.getName() != null && !segment.getName().equals(name)) {
            throw ApiException.badRequest("the body names segment '" + Text.quote(segment.getName())
                    + "' but the path names '" + name + "'");
        }
        String description = segment.getDescription();
        if (description != null && description.codePointCount(0, description.length()) > MAX_DESCRIPTION_LENGTH) {
            throw ApiException.badRequest("the description has more than " + MAX_DESCRIPTION_LENGTH + " characters");
        }
        checked(customerId, segment.getCondition());
        boolean created = segments.save(customerId, name, SegmentDocuments.write(segment.name(name)));
        return created ? Response.status(Response.Status.CREATED).build() : Response.noContent().build();
    }

    @Override
    public Response deleteSegment(String customerId, String name) {
        Requests.requireSegmentName(name);
        if (!segments.delete(customerId, name)) {
            throw unknown(customerId, name);
        }
        return Response.noContent().build();
    }

    @Override
    public Response getSegmentMembers(String customerId, String name, Integer limit, String cursor, Boolean count) {
        Segment segment = SegmentDocuments.read(saved(customerId, name));
        return Response.ok(members(customerId, Conditions.parse(segment.getCondition(), limits))).build();
    }

    @Override
    public Response evaluateCondition(String customerId, io.usermeta.api.model.Condition condition, Integer limit,
            String cursor, Boolean count) {
        return Response.ok(members(customerId, checked(customerId, condition))).build();
    }

    @Override
    public Response getMemberships(String customerId, String userId) {
        String id = UserIdList.parseOne(uriInfo.getPathParameters(false).getFirst("userid"));
        Memberships memberships = new Memberships().user(id).segments(new ArrayList<>());
        List<StoredAttribute> stored = attributes.find(customerId, List.of(id), null).get(id);
        if (stored == null) {
            return Response.ok(memberships).build();
        }
        for (Saved saved : segments.all(customerId)) {
            Segment segment = SegmentDocuments.read(saved);
            Condition condition = Conditions.parse(segment.getCondition(), limits);
            if (Evaluator.holds(condition, stored)) {
                Membership membership = new Membership().name(saved.name()).matched(new ArrayList<>());
                Evaluator.matches(condition, stored).forEach(match -> membership.addMatchedItem(matched(match)));
                memberships.addSegmentsItem(membership);
            }
        }
        return Response.ok(memberships).build();
    }

    private static MatchedPredicate matched(Evaluator.Match match) {
        Predicate predicate = match.predicate();
        MatchedPredicate matched = new MatchedPredicate().path(predicate.path())
                .op(MatchedPredicate.OpEnum.fromValue(predicate.op().xmlName())).key(predicate.key())
                .attributes(new ArrayList<>());
        for (StoredAttribute attribute : match.attributes()) {
            matched.addAttributesItem(new Attribute().key(attribute.key()).value(attribute.value())
                    .type(Attribute.TypeEnum.fromValue(attribute.type().name())).source(attribute.source()));
        }
        return matched;
    }

    /** One page of the users meeting {@code condition}, as the paging query parameters ask. */
    private Members members(String customerId, Condition condition) {
        QueryParameters query = new QueryParameters(uriInfo);
        int pageSize = query.integer("limit", 1, MAX_PAGE, DEFAULT_PAGE);
        String cursor = query.get("cursor");
        String after = Requests.afterCursor(cursor);
        Boolean counted = query.bool("count");
        Members members = new Members().users(new ArrayList<>());
        if (counted == null ? cursor == null : counted) {
            members.count(segments.count(customerId, condition));
        }
        List<String> ids = segments.page(customerId, condition, after, pageSize + 1);
        for (String id : ids.subList(0, Math.min(pageSize, ids.size()))) {
            members.addUsersItem(new Member().id(id));
        }
        if (ids.size() > pageSize) {
            members.next(Requests.cursorAfter(ids.get(pageSize - 1)));
        }
        return members;
    }

    /**
     * The checked form of a condition sent by a client: valid in itself, and with no predicate on a
     * type that its key, which some users have, never holds.
     */
    private Condition checked(String customerId, io.usermeta.api.model.Condition sent) {
        Condition condition = Conditions.parse(sent, limits);
        Map<String, Set<ValueType>> typesByKey = new HashMap<>();
        checkTypes(customerId, condition, typesByKey);
        return condition;
    }

    private void checkTypes(String customerId, Condition condition, Map<String, Set<ValueType>> typesByKey) {
        if (condition instanceof Predicate predicate) {
            if (predicate.type() == null) {
                return;
            }
            Set<ValueType> held = typesByKey.computeIfAbsent(predicate.key(),
                    key -> segments.typesOf(customerId, key));
            if (!held.isEmpty() && !held.contains(predicate.type())) {
                throw ApiException.badRequest("condition " + predicate.path() + ": " + predicate.op().xmlName()
                        + " on '" + predicate.key() + "' looks at " + predicate.type() + " values, but the key holds "
                        + held + " values; set type to match");
            }
        } else if (condition instanceof Condition.Not not) {
            checkTypes(customerId, not.child(), typesByKey);
        } else {
            List<Condition> children = condition instanceof Condition.AllOf all ? all.children()
                    : ((Condition.AnyOf) condition).children();
            children.forEach(child -> checkTypes(customerId, child, typesByKey));
        }
    }

    private Saved saved(String customerId, String name) {
        Requests.requireSegmentName(name);
        return segments.find(customerId, name).orElseThrow(() -> unknown(customerId, name));
    }

    private static ApiException unknown(String customerId, String name) {
        return new ApiException(404, "customer '" + customerId + "' has no segment '" + name + "'");
    }
}
