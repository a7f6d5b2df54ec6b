"""The regulation profile (bộ quy định): every number of the Party's rules, with its source.

The rules changed in 2025 and 2026 and will change again, so thresholds, deadlines and quotas
are data in resources/rules/*.toml. Each rule is a TOML table holding the value (or a
`numerator`/`denominator` pair), the `citation` of the legal text and the `confidence` tag
(P: seen in the text itself, S: secondary source, R: recalled, to be verified; "app" for a
value the program chose itself). Meeting and document rules are read in profile_meetings.py.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from app.domain.documents import DocumentRules
from app.domain.messages import N_, Message
from app.domain.profile_indicators import IndicatorRules, indicator_rules
from app.domain.profile_meetings import (
    MeetingRules,
    QualityBand,
    QualityCriterion,
    QualityScheme,
    document_rules,
    meeting_rules,
)
from app.domain.profile_reader import (
    CONFIDENCE_TAGS,
    KIND_MESSAGES,
    Fraction,
    ProfileError,
    ProfileReader,
    Rule,
)

# Re-exported: the rest of the program finds every profile type here.
__all__ = [
    "CONFIDENCE_TAGS",
    "Fraction",
    "IndicatorRules",
    "Majority",
    "MeetingRules",
    "MemberRules",
    "ProfileError",
    "QualityBand",
    "QualityCriterion",
    "QualityScheme",
    "Rule",
    "RuleProfile",
    "VoteRules",
    "load_profile",
    "parse_profile",
]


@dataclass(frozen=True)
class MemberRules:
    """Rules about party members (đảng viên): cell size, admission age, probation, deadlines."""

    min_full_members: Rule[int]
    chi_uy_min_full_members: Rule[int]
    min_admission_age_years: Rule[int]
    max_admission_age_years: Rule[int]
    probation_months: Rule[int]
    recognition_deadline_working_days: Rule[int]
    transfer_deadline_working_days: Rule[int]
    record_update_month: Rule[int]
    recognition_reminder_days: Rule[int]


@dataclass(frozen=True)
class VoteRules:
    """Rules for cell votes (biểu quyết): admission and recognition, ordinary resolutions."""

    admission_fraction: Rule[Fraction]
    decision_majority: Rule[Majority]


@dataclass(frozen=True)
class Majority:
    """The share of yes votes an ordinary resolution of the cell (nghị quyết) needs: `strict`
    means more than the fraction (more than half), otherwise at least the fraction."""

    fraction: Fraction
    strict: bool


@dataclass(frozen=True)
class RuleProfile:
    """A complete, validated regulation profile."""

    id: str
    title: str
    effective_from: dt.date
    members: MemberRules
    votes: VoteRules
    meetings: MeetingRules
    documents: DocumentRules
    indicators: IndicatorRules
    source: str


# Allowed range of every integer rule: a value outside it is a typing mistake in the file.
_MEMBER_RANGES: Mapping[str, tuple[int, int]] = {
    "min_full_members": (1, 100),
    "chi_uy_min_full_members": (2, 1000),
    "min_admission_age_years": (14, 100),
    "max_admission_age_years": (14, 120),
    "probation_months": (1, 60),
    "recognition_deadline_working_days": (1, 365),
    "transfer_deadline_working_days": (1, 365),
    "record_update_month": (1, 12),
    "recognition_reminder_days": (0, 366),
}


def parse_profile(text: str, source: str) -> RuleProfile:
    """Parse and validate the TOML text of a profile; `source` names it in error messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(
            Message(
                N_("The regulation profile {file} is not valid TOML: {detail}"),
                {"file": source, "detail": str(exc)},
            )
        ) from exc
    reader = ProfileReader(data, source)
    head = reader.table("profile")
    profile_id = reader.value(head, "profile", "id", str)
    title = reader.value(head, "profile", "title", str)
    effective_from = reader.value(head, "profile", "effective_from", dt.date)
    if isinstance(effective_from, dt.datetime):
        raise reader.fail("profile.effective_from", KIND_MESSAGES[dt.date])
    members = _member_rules(reader)
    meetings = meeting_rules(reader)
    bands = [band.code for band in meetings.quality.value.bands]
    return RuleProfile(
        id=profile_id,
        title=title,
        effective_from=effective_from,
        members=members,
        votes=_vote_rules(reader),
        meetings=meetings,
        documents=document_rules(reader),
        indicators=indicator_rules(reader, bands),
        source=source,
    )


def _member_rules(reader: ProfileReader) -> MemberRules:
    rules = {
        name: reader.int_rule(f"members.{name}", low, high)
        for name, (low, high) in _MEMBER_RANGES.items()
    }
    # Pairs that only make sense in one order; a swap is a typing mistake in the file.
    _check_order(reader, rules, "min_admission_age_years", "max_admission_age_years")
    _check_order(reader, rules, "min_full_members", "chi_uy_min_full_members")
    return MemberRules(**rules)


def _check_order(
    reader: ProfileReader, rules: Mapping[str, Rule[int]], lower: str, upper: str
) -> None:
    if rules[lower].value >= rules[upper].value:
        raise reader.fail(
            f"members.{upper}.value",
            N_(
                "In the regulation profile {file}, {key} is {value}; "
                "it must be greater than {other} ({low})."
            ),
            value=rules[upper].value,
            other=f"members.{lower}",
            low=rules[lower].value,
        )


def _vote_rules(reader: ProfileReader) -> VoteRules:
    key = "votes.decision_majority"
    table = reader.table(key)
    fraction = reader.fraction_rule(key)
    strict = table.get("strict")
    if not isinstance(strict, bool):
        raise reader.fail(
            f"{key}.strict", N_("In the regulation profile {file}, {key} must be true or false.")
        )
    return VoteRules(
        admission_fraction=reader.fraction_rule("votes.admission_fraction"),
        decision_majority=Rule(
            Majority(fraction.value, strict), fraction.citation, fraction.confidence
        ),
    )


def load_profile(path: Path) -> RuleProfile:
    """Read and validate the profile file at `path` (UTF-8 TOML)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(
            Message(
                N_("The regulation profile {file} cannot be read: {detail}"),
                {"file": str(path), "detail": str(exc)},
            )
        ) from exc
    return parse_profile(text, str(path))
