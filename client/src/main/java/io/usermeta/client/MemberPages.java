package io.usermeta.client;

import io.usermeta.client.model.Member;
import io.usermeta.client.model.Members;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every page of a member listing, each asked for only when the one before it has been read, by
 * passing the {@code next} of one page as the cursor of the next.
 */
final class MemberPages implements Iterator<Members> {
    private final Function<String, Members> pageAfter;
    private String cursor;
    private boolean lastRead;

    private MemberPages(Function<String, Members> pageAfter) {
        this.pageAfter = pageAfter;
    }

    /** The user ids of every page, in increasing order; {@code pageAfter} fetches the page of a cursor. */
    static Stream<String> userIds(Function<String, Members> pageAfter) {
        Spliterator<Members> pages = Spliterators.spliteratorUnknownSize(new MemberPages(pageAfter),
                Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(pages, false)
                .flatMap(page -> members(page).stream())
                .map(Member::getId);
    }

    @Override
    public boolean hasNext() {
        return !lastRead;
    }

    @Override
    public Members next() {
        if (lastRead) {
            throw new NoSuchElementException("the last page has been read");
        }
        Members page = pageAfter.apply(cursor);
        cursor = page.getNext();
        lastRead = cursor == null;
        return page;
    }

    private static List<Member> members(Members page) {
        return page.getUsers() == null ? List.of() : page.getUsers();
    }
}
