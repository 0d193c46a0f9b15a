package io.usermeta.resources;

import io.usermeta.api.HealthApi;
import io.usermeta.api.model.Health;
import io.usermeta.errors.ErrorResponses;
import io.usermeta.store.Database;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers whether the service and its database are reachable; needs no credentials. */
public final class HealthResource implements HealthApi {
    private static final Logger LOG = LoggerFactory.getLogger(HealthResource.class);

    private final Database database;

    @Inject
    public HealthResource(Database database) {
        this.database = database;
    }

    @Override
    public Response getHealth() {
        if (!isReachable()) {
            return ErrorResponses.response(503, "the database cannot be reached");
        }
        return Response.ok(new Health().status(Health.StatusEnum.UP)).build();
    }

    /** Any failure of the check means the service cannot serve, so it is a 503, never a 500. */
    private boolean isReachable() {
        try {
            return database.isReachable();
        } catch (RuntimeException e) {
            LOG.warn("Health check failed", e);
            return false;
        }
    }
}
