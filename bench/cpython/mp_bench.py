"""CPython's side of the benchmark: one scenario, one start method; prints a JSON list of samples.

Run by the Java bench (bench/src/main/java/.../Bench.java) so both languages are measured in one run.
"""
import json
import multiprocessing as mp
import sys
import time


def noop():
    pass


def process_start(ctx, runs):
    """Milliseconds for Process(target=noop).start() + join(); the first run (server start-up) is dropped."""
    samples = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        p = ctx.Process(target=noop)
        p.start()
        p.join()
        samples.append((time.perf_counter() - start) * 1000)
    return samples[1:]


SCENARIOS = {"process-start": process_start}

if __name__ == "__main__":
    scenario, method, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    print(json.dumps(SCENARIOS[scenario](mp.get_context(method), runs)))
