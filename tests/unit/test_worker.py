"""hooks/hub_parallel.py: when the second process stops part-way, the build fails saying so; the process
compiling templates gives its result, or nothing, and never outlives the build."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import textwrap
from typing import Any

import pytest

from hub_parallel import Worker, WorkerFailed
from support import ROOT


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


# What each fresh process starts with: the function under test, and a check that a child was waited for.
PRELUDE = """
import json, os, time
from hub_parallel import start_compiling

def reaped(pid):
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False
"""


def in_a_fresh_process(code: str) -> Any:
    """What ``code`` prints (JSON), run by a new interpreter: one with no other thread, where the build may fork
    (a test process can have threads of its own, from servers other tests started)."""
    done = subprocess.run(
        [sys.executable, "-c", PRELUDE + textwrap.dedent(code)],
        env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_templates_are_compiled_in_another_process_at_the_lowest_priority():
    seen = in_a_fresh_process(
        """
        compiling = start_compiling(lambda: (os.getpid(), os.nice(0)))
        child = compiling.pid
        pid, niceness = compiling.result()
        print(json.dumps({"elsewhere": pid == child != os.getpid(), "niceness": niceness, "reaped": reaped(child)}))
        """
    )
    assert seen == {"elsewhere": True, "niceness": 19, "reaped": True}


def test_a_compiler_that_fails_gives_nothing_and_the_build_compiles_itself():
    seen = in_a_fresh_process(
        """
        def fails():
            raise RuntimeError("a template that does not compile")

        compiling = start_compiling(fails)
        child = compiling.pid
        print(json.dumps({"result": compiling.result(), "reaped": reaped(child)}))
        """
    )
    assert seen == {"result": None, "reaped": True}


def test_a_build_that_fails_stops_the_compiler_and_waits_for_it():
    seen = in_a_fresh_process(
        """
        compiling = start_compiling(lambda: time.sleep(60))
        child = compiling.pid
        started = time.monotonic()
        compiling.close()
        print(json.dumps({"killed": time.monotonic() - started < 30, "reaped": reaped(child)}))
        """
    )
    assert seen == {"killed": True, "reaped": True}  # killed, not waited out


def test_forking_is_left_alone_while_another_thread_runs():
    seen = in_a_fresh_process(
        """
        import threading
        stop = threading.Event()
        thread = threading.Thread(target=stop.wait)
        thread.start()
        compiling = start_compiling(lambda: 1)
        stop.set()
        thread.join()
        print(json.dumps({"started": compiling is not None}))
        """
    )
    assert seen == {"started": False}  # on_nav then compiles itself


def test_the_hubs_templates_compiled_elsewhere_are_loaded_not_compiled_again():
    seen = in_a_fresh_process(
        """
        from hub import pipeline
        from hub.pages import templating

        compiled = start_compiling(lambda: (pipeline.compile_templates(), pipeline.compiled_templates())[1]).result()
        names = templating.environment().list_templates()

        def no_compiling(*args, **kwargs):
            raise AssertionError("compiled again")

        templating.environment().compile = no_compiling
        pipeline.keep_compiled_templates(compiled)
        print(json.dumps({"handed": len(compiled) == len(names), "loaded": pipeline.compile_templates() == len(names)}))
        """
    )
    assert seen == {"handed": True, "loaded": True}
