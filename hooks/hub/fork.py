"""Work shared with a forked copy of this process: two cores where the machine has them.

``map_shared(func, items)`` is ``[func(item) for item in items]``: the second half is
computed by a forked child, which has everything this process has loaded and sends
its results back pickled, while this process computes the first half. It runs in one
process when forking is not safe (not Linux; another thread running, whose locks the
child would inherit held), when there is too little work to be worth a process, or
if the child fails: the results are the same either way.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Fewer items than this are done in one process: forking and sending back cost more.
SMALLEST = 200


def can_fork() -> bool:
    """Whether forking is safe here: Linux, and no other thread."""
    return sys.platform.startswith("linux") and hasattr(os, "fork") and threading.active_count() == 1


def map_shared(func: Callable[[T], R], items: Sequence[T], smallest: int = SMALLEST) -> list[R]:
    """``[func(item) for item in items]``, the second half in a forked child when that is safe and worth it."""
    if len(items) < smallest or not can_fork():
        return [func(item) for item in items]
    half = len(items) // 2
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: its half, sent back, and out without running this process's exit handlers
        os.close(read)
        try:
            with os.fdopen(write, "wb") as out:
                pickle.dump([func(item) for item in items[half:]], out, protocol=pickle.HIGHEST_PROTOCOL)
        finally:
            os._exit(0)
    os.close(write)
    try:
        first = [func(item) for item in items[:half]]
        with os.fdopen(read, "rb") as results:
            read = -1  # closed with the file from here on
            try:
                second = pickle.load(results)
            except (EOFError, pickle.UnpicklingError):  # the child failed: do its half here
                second = None
    finally:  # even when this half raises: no open pipe, no child left unwaited for
        if read != -1:
            os.close(read)
        os.waitpid(pid, 0)
    return first + (second if second is not None else [func(item) for item in items[half:]])
