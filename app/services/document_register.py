"""The document register (sổ đăng ký văn bản): numbers taken by issued documents.

Numbers run per document type through the committee term (nhiệm kỳ) that started on the cell's
`term_start`, across 1 January (domain.md rule 40). A number is taken inside the transaction
that issues the document; the UNIQUE(type, term, seq) constraint makes a duplicate impossible
even if two writers raced.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.documents import (
    DocumentRules,
    IssuedNumber,
    authority_problems,
    duplicate_problems,
    format_number,
    next_sequence,
)
from app.domain.findings import Severity
from app.services.base import ServiceContext, unit_of_work
from app.services.errors import raise_if_blocked
from app.services.meeting_dto import DocumentNumberInfo
from app.storage.models import DocumentNumber

# The service has a method named `list`; annotations inside the class use this alias.
Numbers = list[DocumentNumberInfo]


def number_info(row: DocumentNumber, rules: DocumentRules) -> DocumentNumberInfo:
    """The DTO of a register entry, with its printed text ("Số 05-BB/CB")."""
    text = format_number(row.seq, row.type_code, rules.body_code.value, rules.number_digits.value)
    return DocumentNumberInfo(
        type_code=row.type_code,
        seq=row.seq,
        text=text,
        term_start=row.term_start,
        issued_on=row.issued_on,
        document_kind=row.document_kind,
        meeting_id=row.meeting_id,
    )


def issue_number(
    session: Session,
    rules: DocumentRules,
    *,
    type_code: str,
    term_start: dt.date,
    issued_on: dt.date,
    document_kind: str,
    meeting_id: int | None,
) -> DocumentNumber:
    """Take the next number of `type_code` in the term, inside the caller's transaction.

    Raises `ValidationError` for a type code missing from the profile's table (rule 41) or a
    number already taken (rule 40). A type outside a cell's authority is only a warning.
    """
    raise_if_blocked(
        [p for p in authority_problems(type_code, rules) if p.severity is Severity.BLOCK]
    )
    query = select(DocumentNumber).where(
        DocumentNumber.type_code == type_code, DocumentNumber.term_start == term_start
    )
    issued = [IssuedNumber(r.type_code, r.term_start, r.seq) for r in session.scalars(query)]
    seq = next_sequence(issued, type_code, term_start)
    raise_if_blocked(duplicate_problems(issued, IssuedNumber(type_code, term_start, seq)))
    row = DocumentNumber(
        type_code=type_code,
        term_start=term_start,
        seq=seq,
        meeting_id=meeting_id,
        document_kind=document_kind,
        issued_on=issued_on,
    )
    session.add(row)
    session.flush()
    return row


def numbers_of_meeting(session: Session, meeting_id: int) -> dict[str, DocumentNumber]:
    """The numbers a meeting took, by document kind ("minutes", "resolution")."""
    query = select(DocumentNumber).where(DocumentNumber.meeting_id == meeting_id)
    return {row.document_kind: row for row in session.scalars(query)}


class DocumentRegisterService:
    """Reads the document register."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def list(self, term_start: dt.date | None = None) -> Numbers:
        """Every number taken (of one term when `term_start` is given), by type then number."""
        query = select(DocumentNumber).order_by(
            DocumentNumber.term_start, DocumentNumber.type_code, DocumentNumber.seq
        )
        if term_start is not None:
            query = query.where(DocumentNumber.term_start == term_start)
        rules = self._ctx.profile.documents
        with unit_of_work(self._ctx) as session:
            return [number_info(row, rules) for row in session.scalars(query)]
