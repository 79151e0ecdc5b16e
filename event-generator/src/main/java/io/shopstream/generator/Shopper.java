package io.shopstream.generator;

import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Who shops: a user id, the device, system, browser and place every event of theirs carries, and the zone offset
 * their device writes timestamps with (some write UTC whatever the place).
 */
record Shopper(String userId, String deviceType, String os, String browser, String location, ZoneOffset offset) {

    private static final String[][] DEVICES = {
        {"mobile", "ios", "safari"}, {"mobile", "android", "chrome"}, {"mobile", "android", "samsung"},
        {"desktop", "windows", "edge"}, {"desktop", "windows", "chrome"}, {"desktop", "macos", "safari"},
        {"desktop", "linux", "firefox"}, {"tablet", "ios", "safari"}, {"tablet", "android", "chrome"}};
    private static final String[] LOCATIONS = {"Lisbon", "Pune", "Kathmandu", "Seattle", "Berlin", "Sao Paulo",
        "Lagos", "Tokyo", "Toronto", "Sydney"};
    /** The offsets of {@link #LOCATIONS} on 2026-11-23 (southern summer in Sydney). */
    private static final ZoneOffset[] LOCAL_OFFSETS = {ZoneOffset.UTC, ZoneOffset.ofHoursMinutes(5, 30),
        ZoneOffset.ofHoursMinutes(5, 45), ZoneOffset.ofHours(-8), ZoneOffset.ofHours(1), ZoneOffset.ofHours(-3),
        ZoneOffset.ofHours(1), ZoneOffset.ofHours(9), ZoneOffset.ofHours(-5), ZoneOffset.ofHours(11)};
    private static final double WRITES_UTC = 0.3;

    static Shopper random(SplittableRandom random) {
        String[] device = DEVICES[random.nextInt(DEVICES.length)];
        int place = random.nextInt(LOCATIONS.length);
        ZoneOffset offset = random.nextDouble() < WRITES_UTC ? ZoneOffset.UTC : LOCAL_OFFSETS[place];
        return new Shopper(uuid(random), device[0], device[1], device[2], LOCATIONS[place], offset);
    }

    /** A UUID from the generator's own random source, so the same seed gives the same ids. */
    static String uuid(SplittableRandom random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
