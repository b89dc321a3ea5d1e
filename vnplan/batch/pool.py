"""The process pool: batches of tasks mapped over worker processes, results streamed in order
of completion; a worker that dies costs only the input that killed it."""
from __future__ import annotations

from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterable, Iterator

from .core import BatchFn, Task, _error
from .work import convert_batch, warm_up


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
                                  "memory or a fault in a native library)")


def run_pool(tasks: Iterable[Task], sink: Callable, *, workers: int, fmt: str, out_dir: str,
             chunksize: int = 4, batch_fn: BatchFn = convert_batch) -> None:
    """Map ``batch_fn`` over batches of tasks on a process pool, streaming results to ``sink``.

    At most ``2 * workers`` batches are in flight. When a worker dies (BrokenProcessPool) the
    pool is restarted and the batches that were in flight are run again one input at a time,
    so that only the input that kills a worker is reported as failed.
    """
    batches = _batched(tasks, max(1, chunksize))
    limit = max(2, 2 * workers)
    pool = _new_pool(workers)
    inflight: dict = {}
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
                pool = _new_pool(workers)
                for t in suspects:
                    try:
                        for rec in pool.submit(batch_fn, [t], fmt, out_dir).result():
                            sink(*rec)
                    except BrokenProcessPool:
                        sink(_crash_record(t), None)
                        pool.shutdown(wait=False, cancel_futures=True)
                        pool = _new_pool(workers)
                    except Exception as exc:  # noqa: BLE001
                        sink(_error(t.item.name, f"{type(exc).__name__}: {exc}"), None)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _new_pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, initializer=warm_up)


def _collect(f, batch: list, sink: Callable, suspects: list) -> None:
    try:
        results = f.result()
    except BrokenProcessPool:
        suspects.extend(batch)
        return
    except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be pickled
        for t in batch:
            sink(_error(t.item.name, f"{type(exc).__name__}: {exc}"), None)
        return
    for rec in results:
        sink(*rec)
