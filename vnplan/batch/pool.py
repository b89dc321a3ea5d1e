"""The process pool: batches of tasks mapped over worker processes, results streamed in order
of completion; a worker that dies costs only the input that killed it."""
from __future__ import annotations

from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterable, Iterator

from .core import BatchFn, Task, _error
from .bounds import init_worker
from .work import convert_batch


def _batched(it: Iterable, n: int) -> Iterator[list]:
    batch: list = []
    for x in it:
        batch.append(x)
        if len(batch) >= n:
            yield batch
            batch = []
    if batch:
        yield batch


def _crash_record(task: Task) -> dict:
    return _error(task.item.name, "the worker process crashed on this input (killed, out of "
                                  "memory past the --memory limit, stuck in native code past "
                                  "the --timeout, or a fault in a native library)")


def run_pool(tasks: Iterable[Task], sink: Callable, *, workers: int, fmt: str, out_dir: str,
             chunksize: int = 4, batch_fn: BatchFn = convert_batch, memory: int = 0) -> None:
    """Map ``batch_fn`` over batches of tasks on a process pool, streaming results to ``sink``.

    At most ``2 * workers`` batches are in flight. When a worker dies (BrokenProcessPool) the
    pool is restarted and the batches that were in flight are run again one input at a time,
    so that only the input that kills a worker is reported as failed. ``sink(seq, rec, text)``
    gets each task's result with its sequence number. Each worker's address space is capped
    at ``memory`` bytes and it dies with this process; when this function leaves on an
    exception (Ctrl-C, SIGTERM) the workers are killed, not waited for.
    """
    batches = _batched(tasks, max(1, chunksize))
    limit = max(2, 2 * workers)
    pool = _new_pool(workers, memory)
    inflight: dict = {}
    clean_exit = False
    try:
        exhausted = False
        while True:
            while not exhausted and len(inflight) < limit:
                b = next(batches, None)
                if b is None:
                    exhausted = True
                    break
                inflight[pool.submit(batch_fn, b, fmt, out_dir)] = b
            if not inflight:
                break
            done, _ = wait(inflight, return_when=FIRST_COMPLETED)
            suspects: list = []
            for f in done:
                b = inflight.pop(f)
                _collect(f, b, sink, suspects)
            if suspects:  # the pool is broken: every other in-flight batch fails too
                for f, b in list(inflight.items()):
                    _collect(f, b, sink, suspects)
                inflight.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _new_pool(workers, memory)
                if len(suspects) == 1:  # the only input in flight: no need to run it again
                    sink(suspects[0].seq, _crash_record(suspects[0]), None)
                    continue
                for t in suspects:
                    try:
                        (rec,) = pool.submit(batch_fn, [t], fmt, out_dir).result()
                        sink(t.seq, *rec)
                    except BrokenProcessPool:
                        sink(t.seq, _crash_record(t), None)
                        pool.shutdown(wait=False, cancel_futures=True)
                        pool = _new_pool(workers, memory)
                    except Exception as exc:  # noqa: BLE001
                        sink(t.seq, _error(t.item.name, f"{type(exc).__name__}: {exc}"), None)
        clean_exit = True
    finally:
        if not clean_exit:
            _kill(pool)
        pool.shutdown(wait=clean_exit, cancel_futures=True)


def _kill(pool: ProcessPoolExecutor) -> None:
    """Kill the workers now (the pool's shutdown would wait for their current inputs)."""
    kill = getattr(pool, "kill_workers", None)  # Python 3.14
    if kill is not None:
        kill()
        return
    for p in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            p.kill()
        except (OSError, AttributeError):
            pass


def _new_pool(workers: int, memory: int = 0) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, initializer=init_worker, initargs=(memory,))


def _collect(f, batch: list, sink: Callable, suspects: list) -> None:
    try:
        results = f.result()
    except BrokenProcessPool:
        suspects.extend(batch)
        return
    except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be pickled
        for t in batch:
            sink(t.seq, _error(t.item.name, f"{type(exc).__name__}: {exc}"), None)
        return
    for t, rec in zip(batch, results):
        sink(t.seq, *rec)
