"""CPython's side of the benchmark: one scenario, one start method; prints a JSON list of samples.

Run by the Java bench (bench/src/main/java/.../Bench.java) as `python3 mp_bench.py SCENARIO METHOD RUNS`, so
that both languages are measured in one run. Each scenario mirrors its Java twin of the same id in
KernelLibScenarios.java: same work and pauses, and a first repetition that is dropped (except in pool-primes,
where one takes seconds and there is nothing to warm up; Java also warms up its JIT where noted there). A
sample is a number in the scenario's unit, or {"value": number, "seconds": {part: seconds}} when the value is
derived from timed parts.
"""
from array import array
import json
import multiprocessing as mp
import os
import sys
import time

START_PAUSE = 0.25  # seconds before each timed start, as between notebook cells; not timed
MIN_SAMPLE_SECONDS = 0.2
MAP_ITEMS = 100_000
PRIME_LIMIT = 200_000
PRIME_JOBS = 8
# Fewer items than the Java side (CPython is slower), enough for every batch to last over 0.2 s.
QUEUE_SMALL_ITEMS = 100_000
QUEUE_KIB_ITEMS = 80_000
ROUND_TRIPS = 20_000
INCREMENTS_PER_PROCESS = 150_000
IDLE_SECONDS = 1.0
PAYLOAD_BYTES = 256 << 20
GO = "go"


def after_warm_up(runs, repetition):
    """Calls repetition() runs + 1 times and drops the first sample (start-up of servers, caches)."""
    return [repetition() for _ in range(runs + 1)][1:]


def millis_since(start):
    return (time.perf_counter() - start) * 1000


def noop():
    pass


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


def process_start(ctx, runs):
    """Milliseconds for Process(target=noop).start() + join()."""
    def once():
        time.sleep(START_PAUSE)
        start = time.perf_counter()
        p = ctx.Process(target=noop)
        p.start()
        p.join()
        return millis_since(start)
    return after_warm_up(runs, once)


def pool_ready(ctx, runs):
    """Milliseconds for Pool(2) + a first 2-item map; the pool is terminated outside the timing."""
    def once():
        time.sleep(START_PAUSE)
        start = time.perf_counter()
        pool = ctx.Pool(2)
        pool.map(square, [1, 2])
        millis = millis_since(start)
        pool.terminate()
        pool.join()
        return millis
    return after_warm_up(runs, once)


def million_per_second(items_per_call, call):
    """Calls call() until MIN_SAMPLE_SECONDS have passed; millions of items per second over those calls."""
    calls = 0
    start = time.perf_counter()
    while True:
        call()
        calls += 1
        elapsed = time.perf_counter() - start
        if elapsed >= MIN_SAMPLE_SECONDS:
            return calls * items_per_call / elapsed / 1e6


def pool_map(ctx, runs):
    """Million tasks per second for map(square, range(100 000)) on a warm Pool(2)."""
    items = list(range(MAP_ITEMS))
    with ctx.Pool(2) as pool:
        return after_warm_up(runs, lambda: million_per_second(MAP_ITEMS, lambda: pool.map(square, items)))


def pool_primes(ctx, runs):
    """Speed-up of 8 x count_primes(200 000) on a warm Pool(2), chunks of 1, over the same 8 in sequence."""
    limits = [PRIME_LIMIT] * PRIME_JOBS

    def once():
        start = time.perf_counter()
        for limit in limits:
            count_primes(limit)
        sequential = time.perf_counter() - start
        start = time.perf_counter()
        pool.map(count_primes, limits, 1)
        parallel = time.perf_counter() - start
        return {"value": sequential / parallel, "seconds": {"sequential": sequential, "Pool(2)": parallel}}

    with ctx.Pool(2) as pool:
        pool.map(square, [1, 2])  # both workers up; the interpreter needs no further warm-up
        return [once() for _ in range(runs)]


GAP_TASKS = 16
GAP_PRIME_LIMIT = 20_000


def timed_primes(limit):
    """(pid, start, end, primes) of one task, on the clock Java's System.nanoTime reads (CLOCK_MONOTONIC)."""
    start = time.monotonic_ns()
    count = count_primes(limit)
    return os.getpid(), start, time.monotonic_ns(), count


def mean_gap_millis(tasks):
    """The mean time a worker waited between returning one task's result and starting its next."""
    by_worker = {}
    for task in tasks:
        by_worker.setdefault(task[0], []).append(task)
    gaps = []
    for ran in by_worker.values():
        ran.sort(key=lambda task: task[1])
        gaps += [after[1] - before[2] for before, after in zip(ran, ran[1:])]
    return sum(gaps) / len(gaps) / 1e6 if gaps else 0.0


def pool_task_gap(ctx, runs):
    """Mean milliseconds a warm Pool(2) worker waits between one task's end and its next's start (16 short tasks)."""
    limits = [GAP_PRIME_LIMIT] * GAP_TASKS
    with ctx.Pool(2) as pool:
        pool.map(timed_primes, limits, 1)
        return [mean_gap_millis(pool.map(timed_primes, limits, 1)) for _ in range(runs)]


def put_items(q, count, payload_bytes):
    payload = bytes(payload_bytes)
    for i in range(count):
        q.put(payload if payload_bytes else i)


def queue_rate(ctx, runs, items, payload_bytes):
    """Million messages per second got by the parent while a child puts them, per batch of items."""
    q = ctx.Queue()
    child = ctx.Process(target=put_items, args=(q, (runs + 1) * items, payload_bytes))
    child.start()

    def batch():
        start = time.perf_counter()
        for _ in range(items):
            q.get()
        return items / (time.perf_counter() - start) / 1e6
    samples = after_warm_up(runs, batch)
    child.join()
    return samples


def queue_small(ctx, runs):
    return queue_rate(ctx, runs, QUEUE_SMALL_ITEMS, 0)


def queue_kib(ctx, runs):
    return queue_rate(ctx, runs, QUEUE_KIB_ITEMS, 1024)


def echo(conn):
    while True:
        message = conn.recv()
        conn.send(message)
        if message == -1:
            return


def pipe_round_trip(ctx, runs):
    """Microseconds for the parent to send a small int to a child and receive its echo."""
    parent, child_end = ctx.Pipe()
    child = ctx.Process(target=echo, args=(child_end,))
    child.start()
    child_end.close()

    def batch():
        start = time.perf_counter()
        for i in range(ROUND_TRIPS):
            parent.send(i)
            parent.recv()
        return (time.perf_counter() - start) * 1e6 / ROUND_TRIPS
    samples = after_warm_up(runs, batch)
    parent.send(-1)
    parent.recv()
    child.join()
    return samples


def increment(v, barrier, batches):
    for _ in range(batches):
        barrier.wait()
        for _ in range(INCREMENTS_PER_PROCESS):
            with v.get_lock():
                v.value += 1
        barrier.wait()


def value_lock(ctx, runs):
    """Million increments per second of v.value += 1 under the value's lock, by two children at once."""
    v = ctx.Value('l', 0)
    barrier = ctx.Barrier(3)  # the two children and this process: each batch starts and ends together
    children = [ctx.Process(target=increment, args=(v, barrier, runs + 1)) for _ in range(2)]
    for child in children:
        child.start()

    def batch():
        barrier.wait()
        start = time.perf_counter()
        barrier.wait()
        return 2 * INCREMENTS_PER_PROCESS / (time.perf_counter() - start) / 1e6
    samples = after_warm_up(runs, batch)
    for child in children:
        child.join()
    assert v.value == 2 * INCREMENTS_PER_PROCESS * (runs + 1), "lost increments: %d" % v.value
    return samples


def memory_mib(pid, proc_file, field):
    """A kB field of a /proc file of pid, e.g. VmRSS of /status, in MiB."""
    with open("/proc/%d%s" % (pid, proc_file)) as lines:
        for line in lines:
            if line.startswith(field):
                return int(line.split()[1]) / 1024
    raise ValueError("no %s in /proc/%d%s" % (field, pid, proc_file))


def idle_worker_memory(ctx, runs, workers, proc_file, field):
    """MiB per worker of a Pool(workers) that ran one map of an item per worker and then idled; a sample per worker."""
    samples = []
    for _ in range(runs):
        with ctx.Pool(workers) as pool:
            pool.map(square, range(workers))
            time.sleep(IDLE_SECONDS)
            samples += [memory_mib(child.pid, proc_file, field) for child in mp.active_children()]
    return samples


def idle_worker_rss(ctx, runs):
    return idle_worker_memory(ctx, runs, 2, "/status", "VmRSS:")


def idle_worker_rss_8(ctx, runs):
    return idle_worker_memory(ctx, runs, 8, "/status", "VmRSS:")


def idle_worker_pss(ctx, runs):
    return idle_worker_memory(ctx, runs, 2, "/smaps_rollup", "Pss:")


def idle_worker_pss_8(ctx, runs):
    return idle_worker_memory(ctx, runs, 8, "/smaps_rollup", "Pss:")


class QueueEnd:
    """One end of a large transfer over a Queue each way (the Pipe's connection already has send and recv)."""
    def __init__(self, out, into):
        self.out, self.into = out, into

    def send(self, message):
        self.out.put(message)

    def recv(self):
        return self.into.get()


def reset_peak():
    """Resets this process's peak resident memory (VmHWM); its resident memory, in MiB."""
    with open("/proc/self/clear_refs", "w") as clear_refs:
        clear_refs.write("5")
    return memory_mib(os.getpid(), "/status", "VmRSS:")


def peak_mib():
    return memory_mib(os.getpid(), "/status", "VmHWM:")


def send_large(end, doubles, transfers):
    """The child's side: makes the payload, then per transfer sends it on the parent's go and, after the
    parent's acknowledgement (a Queue's feeder may still be sending after put returns), its peak memory
    beyond the payload."""
    pattern = bytes(range(256)) * (PAYLOAD_BYTES // 256)
    payload = array('d', pattern) if doubles else pattern
    del pattern
    for _ in range(transfers):
        before = reset_peak()
        end.send(GO)
        end.recv()
        end.send(payload)
        end.recv()
        end.send(peak_mib() - before)


def large_transfers(ctx, runs, queue, doubles):
    """Per transfer of a 256 MiB payload child -> parent after a first one: GB/s, the parent's peak RSS
    growth and the child's peak beyond its payload, in MiB."""
    if queue:
        to_parent, to_child = ctx.Queue(), ctx.Queue()
        end, child_end = QueueEnd(to_child, to_parent), QueueEnd(to_parent, to_child)
    else:
        end, child_end = ctx.Pipe()
    child = ctx.Process(target=send_large, args=(child_end, doubles, runs + 1))
    child.start()
    measured = []
    for i in range(runs + 1):
        end.recv()
        before = reset_peak()
        start = time.perf_counter()
        end.send(GO)
        received = end.recv()
        seconds = time.perf_counter() - start
        receiver_mib = peak_mib() - before
        size = len(received) * (received.itemsize if doubles else 1)
        assert size == PAYLOAD_BYTES, "the 256 MiB payload arrived with %d bytes" % size
        del received
        end.send(GO)
        sender_mib = end.recv()
        if i > 0:
            measured.append((PAYLOAD_BYTES / seconds / 1e9, receiver_mib, sender_mib))
    child.join()
    return measured


def large_row(queue, doubles, figure):
    return lambda ctx, runs: [t[figure] for t in large_transfers(ctx, runs, queue, doubles)]


def memory_copy(ctx, runs):
    """GB/s of a copy from one 256 MiB buffer into another, both already in memory."""
    source, target = bytearray(b"\1") * PAYLOAD_BYTES, bytearray(b"\2") * PAYLOAD_BYTES

    def once():
        start = time.perf_counter()
        target[:] = source
        return PAYLOAD_BYTES / (time.perf_counter() - start) / 1e9
    return after_warm_up(runs, once)


SCENARIOS = {"process-start": process_start, "pool-ready": pool_ready, "pool-map": pool_map,
             "pool-primes": pool_primes, "pool-task-gap": pool_task_gap,
             "queue-small": queue_small, "queue-kib": queue_kib,
             "pipe-round-trip": pipe_round_trip, "value-lock": value_lock, "idle-worker-rss": idle_worker_rss,
             "idle-worker-rss-8": idle_worker_rss_8, "idle-worker-pss": idle_worker_pss,
             "idle-worker-pss-8": idle_worker_pss_8,
             "large-queue-bytes": large_row(True, False, 0), "large-queue-doubles": large_row(True, True, 0),
             "large-queue-parent-mib": large_row(True, False, 1), "large-queue-child-mib": large_row(True, False, 2),
             "large-pipe-bytes": large_row(False, False, 0), "large-pipe-doubles": large_row(False, True, 0),
             "large-pipe-parent-mib": large_row(False, False, 1), "large-pipe-child-mib": large_row(False, False, 2),
             "memory-copy": memory_copy}

if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in SCENARIOS:
        sys.exit("usage: mp_bench.py {%s} METHOD RUNS" % ",".join(SCENARIOS))
    scenario, method, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    print(json.dumps(SCENARIOS[scenario](mp.get_context(method), runs)))
