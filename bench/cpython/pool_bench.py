"""CPython's side of the Pool benchmark: one scenario, one start method; prints a JSON list of samples.

Run by bench/src/main/java/.../PoolBench.java so that both languages are measured in one run.
Scenarios: pool-ready (ms), pool-map (million tasks/s), pool-primes (ms, Pool(2)), primes-sequential (ms).
"""
import json
import multiprocessing as mp
import sys
import time

PRIME_LIMIT = 200_000
PRIME_JOBS = 8
MAP_ITEMS = 100_000


def square(x):
    return x * x


def count_primes(limit):
    count = 0
    for n in range(2, limit):
        d = 2
        while d * d <= n:
            if n % d == 0:
                break
            d += 1
        else:
            count += 1
    return count


def pool_ready(ctx, runs):
    """Milliseconds for Pool(2) + a first 2-item map; the first run (forkserver start-up) is dropped."""
    samples = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        pool = ctx.Pool(2)
        pool.map(square, [1, 2])
        samples.append((time.perf_counter() - start) * 1000)
        pool.terminate()
        pool.join()
        time.sleep(0.2)  # as the Java side: ended workers do not overlap the next run
    return samples[1:]


def pool_map(ctx, runs):
    """Million tasks per second for map(square, range(100 000)) on a warm Pool(2)."""
    items = list(range(MAP_ITEMS))
    with ctx.Pool(2) as pool:
        pool.map(square, items)
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            pool.map(square, items)
            samples.append(MAP_ITEMS / (time.perf_counter() - start) / 1e6)
    return samples


def pool_primes(ctx, runs):
    """Milliseconds for 8 x count_primes(200 000) on a warm Pool(2), chunks of 1."""
    with ctx.Pool(2) as pool:
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            pool.map(count_primes, [PRIME_LIMIT] * PRIME_JOBS, 1)
            samples.append((time.perf_counter() - start) * 1000)
    return samples


def primes_sequential(ctx, runs):
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        for _ in range(PRIME_JOBS):
            count_primes(PRIME_LIMIT)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


SCENARIOS = {"pool-ready": pool_ready, "pool-map": pool_map, "pool-primes": pool_primes,
             "primes-sequential": primes_sequential}

if __name__ == "__main__":
    scenario, method, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    print(json.dumps(SCENARIOS[scenario](mp.get_context(method), runs)))
