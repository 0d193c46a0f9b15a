package io.usermeta.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Attribute sets that tell their writers apart: set {@code w} has {@code 1 + 3w} attributes, the
 * first the number {@code w} and every other one a value naming writer {@code w}. A set mixed from
 * two of them, or cut short, is none of them.
 */
public final class WriterSets {
    private WriterSets() {}

    /** The sets of writers {@code 0} to {@code writers - 1}, in that order. */
    public static List<List<UserAttribute>> of(int writers) {
        List<List<UserAttribute>> sets = new ArrayList<>();
        for (int writer = 0; writer < writers; writer++) {
            List<UserAttribute> set = new ArrayList<>();
            set.add(UserAttribute.numeric("writer", String.valueOf(writer)));
            for (int i = 0; i < 3 * writer; i++) {
                set.add(UserAttribute.nominal("attribute-" + i, "writer-" + writer));
            }
            sets.add(List.copyOf(set));
        }
        return List.copyOf(sets);
    }
}
