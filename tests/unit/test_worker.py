"""hooks/hub_parallel.py: when the second process stops part-way, the build fails saying so."""

from __future__ import annotations

import os
import pickle

import pytest

from hub_parallel import Worker, WorkerFailed


def worker_that(sends: list[tuple[str, str, object]]) -> Worker:
    """A worker for pages a.md and b.md whose process sends ``sends`` and stops."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        with os.fdopen(write, "wb") as out:
            for message in sends:
                pickle.dump(message, out)
        os._exit(0)
    os.close(write)
    return Worker(pid, os.fdopen(read, "rb"), ["a.md", "b.md"])


def test_a_page_the_second_process_never_sent_fails_the_build_with_why():
    worker = worker_that([("failed", "", "MemoryError: out of memory")])
    try:
        with pytest.raises(WorkerFailed) as failed:
            worker.built("a.md")
        assert str(failed.value) == (
            "a.md: the second process stopped before it finished this page (MemoryError: out of memory); "
            "set HUB_PARALLEL=false to build in one process"
        )
        assert worker.built("other.md") is None  # not one of its pages: the build makes it itself
    finally:
        worker.close()


def test_killed_without_a_word_it_still_says_which_page():
    worker = worker_that([])
    try:
        with pytest.raises(WorkerFailed, match=r"^b\.md: the second process stopped before it finished this page;"):
            worker.built("b.md")
    finally:
        worker.close()
