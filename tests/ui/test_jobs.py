"""The job runner: work off the UI thread, results on it, changes broadcast, errors reported."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from app.services.dto import CellInfo, CellInput, CellType, Changes
from app.services.errors import DatabaseTooNewError
from app.services.facade import Services
from app.ui.jobs import JobRunner

CELL = CellInput(
    name="Chi bộ thôn Lũng Cú",
    superior_committee="Đảng ủy xã Lũng Cú",
    superior_body="ĐẢNG BỘ XÃ LŨNG CÚ",
    place_name="Lũng Cú",
    cell_type=CellType.VILLAGE,
)


def test_read_runs_off_the_ui_thread_and_reports_on_it(qtbot: QtBot, jobs: JobRunner) -> None:
    seen: dict[str, object] = {}

    def work(services: Services) -> CellInfo | None:
        seen["worker"] = threading.current_thread()
        return services.cell.get()

    def done(result: CellInfo | None) -> None:
        seen["done"] = threading.current_thread()
        seen["result"] = result

    jobs.read(work, done)
    assert jobs.wait_idle()
    assert seen["worker"] is not threading.main_thread()
    assert seen["done"] is threading.main_thread()
    assert seen["result"] is None


def test_every_database_job_runs_on_the_same_thread(jobs: JobRunner) -> None:
    threads: list[threading.Thread] = []
    for _ in range(5):
        jobs.read(lambda s: threads.append(threading.current_thread()), lambda _r: None)
    assert jobs.wait_idle()
    assert len(threads) == 5
    assert len(set(threads)) == 1


def test_write_emits_the_changes_it_returns(qtbot: QtBot, jobs: JobRunner) -> None:
    results: list[Changes] = []
    with qtbot.waitSignal(jobs.changed) as signal:
        jobs.write(lambda s: s.cell.save(CELL), results.append)
    assert isinstance(signal.args[0], Changes)
    assert "cell" in signal.args[0].areas
    assert results == [signal.args[0]]
    got: list[CellInfo | None] = []
    jobs.read(lambda s: s.cell.get(), got.append)
    assert jobs.wait_idle()
    assert got[0] is not None and got[0].name == "Chi bộ thôn Lũng Cú"


def test_a_failing_job_calls_on_error_on_the_main_thread(jobs: JobRunner) -> None:
    errors: list[tuple[BaseException, threading.Thread]] = []
    done: list[object] = []

    def fail(_services: Services) -> None:
        raise RuntimeError("boom")

    jobs.write(fail, done.append, on_error=lambda e: errors.append((e, threading.current_thread())))
    assert jobs.wait_idle()
    assert done == []
    assert len(errors) == 1
    assert isinstance(errors[0][0], RuntimeError)
    assert errors[0][1] is threading.main_thread()


def test_a_failed_write_emits_no_changes(qtbot: QtBot, jobs: JobRunner) -> None:
    emitted: list[object] = []
    jobs.changed.connect(emitted.append)
    bad = CellInput(
        name="",
        superior_committee="",
        superior_body="",
        place_name="",
        cell_type=CellType.VILLAGE,
    )
    errors: list[BaseException] = []
    jobs.write(lambda s: s.cell.save(bad), lambda _r: None, on_error=errors.append)
    assert jobs.wait_idle()
    assert len(errors) == 1
    assert emitted == []


def test_the_ui_thread_keeps_running_during_a_slow_job(qtbot: QtBot, jobs: JobRunner) -> None:
    # The job can only finish when a timer on the UI thread releases it: if the UI thread were
    # blocked by the job, this would never complete.
    release = threading.Event()
    QTimer.singleShot(50, release.set)
    finished: list[bool] = []
    jobs.run(lambda: release.wait(10), finished.append)
    qtbot.waitUntil(lambda: finished == [True], timeout=10_000)


def test_a_long_job_shows_a_busy_dialog_until_it_ends(qtbot: QtBot, jobs: JobRunner) -> None:
    release = threading.Event()
    finished: list[bool] = []
    jobs.read(lambda s: release.wait(10), finished.append, label="Đang tải danh sách…")
    qtbot.waitUntil(lambda: jobs.progress_dialog() is not None, timeout=5_000)
    dialog = jobs.progress_dialog()
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.labelText() == "Đang tải danh sách…"
    release.set()
    qtbot.waitUntil(lambda: finished == [True], timeout=10_000)
    assert jobs.progress_dialog() is None


def test_after_shutdown_no_job_is_accepted(jobs: JobRunner) -> None:
    jobs.shutdown()
    done: list[object] = []
    jobs.read(lambda s: 1, done.append)
    assert jobs.wait_idle()
    assert done == []


@pytest.fixture
def runners() -> Iterator[list[JobRunner]]:
    """Runners made by a test, shut down at teardown (a runner must outlive the test body)."""
    made: list[JobRunner] = []
    yield made
    for runner in made:
        runner.shutdown()


def test_an_opener_runs_first_and_the_reads_queued_meanwhile_wait_for_it(
    qtbot: QtBot, services: Services, runners: list[JobRunner]
) -> None:
    order: list[str] = []
    gate = threading.Event()

    def opener() -> Services:
        gate.wait(5)  # hold the database thread until every read below is queued
        order.append("open")
        return services

    runner = JobRunner(opener)
    runners.append(runner)
    assert runner.is_opening
    assert runner.services is None
    got: list[CellInfo | None] = []
    for number in range(3):
        runner.read(lambda s, n=number: order.append(f"read {n}") or s.cell.get(), got.append)
    with qtbot.waitSignal(runner.opened) as signal:
        gate.set()
    assert signal.args == [services]
    assert runner.wait_idle()
    assert order == ["open", "read 0", "read 1", "read 2"]
    assert got == [None, None, None]
    assert not runner.is_opening
    assert runner.services is services


def test_a_failed_opener_is_reported_once_and_the_queued_jobs_are_dropped(
    qtbot: QtBot, runners: list[JobRunner]
) -> None:
    gate = threading.Event()

    def opener() -> Services:
        gate.wait(5)
        raise DatabaseTooNewError("quá mới")

    runner = JobRunner(opener)
    runners.append(runner)
    reported: list[object] = []
    runner.read(lambda s: s.cell.get(), reported.append, on_error=reported.append)
    runner.write(lambda s: s.cell.save(CELL), reported.append, on_error=reported.append)
    with qtbot.waitSignal(runner.open_failed) as signal:
        gate.set()
    assert isinstance(signal.args[0], DatabaseTooNewError)
    assert runner.wait_idle()
    runner.read(lambda s: s.cell.get(), reported.append, on_error=reported.append)
    assert runner.is_idle()
    qtbot.wait(50)  # let the dropped jobs' reports arrive: they must go nowhere
    assert reported == []
    assert not runner.is_opening
    assert runner.services is None


def test_a_held_runner_starts_nothing_until_released_then_keeps_the_order(
    qtbot: QtBot, services: Services, runners: list[JobRunner]
) -> None:
    order: list[str] = []

    def opener() -> Services:
        order.append("open")
        return services

    runner = JobRunner(opener, held=True)
    runners.append(runner)
    runner.read(lambda s: order.append("read") or s.cell.get(), lambda _r: None)
    runner.write(lambda s: order.append("write"), lambda _r: None)
    assert not runner.wait_idle(200)  # held: the database thread was never given the jobs
    assert order == []
    assert runner.is_held and runner.is_opening
    with qtbot.waitSignal(runner.opened):
        runner.release()
    assert runner.wait_idle()
    assert order == ["open", "read", "write"]
    assert not runner.is_held


def test_heavy_work_is_not_held(qtbot: QtBot, services: Services, runners: list[JobRunner]) -> None:
    runner = JobRunner(services, held=True)
    runners.append(runner)
    done: list[int] = []
    runner.run(lambda: 41 + 1, done.append)
    qtbot.waitUntil(lambda: done == [42])
    runner.read(lambda s: 7, done.append)
    assert not runner.wait_idle(100)
    runner.release()
    assert runner.wait_idle()
    assert done == [42, 7]


def test_jobs_held_at_shutdown_never_run(services: Services, runners: list[JobRunner]) -> None:
    ran: list[str] = []
    runner = JobRunner(services, held=True)
    runners.append(runner)
    runner.read(lambda s: ran.append("read"), ran.append)
    runner.shutdown()
    runner.release()
    assert runner.wait_idle()
    assert ran == []
