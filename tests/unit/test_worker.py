"""hooks/hub_parallel.py: when the second process stops part-way, the build fails saying so; the process
compiling templates gives its result, or nothing, and never outlives the build."""

from __future__ import annotations

import os
import pickle
import time

import pytest

from hub_parallel import Worker, WorkerFailed, start_compiling


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


# --- The process compiling templates while the build reads the content ---------------------------


def pid_and_niceness() -> tuple[int, int]:
    return os.getpid(), os.nice(0)


def reaped(pid: int) -> bool:
    """Whether the child ``pid`` has ended and been waited for."""
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_templates_are_compiled_in_another_process_at_the_lowest_priority():
    compiling = start_compiling(pid_and_niceness)
    assert compiling is not None
    child = compiling.pid
    pid, niceness = compiling.result()
    assert pid == child != os.getpid() and niceness == 19
    assert reaped(child)


def test_a_compiler_that_fails_gives_nothing_and_the_build_compiles_itself():
    def fails() -> None:
        raise RuntimeError("a template that does not compile")

    compiling = start_compiling(fails)
    assert compiling is not None
    child = compiling.pid
    assert compiling.result() is None
    assert reaped(child)


def test_a_build_that_fails_stops_the_compiler_and_waits_for_it():
    compiling = start_compiling(lambda: time.sleep(60))
    assert compiling is not None
    child = compiling.pid
    started = time.monotonic()
    compiling.close()
    assert time.monotonic() - started < 30  # killed, not waited out
    assert reaped(child)


def test_the_hubs_templates_compiled_elsewhere_are_loaded_not_compiled_again(monkeypatch):
    from hub import pipeline
    from hub.pages import templating

    def compile_elsewhere() -> dict[str, bytes]:
        templating.COMPILED.kept.clear()
        templating.environment().cache.clear()
        pipeline.compile_templates()
        return pipeline.compiled_templates()

    compiling = start_compiling(compile_elsewhere)
    assert compiling is not None
    compiled = compiling.result()
    assert len(compiled) == len(templating.environment().list_templates())
    kept = dict(templating.COMPILED.kept)
    templating.COMPILED.kept.clear()
    templating.environment().cache.clear()
    try:
        pipeline.keep_compiled_templates(compiled)

        def no_compiling(*args: object, **kwargs: object) -> None:
            raise AssertionError("compiled again")

        monkeypatch.setattr(templating.environment(), "compile", no_compiling)
        assert pipeline.compile_templates() == len(compiled)
    finally:
        monkeypatch.undo()
        templating.COMPILED.kept.update(kept)
        templating.environment().cache.clear()
