"""Where articles are parsed: in this process, in a pool of local processes, or on a Dask cluster.

Every engine runs the same task functions (``parse_task``, ``triggers_task``) and hands back
futures; each worker process builds the pipeline once, on its first task. The caller keeps results
in corpus order (``pipeline.runs``), so outputs do not depend on the engine or the number of workers.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor

from .errors import InputError

_NLP: dict = {}  # model → pipeline, one per worker process
_NLP_LOCK = threading.Lock()  # a Dask worker may run tasks in threads; one Doc at a time per pipeline


def worker_nlp(model: str):
    if model not in _NLP:
        from .nlp import build_nlp

        _NLP[model] = build_nlp(model)
    return _NLP[model]


def parse_task(model: str, article):
    """One article's records (an ``ArticleResult``), parsed by this process's pipeline."""
    from .extract import extract_article

    with _NLP_LOCK:
        return extract_article(worker_nlp(model), article)


def triggers_task(model: str, sentences: list[str]) -> list[list[tuple]]:
    """The report's rule triggers of each sentence, each read alone (so a cached sentence reads the
    same as a fresh one), as plain tuples."""
    from .report.marks import find_triggers

    with _NLP_LOCK:
        nlp = worker_nlp(model)
        return [[(t.rule, t.relation, t.start, t.end) for t in find_triggers(nlp, [s])[s]] for s in sentences]


def default_jobs() -> int:
    """The cores this process may run on (fewer than ``os.cpu_count()`` under a CPU affinity mask)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class InProcess:
    """Tasks run here, one by one, when submitted: no workers to start, and the bar moves per article."""

    window = 1

    def __init__(self, model: str):
        self.model = model

    def submit(self, fn: Callable, *args) -> Future:
        future: Future = Future()
        future.set_result(fn(self.model, *args))
        return future

    def close(self) -> None:
        pass


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent alone decides


class LocalPool:
    """``jobs`` worker processes on this machine (spawned, not forked: no threads or locks are copied)."""

    def __init__(self, model: str, jobs: int):
        self.model, self.jobs = model, jobs
        self.window = 2 * jobs  # enough queued to keep every worker busy, few enough to keep memory flat
        spawn = multiprocessing.get_context("spawn")
        self.pool = ProcessPoolExecutor(jobs, mp_context=spawn, initializer=_ignore_interrupts)

    def submit(self, fn: Callable, *args) -> Future:
        return self.pool.submit(fn, self.model, *args)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class DaskCluster:
    """A Dask cluster: the scheduler at ``address``, or a LocalCluster of ``jobs`` worker processes.
    Workers need this package and the model installed; articles travel with the tasks, so they need
    no access to the corpus folder."""

    def __init__(self, model: str, address: str | None, jobs: int):
        try:
            import dask
            from distributed import Client, LocalCluster
        except ImportError:
            raise InputError("--engine dask", "needs dask[distributed]: pip install 'claims[dask]'") from None
        self.model, self.cluster = model, None
        try:
            if address:
                self.client = Client(address, timeout="20s")
            else:
                # Workers sample their task thread's stack every 10 ms for the dashboard's profile;
                # here that is only overhead (about 8% on 40 articles). The nannies pass it on.
                with dask.config.set({"distributed.worker.profile.enabled": False}):
                    self.cluster = LocalCluster(
                        n_workers=jobs,
                        threads_per_worker=1,
                        processes=True,
                        dashboard_address=None,
                        silence_logs=logging.ERROR,
                    )
                self.client = Client(self.cluster)
        except (OSError, TimeoutError, ValueError) as exc:
            self.close()
            raise InputError(address or "LocalCluster", f"cannot reach the Dask scheduler: {exc}") from None
        workers = len(self.client.scheduler_info().get("workers", {})) or 1
        self.window = 2 * workers

    def submit(self, fn: Callable, *args):
        return self.client.submit(fn, self.model, *args, pure=False)

    def close(self) -> None:
        if getattr(self, "client", None) is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()


class Engine:
    """Starts its workers on the first task (a run served from the cache starts none); ``size`` is
    the number of tasks expected, so one changed article is parsed here rather than by a new pool."""

    def __init__(self, model: str, kind: str = "local", jobs: int = 1, scheduler: str | None = None):
        self.model, self.kind, self.jobs, self.scheduler = model, kind, jobs, scheduler
        self.size = None
        self._backend = None

    @property
    def started(self) -> bool:
        return self._backend is not None

    def backend(self):
        if self._backend is None:
            if self.kind == "dask":
                self._backend = DaskCluster(self.model, self.scheduler, self.jobs)
            else:
                jobs = min(self.jobs, self.size) if self.size else self.jobs
                self._backend = LocalPool(self.model, jobs) if jobs > 1 else InProcess(self.model)
        return self._backend

    @property
    def window(self) -> int:
        return self.backend().window

    def submit(self, fn: Callable, *args):
        return self.backend().submit(fn, *args)

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc) -> None:
        if self._backend is not None:
            self._backend.close()
