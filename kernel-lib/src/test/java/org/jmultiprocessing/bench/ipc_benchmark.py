"""CPython's multiprocessing on the measures of IpcBenchmark.java, printed as name=value lines.

Run by IpcBenchmark (python3 ipc_benchmark.py); each figure is the best of two runs.
"""
import multiprocessing as mp
import time

SMALL_ITEMS = 500_000
KIB_ITEMS = 200_000
ROUND_TRIPS = 20_000
INCREMENTS_PER_PROCESS = 200_000
RUNS = 2


def put_small(q):
    for i in range(SMALL_ITEMS):
        q.put(i)


def put_kib(q):
    message = bytes(1024)
    for _ in range(KIB_ITEMS):
        q.put(message)


def echo(conn):
    while True:
        message = conn.recv()
        conn.send(message)
        if message == -1:
            return


def increment(v, go):
    go.wait()
    for _ in range(INCREMENTS_PER_PROCESS):
        with v.get_lock():
            v.value += 1


def queue_rate(target, items):
    q = mp.Queue()
    p = mp.Process(target=target, args=(q,))
    p.start()
    q.get()
    start = time.perf_counter()
    for _ in range(items - 1):
        q.get()
    rate = (items - 1) / (time.perf_counter() - start)
    p.join()
    return rate


def pipe_round_trip_us():
    parent, child = mp.Pipe()
    p = mp.Process(target=echo, args=(child,))
    p.start()
    for i in range(2_000):
        parent.send(i)
        parent.recv()
    start = time.perf_counter()
    for i in range(ROUND_TRIPS):
        parent.send(i)
        parent.recv()
    micros = (time.perf_counter() - start) * 1e6 / ROUND_TRIPS
    parent.send(-1)
    parent.recv()
    p.join()
    return micros


def locked_increments_per_s():
    v = mp.Value('l', 0)
    go = mp.Event()
    processes = [mp.Process(target=increment, args=(v, go)) for _ in range(2)]
    for p in processes:
        p.start()
    time.sleep(0.5)
    start = time.perf_counter()
    go.set()
    for p in processes:
        p.join()
    seconds = time.perf_counter() - start
    assert v.value == 2 * INCREMENTS_PER_PROCESS
    return 2 * INCREMENTS_PER_PROCESS / seconds


if __name__ == '__main__':
    print('queue_small_per_s=%f' % max(queue_rate(put_small, SMALL_ITEMS) for _ in range(RUNS)), flush=True)
    print('queue_1kib_per_s=%f' % max(queue_rate(put_kib, KIB_ITEMS) for _ in range(RUNS)), flush=True)
    print('pipe_round_trip_us=%f' % min(pipe_round_trip_us() for _ in range(RUNS)), flush=True)
    print('value_locked_increments_per_s=%f' % max(locked_increments_per_s() for _ in range(RUNS)), flush=True)
