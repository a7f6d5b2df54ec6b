"""The cell's documents (văn bản của chi bộ): type codes, numbers and the document register.

Pure rules (reference: domain.md §9.2-9.3, §11 rules 40-41). A number reads "Số 05-BB/CB":
the sequence, a hyphen, the type code, a slash, the issuing body's code. Numbers run from 01
for each document type through a committee term (nhiệm kỳ), not reset on 1 January. The codes,
the body code, the number of digits and which types a cell may issue are profile data.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from app.domain.findings import Problem, Severity
from app.domain.messages import N_, Message
from app.domain.profile_reader import Rule


@dataclass(frozen=True)
class DocumentType:
    """A type of Party document (thể loại văn bản), e.g. BB biên bản.

    `printed_name` is the type name printed above the subject ("BIÊN BẢN"); it is empty for an
    official letter (công văn), whose type name is not printed. `allowed_for_cell` says whether
    a cell (chi bộ) may issue this type under 399-QĐ/TW.
    """

    code: str
    name: str
    printed_name: str
    allowed_for_cell: bool


@dataclass(frozen=True)
class DocumentRules:
    """The profile's document rules: the cell's body code (CB), how many digits a number has
    at least (05, not 5), and the table of document types."""

    body_code: Rule[str]
    number_digits: Rule[int]
    types: Rule[tuple[DocumentType, ...]]
    #: The code of a grassroots party committee (đảng ủy) in its numbers ("Số 12-BC/ĐU"),
    #: used when the program receives the cells' reports and sends its own summary up.
    committee_body_code: Rule[str]

    def type_of(self, code: str) -> DocumentType | None:
        """The document type with this code, or None when the table has no such code."""
        return next((t for t in self.types.value if t.code == code), None)


@dataclass(frozen=True)
class IssuedNumber:
    """A number already taken in the document register (sổ đăng ký văn bản)."""

    type_code: str
    term_start: dt.date
    seq: int


def format_number(seq: int, type_code: str, body_code: str, digits: int) -> str:
    """The printed number, e.g. "Số 05-BB/CB": zero-padded to `digits`, no colon after "Số"."""
    if seq < 1:
        raise ValueError(f"document sequence must be positive, not {seq}")
    return f"Số {seq:0{digits}d}-{type_code}/{body_code}"


def next_sequence(issued: Iterable[IssuedNumber], type_code: str, term_start: dt.date) -> int:
    """The next number of `type_code` in the term that started on `term_start` (rule 40).

    Numbers continue through the whole term, across 1 January; a new term starts again at 1.
    Taking the highest number plus one means a number is never given twice, even when an
    earlier one was cancelled.
    """
    taken = [n.seq for n in issued if n.type_code == type_code and n.term_start == term_start]
    return max(taken, default=0) + 1


def duplicate_problems(issued: Iterable[IssuedNumber], number: IssuedNumber) -> list[Problem]:
    """BLOCK when `number` is already in the register for the same type and term (rule 40)."""
    if number not in set(issued):
        return []
    text = N_(
        "The number {seq} of the document type {code} is already used in this term. "
        "Take the next free number."
    )
    return [Problem("number", Message(text, {"seq": number.seq, "code": number.type_code}))]


def authority_problems(type_code: str, rules: DocumentRules) -> list[Problem]:
    """Rule 41: BLOCK a type code that is not in the table; WARN when a cell issues a type
    outside its authority (e.g. quy định, hướng dẫn, chỉ thị under 399-QĐ/TW)."""
    kind = rules.type_of(type_code)
    if kind is None:
        text = N_("The document type code {code} is not in the table of document types.")
        return [Problem("type_code", Message(text, {"code": type_code}))]
    if kind.allowed_for_cell:
        return []
    text = N_(
        "A party cell may not issue a document of the type “{name}” ({code}). "
        "Check the document type."
    )
    message = Message(text, {"name": kind.name, "code": kind.code})
    return [Problem("type_code", message, Severity.WARN)]


def in_term(day: dt.date, term_start: dt.date, term_end: dt.date | None) -> bool:
    """True when `day` falls within the committee term (the end is open when unknown)."""
    return term_start <= day and (term_end is None or day <= term_end)


# District-level party committees (huyện, quận, thị xã, thị ủy) were abolished on 01/07/2025
# (294-QĐ/TW); rule 44: no document may be addressed to one.
_DISTRICT_LEVEL = re.compile(r"\b(?:huyện|quận|thị xã|thị (?:ủy|uỷ))(?!\w)", re.IGNORECASE)


def names_district_level(text: str) -> bool:
    """True when `text` names a district-level body (cấp huyện), which no longer exists."""
    return _DISTRICT_LEVEL.search(text) is not None
