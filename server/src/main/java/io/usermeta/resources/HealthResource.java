package io.usermeta.resources;

import io.usermeta.api.HealthApi;
import io.usermeta.api.model.Health;
import io.usermeta.errors.ErrorResponses;
import io.usermeta.store.Database;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/** Answers whether the service and its database are reachable; needs no credentials. */
public final class HealthResource implements HealthApi {
    private final Database database;

    @Inject
    public HealthResource(Database database) {
        this.database = database;
    }

    @Override
    public Response getHealth() {
        if (!database.isReachable()) {
            return ErrorResponses.response(503, "the database cannot be reached");
        }
        return Response.ok(new Health().status(Health.StatusEnum.UP)).build();
    }
}
