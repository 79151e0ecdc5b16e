package io.shopstream.generator;

import java.math.BigDecimal;

/** A product of the catalogue: a stable id, a name, a category and a price in the shop's currency. */
public record Product(String id, String name, String category, BigDecimal price) {}
