"""The regex time limit (expr.guarded): who used the time decides whether a search fails."""

import gc
from types import SimpleNamespace

import pytest

from nianbao import expr
from nianbao.expr import REGEX_TIMEOUT, ExprError, Pattern, guarded


class Searches:
    """A search that times out the first `timeouts` times it runs, this thread spending
    `cpu` seconds of each run (on a fake clock), and records the limit of every run."""

    def __init__(self, timeouts: int, cpu: float) -> None:
        self.timeouts = timeouts
        self.cpu = cpu
        self.clock = 0.0
        self.limits: list[float] = []
        self.collecting: list[bool] = []

    def __call__(self, timeout: float):
        self.limits.append(timeout)
        self.collecting.append(gc.isenabled())
        self.clock += self.cpu
        if len(self.limits) <= self.timeouts:
            raise TimeoutError
        return ["found"]


@pytest.fixture
def searches(monkeypatch):
    def make(timeouts: int, cpu: float) -> Searches:
        search = Searches(timeouts, cpu)
        monkeypatch.setattr(expr, "time", SimpleNamespace(thread_time=lambda: search.clock))
        return search
    return make


def test_a_search_that_finishes_runs_once(searches):
    search = searches(0, REGEX_TIMEOUT)
    assert guarded(search, Pattern("a")) == ["found"]
    assert search.limits == [REGEX_TIMEOUT]


def test_a_search_that_timed_out_is_run_again_with_the_collector_off(searches):
    search = searches(1, REGEX_TIMEOUT)
    was_collecting = gc.isenabled()
    assert guarded(search, Pattern("a")) == ["found"]
    assert search.limits == [REGEX_TIMEOUT, REGEX_TIMEOUT]
    assert search.collecting == [was_collecting, False]
    assert gc.isenabled() == was_collecting


def test_a_regex_that_works_too_long_fails_after_twice_the_limit(searches):
    search = searches(99, REGEX_TIMEOUT)  # this thread spends the whole limit each time
    with pytest.raises(ExprError, match="took too long"):
        guarded(search, Pattern("(a|aa)+$"))
    assert search.limits == [REGEX_TIMEOUT, REGEX_TIMEOUT]


def test_a_search_starved_by_other_threads_gets_a_longer_limit(searches):
    search = searches(2, REGEX_TIMEOUT / 10)  # the process's clock ran out, this thread barely ran
    assert guarded(search, Pattern("a")) == ["found"]
    assert search.limits == [REGEX_TIMEOUT, REGEX_TIMEOUT, REGEX_TIMEOUT * 10]
    search = searches(99, REGEX_TIMEOUT / 10)
    with pytest.raises(ExprError, match="took too long"):
        guarded(search, Pattern("a"))
    assert len(search.limits) == 3


def test_the_limit_is_the_process_cpu_time_the_regex_module_counts():
    """What guarded's docstring says of the regex module: the limit counts Python work
    done between two matches of one search (the time from the call, not of the regex)."""
    import time

    compiled = Pattern("a").compiled()
    found = compiled.finditer("a" * 10, None, None, False, None, False, 0.05)
    with pytest.raises(TimeoutError):
        for _ in found:
            started = time.process_time()
            while time.process_time() - started < 0.03:
                pass


# ------------------------------------------------- the watch over first runs (watch_regexes)

class Busy:
    """A search that, given no limit (watched), works until stopped; given one, finds
    at once. Records the limit of every run."""

    def __init__(self) -> None:
        self.limits: list[float | None] = []

    def __call__(self, timeout: float | None):
        self.limits.append(timeout)
        if timeout is None:
            while True:  # (Python work: the watch's TimeoutError is raised here, as in a regex)
                pass
        return ["found"]


def test_under_the_watch_a_first_run_has_no_limit_of_its_own(searches):
    search = searches(0, REGEX_TIMEOUT)
    with expr.watch_regexes():
        assert guarded(search, Pattern("a")) == ["found"]
    assert search.limits == [None]


def test_the_watch_stops_a_run_that_works_too_long_and_it_is_run_again_with_the_limit():
    search = Busy()
    with expr.watch_regexes():
        assert guarded(search, Pattern("(a|aa)+$")) == ["found"]
    assert search.limits == [None, REGEX_TIMEOUT]


def test_the_watch_stops_a_catastrophic_regex():
    """A real search, stopped from within the regex module (it looks for signals as it
    works), then failing under the module's own limit."""
    pattern = Pattern("(a|aa)+$")
    with expr.watch_regexes(), pytest.raises(ExprError, match="took too long"):
        guarded(lambda timeout: expr.limited_search(pattern, "a" * 60 + "!", timeout), pattern)


def test_the_watch_is_off_outside_its_block_and_in_other_threads():
    import signal
    import threading

    with expr.watch_regexes():
        outside: list[float | None] = []

        def in_a_thread() -> None:
            with expr.watch_regexes():
                search = Searches(0, REGEX_TIMEOUT)
                guarded(search, Pattern("a"))
                outside.extend(search.limits)

        thread = threading.Thread(target=in_a_thread)
        thread.start()
        thread.join()
    assert outside == [REGEX_TIMEOUT]
    assert signal.getsignal(signal.SIGVTALRM) == signal.SIG_DFL
    assert signal.getitimer(signal.ITIMER_VIRTUAL) == (0.0, 0.0)
    search = Searches(0, REGEX_TIMEOUT)
    guarded(search, Pattern("a"))
    assert search.limits == [REGEX_TIMEOUT]
