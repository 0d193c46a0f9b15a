package io.usermeta.server;

import io.usermeta.auth.BasicAuthFilter;
import io.usermeta.core.Limits;
import io.usermeta.errors.ApiExceptionMapper;
import io.usermeta.errors.MalformedContentTypeFilter;
import io.usermeta.errors.UnexpectedExceptionMapper;
import io.usermeta.errors.WebApplicationExceptionMapper;
import io.usermeta.resources.AttributesResource;
import io.usermeta.resources.HealthResource;
import io.usermeta.resources.SegmentsResource;
import io.usermeta.resources.UsersResource;
import io.usermeta.store.CustomerRepository;
import io.usermeta.store.AttributeStatistics;
import io.usermeta.store.Database;
import io.usermeta.store.JdbcAttributeStatistics;
import io.usermeta.store.JdbcSegmentRepository;
import io.usermeta.store.SegmentRepository;
import io.usermeta.store.UserAttributeRepository;
import io.usermeta.xml.ResponseMarshallers;
import io.usermeta.xml.SegmentBodyReaders;
import io.usermeta.xml.UsersBodyReader;
import io.usermeta.xml.Utf8Responses;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** The one place the Jersey application is assembled, for the server, the command line and tests. */
public final class UsermetaApplication {
    private UsermetaApplication() {}

    public static ResourceConfig create(Database database, UserAttributeRepository attributes,
            CustomerRepository customers, Limits limits) {
        return new ResourceConfig()
                .register(UsersResource.class)
                .register(AttributesResource.class)
                .register(SegmentsResource.class)
                .register(HealthResource.class)
                .register(new AbstractBinder() {
                    @Override
                    protected void configure() {
                        bind(database).to(Database.class);
                        bind(attributes).to(UserAttributeRepository.class);
                        bind(new JdbcSegmentRepository(database)).to(SegmentRepository.class);
                        bind(new JdbcAttributeStatistics(database)).to(AttributeStatistics.class);
                        bind(limits).to(Limits.class);
                    }
                })
                .register(new MalformedContentTypeFilter())
                .register(new BasicAuthFilter(customers))
                .register(new UsersBodyReader(limits.maxBodyBytes()))
                .register(new SegmentBodyReaders.SegmentReader(limits.maxBodyBytes()))
                .register(new SegmentBodyReaders.ConditionReader(limits.maxBodyBytes()))
                .register(new ResponseMarshallers())
                .register(new Utf8Responses())
                .register(new ApiExceptionMapper())
                .register(new WebApplicationExceptionMapper())
                .register(new UnexpectedExceptionMapper())
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true)
                .property(ServerProperties.BV_FEATURE_DISABLE, true);
    }
}
