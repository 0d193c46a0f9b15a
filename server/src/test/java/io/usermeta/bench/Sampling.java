package io.usermeta.bench;

/** How the ids of one GET are chosen among the users stored. */
enum Sampling {
    /** Each id drawn uniformly from the whole id range, no id twice in a GET: index pages spread wide. */
    RANDOM("random"),
    /** Neighbouring ids from a random start: a run of index pages, the kindest case for a B-tree. */
    CONSECUTIVE("consecutive");

    private final String label;

    Sampling(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
