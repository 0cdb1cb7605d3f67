package school.training.web;

import java.util.List;

/**
 * One page of a list whose rows are counted in the database (a page number from 0, its size, all rows): whether
 * there are pages before and after it and which rows it shows, as fragments/pager :: rows draws them.
 */
public interface CountedPage {

    List<?> rows();

    long total();

    int page();

    int size();

    default boolean hasNext() {
        return (long) (page() + 1) * size() < total();
    }

    default boolean hasPrevious() {
        return page() > 0;
    }

    /** 1-based position of the first row shown (0 when none). */
    default long first() {
        return rows().isEmpty() ? 0 : (long) page() * size() + 1;
    }

    default long last() {
        return (long) page() * size() + rows().size();
    }
}
