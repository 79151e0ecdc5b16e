package io.shopstream.generator;

import java.util.Random;
import java.util.UUID;

/** Who shops: a user id and the device, system, browser and place every event of theirs carries. */
record Shopper(String userId, String deviceType, String os, String browser, String location) {

    private static final String[][] DEVICES = {
        {"mobile", "ios", "safari"}, {"mobile", "android", "chrome"}, {"desktop", "windows", "edge"},
        {"desktop", "macos", "safari"}, {"desktop", "linux", "firefox"}, {"tablet", "android", "chrome"}};
    private static final String[] LOCATIONS = {"Lisbon", "Pune", "Kathmandu", "Seattle", "Berlin", "Sao Paulo",
        "Lagos", "Tokyo", "Toronto", "Sydney"};

    static Shopper random(Random random) {
        String[] device = DEVICES[random.nextInt(DEVICES.length)];
        return new Shopper(uuid(random), device[0], device[1], device[2], LOCATIONS[random.nextInt(LOCATIONS.length)]);
    }

    /** A UUID from the generator's own random source, so the same seed gives the same ids. */
    static String uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
