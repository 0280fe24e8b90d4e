"""hub.fork: work shared with a forked copy gives what one process gives."""

from __future__ import annotations

import os

import pytest

from hub.fork import can_fork, map_shared
from support import zombie_children


def square_and_pid(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


def test_a_shared_map_is_the_plain_map_and_uses_a_second_process_when_it_can():
    results = map_shared(square_and_pid, list(range(500)))
    assert [value for value, _pid in results] == [n * n for n in range(500)]
    pids = {pid for _value, pid in results}
    assert os.getpid() in pids and len(pids) == (2 if can_fork() else 1)


def test_little_work_stays_in_this_process():
    results = map_shared(square_and_pid, list(range(10)))
    assert {pid for _value, pid in results} == {os.getpid()}


def test_a_failing_child_leaves_the_work_to_this_process():
    calls = []

    def flaky(n: int) -> int:
        if os.getpid() != parent:
            raise SystemExit("the child stops")  # it sends nothing
        calls.append(n)
        return n + 1

    parent = os.getpid()
    assert map_shared(flaky, list(range(300))) == [n + 1 for n in range(300)]
    assert len(calls) == 300  # both halves done here


def test_a_failing_half_here_leaves_no_child_or_pipe_behind():
    def fails_here(n: int) -> int:
        if os.getpid() == parent:
            raise ValueError("this half fails")
        return n

    parent = os.getpid()
    open_before = len(os.listdir("/proc/self/fd"))
    with pytest.raises(ValueError, match="this half fails"):
        map_shared(fails_here, list(range(300)))
    assert zombie_children() == []
    assert len(os.listdir("/proc/self/fd")) == open_before
