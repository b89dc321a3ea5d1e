"""Per-input and per-worker bounds: a time limit on each input, an address-space limit on each
worker process, workers that die with the command, and SIGTERM turned into an orderly stop."""
from __future__ import annotations

import contextlib
import math
import os
import signal
import threading
from typing import Iterator, Optional


class InputTimeout(BaseException):
    """An input ran past ``--timeout``. A BaseException, so that the pipeline's guard of each
    stage (``except Exception``) does not take it for a stage error and go on without a bound."""


class Terminated(BaseException):
    """The command received SIGTERM: stop, but write the summary first."""


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


_backstop = {"on": False}  # set in pool workers: a CPU limit backs the alarm up


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise InputTimeout in this thread after ``seconds`` (0: no limit). SIGALRM interrupts
    Python code and the regex engine alike; off the main thread (Dask) there is no bound.
    In a pool worker, native code that never returns to Python for a second of CPU time past
    the limit is stopped by the kernel (a CPU-time limit): the worker dies, the input alone is
    reported, the pool goes on."""
    if not seconds or seconds <= 0 or not _main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def fire(signum, frame):
        raise InputTimeout(f"timed out after {seconds:g} s (--timeout)")

    old = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    cpu = _cpu_backstop(seconds + 1) if _backstop["on"] else None
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
        if cpu is not None:
            _set_cpu(cpu)


def _set_cpu(limits: tuple) -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_CPU, limits)


def _cpu_backstop(seconds: float) -> Optional[tuple]:
    """Lower the soft CPU-time limit to ``seconds`` from now; the old limits, to put back."""
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
        used = resource.getrusage(resource.RUSAGE_SELF)
        cap = math.ceil(used.ru_utime + used.ru_stime + seconds)
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_CPU, (cap, hard))
        return soft, hard
    except (ImportError, ValueError, OSError):
        return None


def limit_memory(max_bytes: int) -> None:
    """Cap this process's address space: an allocation past it raises MemoryError, which costs
    the input being converted, not the machine. Only ever lowers the current limit."""
    if max_bytes <= 0:
        return
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = max_bytes if hard == resource.RLIM_INFINITY else min(max_bytes, hard)
        if soft == resource.RLIM_INFINITY or soft > cap:
            resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, ValueError, OSError):  # not on this platform: no cap
        pass


def _in_process_cap(extra: int) -> Optional[tuple]:
    """(cap, soft, hard) to bound this process's growth to ``extra`` bytes, or None."""
    if extra <= 0 or not _main_thread():
        return None
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        with open("/proc/self/statm", encoding="ascii") as fh:
            used = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (ImportError, OSError, ValueError, IndexError):
        return None
    cap = used + extra if hard == resource.RLIM_INFINITY else min(used + extra, hard)
    if soft != resource.RLIM_INFINITY and soft <= cap:
        return None
    return cap, soft, hard


@contextlib.contextmanager
def memory_cap(extra: int) -> Iterator[None]:
    """With ``-j 1`` the work runs in the command's own process: while one input is converted,
    its address space may grow by ``extra`` bytes at most (the soft limit is put back after)."""
    found = _in_process_cap(extra)
    if found is None:
        yield
        return
    import resource

    cap, soft, hard = found
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def die_with_parent() -> None:
    """Ask Linux to kill this worker when the command dies (kill -9 included), so no worker
    outlives it; elsewhere the pool's own shutdown is all there is."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent is already gone
        os._exit(1)


def init_worker(max_bytes: int) -> None:
    """Initializer of a pool worker: bounds first, then the warm-up."""
    die_with_parent()
    limit_memory(max_bytes)
    _backstop["on"] = True
    signal.signal(signal.SIGXCPU, signal.SIG_DFL)  # past the CPU backstop: the worker ends
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the driver's to handle
    from .work import warm_up

    warm_up()


@contextlib.contextmanager
def sigterm_stops() -> Iterator[None]:
    """While the command runs, SIGTERM raises Terminated in the main thread (so ``finally``
    blocks write the summary and close the files), instead of killing it outright."""
    if not _main_thread():
        yield
        return

    def stop(signum, frame):
        raise Terminated("terminated (SIGTERM)")

    old = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old)
