package io.shopstream.generator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * The shop's products. The same size always gives the same products (ids {@code p-0001}, ..., names, categories and
 * prices), whatever the generator's seed, so events of different runs, tests and the product dimension agree.
 */
public final class Catalogue {

    /** A few hundred products: the shop of {@code local}, the generator's default and the product dimension's. */
    public static final int DEFAULT_SIZE = 300;

    private static final String[] CATEGORIES = {"apparel", "electronics", "home", "kitchen", "beauty", "sports",
        "books", "toys", "garden", "office"};
    private static final String[] ADJECTIVES = {"Classic", "Organic", "Wireless", "Compact", "Deluxe", "Eco",
        "Vintage", "Smart", "Travel", "Premium", "Everyday", "Pro"};
    private static final String[] NOUNS = {"Shirt", "Headphones", "Lamp", "Mug", "Serum", "Ball", "Novel", "Puzzle",
        "Planter", "Notebook", "Jacket", "Speaker", "Blanket", "Pan", "Cream", "Racket", "Cookbook", "Robot",
        "Hose", "Pen"};

    private final List<Product> products;

    private Catalogue(List<Product> products) {
        this.products = List.copyOf(products);
    }

    public static Catalogue ofSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a catalogue needs at least one product");
        }
        // Its own fixed seed: the catalogue must not change with the events' seed.
        Random random = new Random(20_26_11_23L);
        List<Product> products = new ArrayList<>(size);
        for (int i = 1; i <= size; i++) {
            String category = CATEGORIES[(i - 1) % CATEGORIES.length];
            String name = ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " " + NOUNS[random.nextInt(NOUNS.length)];
            // Prices from 0.99 to 299.99, in cents, ending in 9 like a shop's.
            long cents = (random.nextInt(300) * 100L) + 99;
            products.add(new Product(String.format("p-%04d", i), name, category, BigDecimal.valueOf(cents, 2)));
        }
        return new Catalogue(products);
    }

    public List<Product> products() {
        return products;
    }

    Product pick(SplittableRandom random) {
        return products.get(random.nextInt(products.size()));
    }
}
