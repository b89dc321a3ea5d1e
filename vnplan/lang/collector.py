"""Bulk work on very long texts: the cyclic garbage collector paused while mentions are built.

Shared by the stages that build hundreds of thousands of small objects on a multi-megabyte
input (bodies, assignments). Ordinary documents never reach the threshold.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager

_PAUSE_COLLECTOR_FROM = 200_000  # characters


@contextmanager
def collector_paused(size: int):
    """Pause the cyclic garbage collector while the mentions of a very long text are built.

    Hundreds of thousands of small objects (mentions, their spans) make the collector walk
    the whole heap again and again: half the time of this stage on a 5 MB text. None of them
    is part of a reference cycle, so reference counting frees them all the same. Texts of
    ordinary length, and a collector someone else turned off, are left alone.
    """
    if size < _PAUSE_COLLECTOR_FROM or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
