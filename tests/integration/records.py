"""Member records with consistent dates for the service tests."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from app.domain.members import Gender, MemberRecord


def person(full_name: str, **changes: Any) -> MemberRecord:
    """A full member with consistent dates; `changes` override any field."""
    base = MemberRecord(
        full_name=full_name,
        gender=Gender.MALE,
        birth_date=dt.date(1980, 5, 1),
        admission_date=dt.date(2010, 3, 2),
        ceremony_date=dt.date(2010, 3, 20),
        recognition_date=dt.date(2011, 3, 20),
    )
    return dataclasses.replace(base, **changes)
