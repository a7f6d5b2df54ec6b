"""The receiver's rules (tiếp nhận báo cáo tại cấp ủy cấp trên): which arriving report file to
accept, which serials are missing, and the figures a table across cells adds up.

Pure: the service verifies signatures and stores rows; this module decides. A report's data
comes in as the parsed JSON of its attachment (schema "sochibo.report" from a cell,
"sochibo.summary" from a committee that summarises its cells); `figures_of_report` and
`figures_of_summary` turn either into the same `PeriodFigures`, so a commune's table of cells
and a province's table of communes are one computation.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.domain.messages import N_, DomainError, Message

#: Meeting kinds of schema "sochibo.report" that count as a regular (thường kỳ) meeting.
REGULAR_KINDS = frozenset({"regular", "combined"})


class Verdict(enum.StrEnum):
    """What becomes of an arriving file whose signature is valid."""

    ACCEPT = "accept"
    #: The very same file (same SHA-256) was imported before.
    DUPLICATE = "duplicate"
    #: The sender's serial is already taken by another file: two different files cannot carry
    #: one serial (a restored old backup at the cell, or a forgery with a stolen key).
    SERIAL_REUSED = "serial_reused"
    #: Out of order: a newer report of the same sender and period (higher serial) is already
    #: imported, so this older one must not replace it.
    SUPERSEDED = "superseded"


@dataclass(frozen=True)
class Arrival:
    """A report as the receiver knows it: who sent it, its serial, its period and the digest
    of its signed content (the same whether it travelled encrypted or not)."""

    sender_uid: str
    serial: int
    period_label: str
    sha256: str


def judge(arrival: Arrival, held: Iterable[Arrival]) -> tuple[Verdict, Arrival | None]:
    """Decide on `arrival` against the reports already `held`; returns the verdict and the held
    report it conflicts with (None when accepted)."""
    same_sender = [h for h in held if h.sender_uid == arrival.sender_uid]
    for known in same_sender:
        if known.sha256 == arrival.sha256:
            return Verdict.DUPLICATE, known
    for known in same_sender:
        if known.serial == arrival.serial:
            return Verdict.SERIAL_REUSED, known
    period = [h for h in same_sender if h.period_label == arrival.period_label]
    newer = [h for h in period if h.serial > arrival.serial]
    if newer:
        return Verdict.SUPERSEDED, max(newer, key=lambda h: h.serial)
    return Verdict.ACCEPT, None


def missing_serials(serials: Iterable[int]) -> tuple[int, ...]:
    """The serials from 1 to the highest one that have not arrived (gaps), in order.

    A gap is either a report still on its way or an export that failed at the cell (a failed
    serial is never reused); only the cell can say which.
    """
    seen = set(serials)
    if not seen:
        return ()
    return tuple(n for n in range(1, max(seen) + 1) if n not in seen)


def current_reports(arrivals: Iterable[Arrival]) -> dict[tuple[str, str], Arrival]:
    """The report that counts for each (sender, period): the one with the highest serial."""
    found: dict[tuple[str, str], Arrival] = {}
    for arrival in arrivals:
        key = (arrival.sender_uid, arrival.period_label)
        if key not in found or arrival.serial > found[key].serial:
            found[key] = arrival
    return found


# --- Figures -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Share:
    """`part` of `whole` (e.g. meetings rated Tốt out of scored meetings)."""

    part: int = 0
    whole: int = 0

    def __add__(self, other: Share) -> Share:
        return Share(self.part + other.part, self.whole + other.whole)

    @property
    def percent(self) -> float | None:
        """The share in per cent, or None when there is nothing to count."""
        return None if self.whole == 0 else 100.0 * self.part / self.whole


@dataclass(frozen=True)
class PeriodFigures:
    """What one or more senders reported for a period, added up.

    `senders` counts the cells covered and `reporting` those whose report arrived (a
    committee's summary brings its own counts). Members are those on the registers at the end
    of the period. `bands` maps a quality band code of the profile ("good", ...) to the number
    of meetings scored in it. The two yes/no indicators of the cell profile are shares too:
    cells answering "yes" out of cells that answered.
    """

    senders: int = 0
    reporting: int = 0
    members: int = 0
    full: int = 0
    probationary: int = 0
    meetings: int = 0
    regular: int = 0
    thematic: int = 0
    bands: Mapping[str, int] = field(default_factory=dict)
    good_meetings: Share = Share()
    members_with_tasks: Share = Share()
    admissions: int = 0
    village_head_members: Share = Share()
    front_head_members: Share = Share()

    def __add__(self, other: PeriodFigures) -> PeriodFigures:
        bands = Counter(self.bands)
        bands.update(other.bands)
        return PeriodFigures(
            senders=self.senders + other.senders,
            reporting=self.reporting + other.reporting,
            members=self.members + other.members,
            full=self.full + other.full,
            probationary=self.probationary + other.probationary,
            meetings=self.meetings + other.meetings,
            regular=self.regular + other.regular,
            thematic=self.thematic + other.thematic,
            bands=dict(bands),
            good_meetings=self.good_meetings + other.good_meetings,
            members_with_tasks=self.members_with_tasks + other.members_with_tasks,
            admissions=self.admissions + other.admissions,
            village_head_members=self.village_head_members + other.village_head_members,
            front_head_members=self.front_head_members + other.front_head_members,
        )


def not_reported() -> PeriodFigures:
    """A sender counted in the table without a report for the period."""
    return PeriodFigures(senders=1)


def total(figures: Sequence[PeriodFigures]) -> PeriodFigures:
    """The sum of several senders' figures."""
    result = PeriodFigures()
    for item in figures:
        result = result + item
    return result


_BAD_PAYLOAD = N_(
    "The report data is incomplete or damaged ({key}). Ask the sender to export the report "
    "again with an up-to-date Sổ Chi bộ."
)


class PayloadError(DomainError):
    """A signed report whose data lacks a key or has one of the wrong type."""

    def __init__(self, key: str) -> None:
        super().__init__(Message(_BAD_PAYLOAD, {"key": key}))
        self.key = key


def _get(data: Any, path: str, kind: type | tuple[type, ...]) -> Any:
    value = data
    for part in path.split("."):
        if not isinstance(value, Mapping) or part not in value:
            raise PayloadError(path)
        value = value[part]
    # bool is an int in Python: a count must not be True.
    if not isinstance(value, kind) or (isinstance(value, bool) and bool not in _kinds(kind)):
        raise PayloadError(path)
    return value


def _kinds(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def _count(data: Any, path: str) -> int:
    value: int = _get(data, path, int)
    if value < 0:
        raise PayloadError(path)
    return value


def _share(data: Any, path: str) -> Share:
    part, whole = _count(data, f"{path}.part"), _count(data, f"{path}.whole")
    if part > whole:
        raise PayloadError(path)
    return Share(part, whole)


def _yes_no(data: Any, path: str) -> Share:
    value = _get(data, path, (bool, type(None)))
    return Share(0, 0) if value is None else Share(int(value), 1)


def figures_of_report(payload: Mapping[str, Any]) -> PeriodFigures:
    """The figures of one cell's report (schema "sochibo.report"); raises `PayloadError`."""
    meetings = _get(payload, "meetings", list)
    bands: Counter[str] = Counter()
    regular = thematic = 0
    for number, meeting in enumerate(meetings):
        kind = _get(meeting, "kind", str)
        regular += kind in REGULAR_KINDS
        thematic += bool(_get(meeting, "thematic", bool))
        band = _get(meeting, "quality_band", (str, type(None)))
        if band is None and _get(meeting, "quality_total", (int, type(None))) is not None:
            raise PayloadError(f"meetings.{number}.quality_band")
        if band is not None:
            bands[band] += 1
    full = _count(payload, "members.at_end.full")
    probationary = _count(payload, "members.at_end.probationary")
    return PeriodFigures(
        senders=1,
        reporting=1,
        members=_count(payload, "members.at_end.total"),
        full=full,
        probationary=probationary,
        meetings=len(meetings),
        regular=regular,
        thematic=thematic,
        bands=dict(bands),
        good_meetings=_share(payload, "indicators.good_meetings"),
        members_with_tasks=_share(payload, "indicators.members_with_tasks"),
        admissions=_count(payload, "indicators.admissions.in_period"),
        village_head_members=_yes_no(payload, "indicators.village_head_is_member"),
        front_head_members=_yes_no(payload, "indicators.front_head_is_member"),
    )


def figures_of_summary(payload: Mapping[str, Any]) -> PeriodFigures:
    """The totals of a committee's summary (schema "sochibo.summary"); raises `PayloadError`."""
    return read_figures(_get(payload, "totals", Mapping), "totals")


def read_figures(data: Mapping[str, Any], where: str) -> PeriodFigures:
    """`PeriodFigures` from their JSON form (see `figures_json`)."""

    try:
        raw_bands = _get(data, "meetings.bands", Mapping)
        bands = {str(code): _count(data, f"meetings.bands.{code}") for code in raw_bands}
        return PeriodFigures(
            senders=_count(data, "senders"),
            reporting=_count(data, "reporting"),
            members=_count(data, "members.total"),
            full=_count(data, "members.full"),
            probationary=_count(data, "members.probationary"),
            meetings=_count(data, "meetings.held"),
            regular=_count(data, "meetings.regular"),
            thematic=_count(data, "meetings.thematic"),
            bands=bands,
            good_meetings=_share(data, "good_meetings"),
            members_with_tasks=_share(data, "members_with_tasks"),
            admissions=_count(data, "admissions"),
            village_head_members=_share(data, "village_head_is_member"),
            front_head_members=_share(data, "front_head_is_member"),
        )
    except PayloadError as error:
        raise PayloadError(f"{where}.{error.key}") from error


def figures_json(figures: PeriodFigures) -> dict[str, object]:
    """The JSON form of `figures`, as a committee's summary carries it."""

    def share(value: Share) -> dict[str, int]:
        return {"part": value.part, "whole": value.whole}

    return {
        "senders": figures.senders,
        "reporting": figures.reporting,
        "members": {
            "total": figures.members,
            "full": figures.full,
            "probationary": figures.probationary,
        },
        "meetings": {
            "held": figures.meetings,
            "regular": figures.regular,
            "thematic": figures.thematic,
            "bands": dict(sorted(figures.bands.items())),
        },
        "good_meetings": share(figures.good_meetings),
        "members_with_tasks": share(figures.members_with_tasks),
        "admissions": figures.admissions,
        "village_head_is_member": share(figures.village_head_members),
        "front_head_is_member": share(figures.front_head_members),
    }
