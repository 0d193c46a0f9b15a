package io.usermeta.client;

import io.usermeta.client.model.Attribute;
import io.usermeta.client.model.User;
import java.util.ArrayList;
import java.util.Arrays;

/** Builds the {@code <user>} elements of a replace call. */
public final class UserSets {
    private UserSets() {}

    /** A user with exactly these attributes; none clears the user's set for the source. */
    public static User user(String userId, Attribute... attributes) {
        return new User().id(userId).attributes(new ArrayList<>(Arrays.asList(attributes)));
    }
}
