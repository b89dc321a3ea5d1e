"""Batch conversion on a Dask cluster (``vnplan convert --engine dask --scheduler ADDRESS``).

Needs the ``vnplan[dask]`` extra; dask is imported only here. The workers must see the input
paths (a shared or network file system, or the same archives copied to each node) and have
vnplan installed; they read and parse, and send the serialised documents back: the driver
writes every output, so OUTDIR need only exist on the machine running the command.
"""
from __future__ import annotations

from typing import Callable, Iterable, Optional

from .core import Task, UsageError, _error
from .pool import _batched
from .work import convert_batch


def run_dask(tasks: Iterable[Task], sink: Callable, *, fmt: str, scheduler: Optional[str] = None,
             batch_size: int = 4, client=None, max_inflight: Optional[int] = None) -> None:
    """Map batches of tasks over the cluster, streaming results to ``sink`` as they complete.

    ``scheduler`` is the scheduler's address ("tcp://10.0.0.5:8786"); without one a local
    cluster is started for the run. At most ``max_inflight`` batches (default: four per worker
    thread) are submitted at a time, so the driver's memory stays flat.
    """
    try:
        from dask.distributed import Client, as_completed
    except ImportError:
        raise UsageError("the dask engine needs dask: pip install 'vnplan[dask]'") from None
    own = client is None
    if own:
        try:
            client = Client(scheduler) if scheduler else Client()
        except (OSError, TimeoutError, ValueError) as exc:
                raise UsageError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
    try:
        if max_inflight is None:
            threads = sum(client.nthreads().values()) or 1
            max_inflight = 4 * threads
        batches = _batched(tasks, batch_size)
        pending: dict = {}
        ac = as_completed()
        for b in batches:
            f = client.submit(convert_batch, b, fmt, None, pure=False)
            pending[f.key] = b
            ac.add(f)
            if len(pending) >= max_inflight:
                break
        for f in ac:
            b = pending.pop(f.key)
            try:
                results = f.result()
            except Exception as exc:  # noqa: BLE001 - a lost worker (KilledWorker) and the like
                for t in b:
                    sink(t.seq, _error(t.item.name, f"dask: {type(exc).__name__}: {exc}"), None)
            else:
                for t, (rec, text) in zip(b, results):
                    sink(t.seq, rec, text)
            f.release()
            nxt = next(batches, None)
            if nxt is not None:
                nf = client.submit(convert_batch, nxt, fmt, None, pure=False)
                pending[nf.key] = nxt
                ac.add(nf)
    finally:
        if own:
            client.close()
