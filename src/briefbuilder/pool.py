"""A small process pool for build jobs, with a time and a memory limit per job.

Each worker imports the writers once and keeps its themes (and whatever the writers
cache, such as font configuration) across jobs. A job that runs past its time
limit has its worker killed and replaced; a worker that exceeds its memory limit
fails its job with MemoryError or dies, and is replaced. Results come back as
bytes: the parent process writes every file.

Workers live until the pool is closed, so a pool kept across builds (watch) stays warm.
An edit to a theme folder retires them: their caches hold the theme as it was.

A build that knows it has jobs to run starts its workers early (start): the forkserver
imports WeasyPrint and the writers on another core while this process imports the models
and parses the briefs. This module imports no model, so that it can start them first.

Why not pebble (5.2.3, tried on the cold 40-brief build, -j 2, same bytes out): it keeps
the time and memory limits and the forkserver preload, and ran as fast (15.9-16.1 s against
15.5-15.7 s here) with more parent CPU (0.65-0.68 s against 0.55-0.63 s) and 6 MB more
parent memory; but a worker that dies while idle (the OOM killer, in a long watch) breaks
its whole pool (BrokenProcessPool "All workers expired", every pending job aborted), and it
does not tell when a job starts, which the progress bar shows.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import resource
import shutil
import signal
import tempfile
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import BriefbuilderError, Problem, ProblemWarning
from .formats import writer_module
from .options import Options

if TYPE_CHECKING:
    from .brand import Theme

Task = tuple[Any, str, Path]  # (edition, format, theme folder)
Stamp = tuple[tuple[str, int, int], ...]  # a folder's files, with size and mtime


@dataclass(frozen=True)
class Result:
    """What a worker sends back for one task."""

    index: int
    data: bytes | None
    pages: int | None
    problems: list[Problem]
    seconds: float
    peak_mb: int = 0  # the worker's peak resident memory so far


def _render(task: Task, themes: dict[Path, Theme]) -> tuple[bytes, int | None]:
    from .themes import check_language, load_theme
    from .writers.registry import count_pages, get_writer

    edition, fmt, theme_folder = task
    theme = themes.get(theme_folder) or load_theme(theme_folder)
    themes[theme_folder] = theme
    check_language(theme, edition.brief.lang, edition.path)
    data = get_writer(fmt)(edition, theme)
    return data, count_pages(fmt, data)


def _attempt(task: Task, themes: dict[Path, Theme]) -> tuple[bytes | None, int | None,
                                                           list[Problem]]:
    """Render one task; every failure becomes Problems, so the worker lives on; so do the
    warnings writers give (ProblemWarning) while they succeed."""
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ProblemWarning)
            data, pages = _render(task, themes)
        return data, pages, _problems_warned(caught)
    except BriefbuilderError as exc:
        return None, None, exc.problems
    except Exception as exc:  # a writer bug must not stop the other briefs
        if isinstance(exc, MemoryError) or _memory_exhausted():
            return None, None, [Problem("the job ran out of memory", task[0].path,
                                        hint="raise --memory-limit or shrink the images")]
        return None, None, [Problem(
            f"internal error in the {task[1]} writer: {type(exc).__name__}: {exc}",
            task[0].path, hint="please report this with the brief file")]


def _memory_exhausted() -> bool:
    """Whether this worker cannot take one more megabyte: at its memory limit, an allocation
    that failed deep in a library (Python's compiler, a C extension) can surface as another
    error than MemoryError."""
    try:
        bytearray(1 << 20)
    except MemoryError:
        return True
    return False


def _problems_warned(caught: list[warnings.WarningMessage]) -> list[Problem]:
    """The Problems of the ProblemWarnings caught; any other warning is shown as usual."""
    problems = []
    for warning in caught:
        if isinstance(warning.message, ProblemWarning):
            problems.append(warning.message.problem)
        else:
            warnings.showwarning(warning.message, warning.category, warning.filename,
                                 warning.lineno)
    return problems


def _serve(conn: Connection, memory_limit: int | None, scratch: str) -> None:
    """Worker loop: receive (index, task), send back a Result, until told to stop. Its
    temporary files go in `scratch`, which the parent removes once the worker has ended."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    tempfile.tempdir = scratch
    if memory_limit:
        resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
    themes: dict[Path, Theme] = {}
    while True:
        try:
            message = conn.recv()
        except EOFError:  # the parent is gone (watch ended by a signal): so is the work
            return
        if message is None:
            return
        index, task = message
        start = time.perf_counter()
        data, pages, problems = _attempt(task, themes)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        conn.send(Result(index, data, pages, problems, time.perf_counter() - start, peak))


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    scratch: Path  # its temporary folder (WeasyPrint's copies of the fonts, 19 MB)
    index: int | None = None
    started: float = 0.0

    def end(self, grace: float = 0.0) -> None:
        """Stop the worker (killed if it has not ended after `grace` seconds) and remove its
        temporary folder, whatever a kill left there."""
        self.process.join(timeout=grace)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()
        shutil.rmtree(self.scratch, ignore_errors=True)


class Pool:
    """Run tasks on N worker processes; yield Results as they finish. Close it (or use it
    as a context manager) to stop the workers."""

    def __init__(self, workers: int, time_limit: float, memory_limit: int | None,
                 preload: tuple[str, ...] = ()) -> None:
        self.size = max(1, workers)
        self.time_limit = time_limit
        self.memory_limit = memory_limit
        self._context = mp.get_context("forkserver")
        # Workers fork from a server that imported the writers once, fonts and all.
        self._context.set_forkserver_preload(["briefbuilder.pool", *preload])
        self._workers: list[_Worker] = []
        self._themes: dict[Path, Stamp] = {}  # the theme folders as the workers loaded them
        self._starter: _Starter | None = None

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _spawn(self) -> _Worker:
        parent, child = self._context.Pipe()
        scratch = Path(tempfile.mkdtemp(prefix="briefbuilder-worker-"))
        process = self._context.Process(target=_serve, daemon=True,
                                        args=(child, self.memory_limit, str(scratch)))
        process.start()
        child.close()
        return _Worker(process, parent, scratch)

    def start(self, count: int) -> None:
        """Start count workers (at most the pool's size) in the background, unless some run
        or are starting: the first job need not wait for the writers to be imported."""
        if not self._workers and self._starter is None:
            self._starter = _Starter(self, min(self.size, count))

    def _join_starter(self) -> None:
        """Take in the workers start() began, once they run."""
        if self._starter is not None:
            try:
                self._workers += self._starter.join()
            finally:
                self._starter = None

    def run(self, tasks: list[Task], on_start: Callable[[int], None]) -> Iterator[Result]:
        """Yield one Result per task, in the order they finish."""
        self._join_starter()
        self._retire_if_themes_changed(tasks)
        pending = list(enumerate(tasks))[::-1]
        while len(self._workers) < min(self.size, len(tasks)):
            self._workers.append(self._spawn())
        try:
            yield from self._loop(tasks, pending, on_start)
        except BaseException:  # Ctrl-C, or a caller that stops early: workers may be busy
            self.close()
            raise

    def warm(self, tasks: list[Task]) -> None:
        """Start the workers, if none runs yet, and render one task on each, for nothing
        but what they load and keep: writers, fonts, templates, the theme."""
        self._join_starter()
        if not self._workers:
            for _ in self.run(tasks[: self.size], lambda index: None):
                pass

    def _retire_if_themes_changed(self, tasks: list[Task]) -> None:
        stamps = {folder: _stamp(folder) for folder in {task[2] for task in tasks}}
        if any(self._themes.get(folder, stamp) != stamp for folder, stamp in stamps.items()):
            self.close()
            self._themes = {}
        self._themes.update(stamps)

    def _loop(self, tasks: list[Task], pending: list[tuple[int, Task]],
              on_start: Callable[[int], None]) -> Iterator[Result]:
        busy = self._hand_out(pending, on_start)
        while busy:
            ready = wait([w.conn for w in self._workers if w.index is not None], timeout=0.2)
            finished = []
            for slot, worker in enumerate(self._workers):
                outcome = self._collect(worker, tasks, ready) if worker.index is not None else None
                if outcome is None:
                    continue
                result, healthy = outcome
                if healthy:
                    worker.index = None
                else:
                    self._replace(slot)
                finished.append(result)
            busy += self._hand_out(pending, on_start) - len(finished)
            yield from finished  # the caller writes these while the workers go on

    def _hand_out(self, pending: list[tuple[int, Task]], on_start: Callable[[int], None]) -> int:
        """Give a pending task to each idle worker; return how many were given."""
        given = 0
        for slot, worker in enumerate(self._workers):
            if worker.index is None and pending:
                index, task = pending.pop()
                worker = self._hand(slot, (index, task))
                worker.index, worker.started = index, time.perf_counter()
                given += 1
                on_start(index)
        return given

    def _collect(self, worker: _Worker, tasks: list[Task],
                 ready: list[Any]) -> tuple[Result, bool] | None:
        """(Result, worker still usable) once a job ends; None while it runs."""
        assert worker.index is not None
        index, elapsed = worker.index, time.perf_counter() - worker.started
        path = tasks[index][0].path
        if worker.conn in ready:
            try:
                return worker.conn.recv(), True
            except EOFError:
                message = "the worker process died (out of memory, or a crash)"
                return Result(index, None, None, [Problem(message, path)], elapsed), False
        if elapsed > self.time_limit:
            problem = Problem(f"timed out after {self.time_limit:g} s", path,
                              hint="raise --time-limit, or look for a huge table or image")
            return Result(index, None, None, [problem], elapsed), False
        return None

    def _hand(self, slot: int, message: tuple[int, Task]) -> _Worker:
        """Send a task to the worker in slot, replacing it first if it died while idle."""
        try:
            self._workers[slot].conn.send(message)
        except OSError:
            self._replace(slot)
            self._workers[slot].conn.send(message)
        return self._workers[slot]

    def _replace(self, slot: int) -> None:
        self._workers[slot].end()
        self._workers[slot] = self._spawn()

    def close(self) -> None:
        # a start that failed has stopped its own workers, and run() raised its error; here
        # it must not hide the exception (if any) that is closing the pool
        with contextlib.suppress(Exception):
            self._join_starter()
        for worker in self._workers:
            if worker.process.is_alive():
                with contextlib.suppress(OSError):
                    worker.conn.send(None)
        for worker in self._workers:
            worker.end(grace=2)
        self._workers = []


class _Starter:
    """Workers spawned on a thread: spawning waits for the forkserver to import its
    preloaded modules, which this process need not do."""

    def __init__(self, pool: Pool, count: int) -> None:
        self._workers: list[_Worker] = []
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._spawn, args=(pool, count), daemon=True)
        self._thread.start()

    def _spawn(self, pool: Pool, count: int) -> None:
        try:
            for _ in range(count):
                self._workers.append(pool._spawn())
        except BaseException as exc:  # raised again by join, in the thread that builds
            self._error = exc

    def join(self) -> list[_Worker]:
        """The workers started, once they are; the error that stopped it, if one did."""
        self._thread.join()
        if self._error is not None:
            for worker in self._workers:
                worker.end()
            raise self._error
        return self._workers


def open_pool(options: Options, formats: Iterable[str]) -> Pool:
    """A worker pool with the options' limits, its workers preloaded with the formats'
    writers."""
    modules = tuple(sorted({writer_module(fmt) for fmt in formats}))
    return Pool(options.workers, options.time_limit, options.memory_limit, modules)


def _stamp(folder: Path) -> Stamp:
    """Each file under folder with its size and mtime, in a stable order."""
    files = []
    for path in sorted(folder.rglob("*")):
        with contextlib.suppress(OSError):
            if path.is_file():
                stat = path.stat()
                files.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(files)
