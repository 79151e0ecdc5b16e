package io.shopstream.summary;

/** Where the live summary reads its figures: the output topics, or Pinot. */
public interface FigureSource extends AutoCloseable {

    /** The figures as of now. */
    Figures figures();

    /** Where the figures come from, for the summary's header. */
    String description();

    @Override
    void close();
}
