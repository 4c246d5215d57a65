package org.evgrid.icc.infra.demo.sim;

import java.util.random.RandomGenerator;

/**
 * SplitMix64 (the generator behind {@link java.util.SplittableRandom}) with a re-seedable state, so that the simulator
 * draws a fresh, deterministic stream for every pile and day without allocating. Not thread-safe.
 */
final class SplitMix implements RandomGenerator {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;

    SplitMix reseed(long seed) {
        state = seed;
        return this;
    }

    @Override
    public long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** Uniform in [from, to). */
    long between(long from, long to) {
        return from + (long) (nextDouble() * (to - from));
    }

    /** Stafford's variant 13 finaliser: a bijective 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A seed for one stream: the simulation seed, a key (pile or operator), a day and a stream number. */
    static long seed(long seed, long key, long epochDay, int stream) {
        return mix(mix(mix(seed ^ GOLDEN) + key) + epochDay * 31 + stream);
    }
}
