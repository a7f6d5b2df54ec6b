"""Cell votes (biểu quyết) on admission, recognition and striking off probationers (rule 11).

A proposal passes only with at least the profile's fraction (2/3) of the cell's full members
(đảng viên chính thức) voting yes: of all full members, not of those present. Members attached
temporarily elsewhere and exempted members who are absent are not counted; probationary members
do not vote (Điều lệ Điều 3, 4.3, 5.2; 294-QĐ/TW 9.3.2).
"""

from __future__ import annotations

from app.domain.findings import Problem
from app.domain.messages import N_, DomainError, Message
from app.domain.profile import Fraction


def vote_denominator(full_members: int, attached_elsewhere: int, exempt_absent: int) -> int:
    """Full members who count for the vote: all full members minus those attached elsewhere
    and minus exempted members who are absent (an exempted member who attends counts)."""
    if min(full_members, attached_elsewhere, exempt_absent) < 0:
        raise DomainError(Message(N_("The numbers of members cannot be negative.")))
    denominator = full_members - attached_elsewhere - exempt_absent
    if denominator < 0:
        raise DomainError(
            Message(
                N_(
                    "{excluded} members are attached elsewhere or exempted and absent, but the "
                    "cell has only {full} full members. Check these numbers."
                ),
                {"excluded": attached_elsewhere + exempt_absent, "full": full_members},
            ),
            "full_members",
        )
    return denominator


def required_yes(denominator: int, fraction: Fraction) -> int:
    """The fewest yes votes that reach the fraction: ceil(denominator × n / d)."""
    if denominator < 0:
        raise ValueError("denominator must not be negative")
    return -(-denominator * fraction.numerator // fraction.denominator)


def vote_passes(yes: int, denominator: int, fraction: Fraction) -> bool:
    """True when `yes` reaches the fraction of the denominator (never with no voters)."""
    return denominator > 0 and yes >= required_yes(denominator, fraction)


def validate_vote(yes: int, no: int, abstain: int, denominator: int) -> list[Problem]:
    """Problems with a recorded vote: negative counts, or more votes than members who count."""
    problems: list[Problem] = []
    if denominator <= 0:
        problems.append(
            Problem(
                "denominator",
                Message(
                    N_(
                        "No full member can vote: the cell cannot decide. "
                        "Check the number of full members."
                    )
                ),
            )
        )
    for name, value in (("yes", yes), ("no", no), ("abstain", abstain)):
        if value < 0:
            problems.append(
                Problem(
                    name,
                    Message(
                        N_("The number of votes cannot be negative ({count})."), {"count": value}
                    ),
                )
            )
    if denominator > 0 and yes + no + abstain > denominator:
        problems.append(
            Problem(
                "yes",
                Message(
                    N_(
                        "{total} votes are recorded but only {denominator} full members can "
                        "vote. Check the yes, no and abstain counts."
                    ),
                    {"total": yes + no + abstain, "denominator": denominator},
                ),
            )
        )
    return problems
