"""Ray's side of the benchmark: ray.util.multiprocessing.Pool on a local Ray cluster; prints a JSON list of samples.

Run by the Java bench as `python ray_bench.py SCENARIO RUNS` with the Python of the bench's own environment
(build/bench-venv, where `./run bench` installs bench/requirements-ray.txt), or `python ray_bench.py --version`.
The work, pauses, constants and warm-ups are mp_bench.py's, imported from it, so that a Ray row measures what
the CPython rows of the same scenario measure. Every call starts its own local Ray cluster (2 CPUs, no
dashboard) and shuts it down before it returns; only cluster-start times that start.
"""
import json
import os
import sys
import time

# Before `import ray`: a local benchmark needs neither Ray's token authentication nor its usage reports.
os.environ["RAY_AUTH_MODE"] = "disabled"
os.environ["RAY_USAGE_STATS_ENABLED"] = "0"

import ray  # noqa: E402
import ray.cloudpickle  # noqa: E402
from ray.util.multiprocessing import Pool  # noqa: E402

import mp_bench  # noqa: E402
from mp_bench import MAP_ITEMS, PRIME_JOBS, PRIME_LIMIT, START_PAUSE, after_warm_up, count_primes, \
    millis_since, million_per_second, square  # noqa: E402

# Ray's workers cannot import mp_bench (it is not on their path): send its functions by value instead.
ray.cloudpickle.register_pickle_by_value(mp_bench)

PROCESSES = 2


def start_ray():
    # log_to_driver=False: what Ray's workers print must not mix with the JSON on stdout.
    ray.init(num_cpus=PROCESSES, include_dashboard=False, log_to_driver=False, configure_logging=False)


def cluster_start(runs):
    """Seconds for ray.init of a local cluster with 2 CPUs; ray.shutdown() after each, not timed."""
    samples = []
    for _ in range(runs):
        time.sleep(START_PAUSE)
        start = time.perf_counter()
        start_ray()
        samples.append(time.perf_counter() - start)
        ray.shutdown()
    return samples


def pool_ready(runs):
    """Milliseconds for Pool(2) + a first 2-item map; the pool is terminated outside the timing."""
    def once():
        time.sleep(START_PAUSE)
        start = time.perf_counter()
        pool = Pool(PROCESSES)
        pool.map(square, [1, 2])
        millis = millis_since(start)
        pool.terminate()
        pool.join()
        return millis
    return after_warm_up(runs, once)


def pool_map(runs):
    """Million tasks per second for map(square, range(100 000)) on a warm Pool(2)."""
    items = list(range(MAP_ITEMS))
    pool = Pool(PROCESSES)
    try:
        return after_warm_up(runs, lambda: million_per_second(MAP_ITEMS, lambda: pool.map(square, items)))
    finally:
        pool.terminate()
        pool.join()


def pool_primes(runs):
    """Speed-up of 8 x count_primes(200 000) on a warm Pool(2), chunks of 1, over the same 8 in sequence."""
    limits = [PRIME_LIMIT] * PRIME_JOBS
    pool = Pool(PROCESSES)

    def once():
        start = time.perf_counter()
        counts = [count_primes(limit) for limit in limits]
        sequential = time.perf_counter() - start
        start = time.perf_counter()
        parallel_counts = pool.map(count_primes, limits, 1)
        parallel = time.perf_counter() - start
        assert parallel_counts == counts, "Pool(2) counted %s, sequential %s" % (parallel_counts, counts)
        return {"value": sequential / parallel, "seconds": {"sequential": sequential, "Pool(2)": parallel}}

    try:
        pool.map(square, [1, 2])  # both actors up, as mp_bench.py's workers
        return [once() for _ in range(runs)]
    finally:
        pool.terminate()
        pool.join()


SCENARIOS = {"cluster-start": cluster_start, "pool-ready": pool_ready, "pool-map": pool_map,
             "pool-primes": pool_primes}

if __name__ == "__main__":
    if sys.argv[1:] == ["--version"]:
        print("Ray " + ray.__version__)
        sys.exit()
    if len(sys.argv) != 3 or sys.argv[1] not in SCENARIOS:
        sys.exit("usage: ray_bench.py {%s} RUNS | --version" % ",".join(SCENARIOS))
    scenario, runs = sys.argv[1], int(sys.argv[2])
    if scenario == "cluster-start":
        print(json.dumps(cluster_start(runs)))
    else:
        start_ray()
        try:
            samples = SCENARIOS[scenario](runs)
        finally:
            ray.shutdown()
        print(json.dumps(samples))
