"""Import of party members (đảng viên) from a spreadsheet the secretary already keeps.

Three steps, so that the GUI wizard can show each one: `read_source` reads an .xlsx or .csv file
and suggests which column holds which field; `preview` parses and validates every row without
writing; `commit` saves all rows in one transaction, or nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from app.domain.findings import Problem, Severity
from app.domain.members import CellRole, Gender, MemberRecord, MembershipStatus
from app.domain.messages import N_, Message
from app.domain.text import fold, nfc
from app.l10n import _, render
from app.services.dto import Changes, ImportPreview, ImportRow, ImportSource
from app.services.errors import UserError
from app.services.facade import Services
from app.services.spreadsheets import (
    VIETNAMESE_HEADERS,
    ImportFileError,
    header_key,
    read_source,
    suggest_mapping,
)

__all__ = [
    "IMPORT_FIELDS",
    "VIETNAMESE_HEADERS",
    "ImportFileError",
    "commit",
    "describe_problem",
    "parse_date",
    "preview",
    "problem_lines",
    "read_source",
    "replace_mapping",
    "suggest_mapping",
]

#: Every importable field: (MemberRecord field name, English label msgid for the UI).
IMPORT_FIELDS: tuple[tuple[str, str], ...] = (
    ("full_name", N_("Full name")),
    ("gender", N_("Gender")),
    ("birth_date", N_("Date of birth")),
    ("ethnicity", N_("Ethnicity")),
    ("religion", N_("Religion")),
    ("hometown", N_("Hometown")),
    ("residence", N_("Residence")),
    ("phone", N_("Phone number")),
    ("education", N_("Education level")),
    ("theory_level", N_("Political-theory level")),
    ("occupation", N_("Occupation")),
    ("workplace", N_("Workplace")),
    ("card_number", N_("Party card number")),
    ("admission_date", N_("Admission decision date")),
    ("ceremony_date", N_("Admission ceremony date")),
    ("recognition_date", N_("Recognition date")),
    ("status", N_("Status (full or probationary)")),
    ("role", N_("Role in the cell")),
    ("note", N_("Note")),
)

_REQUIRED = ("full_name", "gender", "birth_date")
_DATE_FIELDS = frozenset({"birth_date", "admission_date", "ceremony_date", "recognition_date"})
_GENDERS = {"nam": Gender.MALE, "male": Gender.MALE, "nu": Gender.FEMALE, "female": Gender.FEMALE}
_STATUSES = {
    "chinh thuc": MembershipStatus.FULL,
    "ct": MembershipStatus.FULL,
    "full": MembershipStatus.FULL,
    "du bi": MembershipStatus.PROBATIONARY,
    "db": MembershipStatus.PROBATIONARY,
    "probationary": MembershipStatus.PROBATIONARY,
}
_ROLES = {
    "bi thu": CellRole.SECRETARY,
    "secretary": CellRole.SECRETARY,
    "pho bi thu": CellRole.DEPUTY,
    "deputy secretary": CellRole.DEPUTY,
    "chi uy vien": CellRole.COMMITTEE,
    "committee member": CellRole.COMMITTEE,
    "dang vien": CellRole.MEMBER,
    "member": CellRole.MEMBER,
}
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")


def parse_date(text: str) -> tuple[dt.date | None, Message | None]:
    """Parse dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy or yyyy-mm-dd; a bare year is refused."""
    value = text.strip()
    if re.fullmatch(r"\d{4}", value):
        return None, Message(
            N_(
                "'{value}' is only a year. Enter the full date as day/month/year, for example "
                "05/02/{value}."
            ),
            {"value": value},
        )
    match = _DMY.match(value)
    parts = (match.group(3), match.group(2), match.group(1)) if match else None
    if parts is None and (match := _YMD.match(value)):
        parts = (match.group(1), match.group(2), match.group(3))
    if parts is not None:
        try:
            return dt.date(int(parts[0]), int(parts[1]), int(parts[2])), None
        except ValueError:
            pass
    return None, Message(
        N_("'{value}' is not a valid date. Enter it as day/month/year, for example 05/02/1980."),
        {"value": value},
    )


def _parse_row(cells: dict[str, str]) -> tuple[MemberRecord | None, list[Problem]]:
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    for field_name, raw in cells.items():
        text = nfc(raw)
        if field_name in _REQUIRED and not text:
            problems.append(
                Problem(
                    field_name,
                    Message(N_("This is empty; the column must be filled in for every member.")),
                )
            )
        elif field_name in _DATE_FIELDS and text:
            day, error = parse_date(text)
            values[field_name] = day
            if error is not None:
                problems.append(Problem(field_name, error))
        elif field_name in ("gender", "status", "role") and text:
            _parse_choice(field_name, text, values, problems)
        elif field_name == "phone":
            # Excel drops the leading 0 of a phone number typed into a number cell.
            values[field_name] = "0" + text if re.fullmatch(r"[1-9]\d{8}", text) else text
        elif field_name not in _DATE_FIELDS and (text or field_name == "ethnicity"):
            # An empty ethnicity stays empty for the secretary to fill in, rather than taking
            # the record's default: guessing "Kinh" would be wrong in a highland cell.
            values[field_name] = text
    if problems:
        return None, problems
    return MemberRecord(**values), problems


_CHOICES: dict[str, tuple[dict[str, Any], str]] = {
    "gender": (_GENDERS, N_("'{value}' is not a gender. Write Nam or Nữ.")),
    "status": (_STATUSES, N_("'{value}' is not a member status. Write Chính thức or Dự bị.")),
    "role": (
        _ROLES,
        N_(
            "'{value}' is not a role in the cell. Write Bí thư, Phó bí thư, Chi ủy viên or "
            "Đảng viên."
        ),
    ),
}


def _parse_choice(field: str, text: str, values: dict[str, Any], out: list[Problem]) -> None:
    table, hint = _CHOICES[field]
    key = header_key(text)
    if key in table:
        values[field] = table[key]
    else:
        out.append(Problem(field, Message(hint, {"value": text})))


def _check_mapping(source: ImportSource, mapping: dict[int, str]) -> None:
    known = {name for name, _label in IMPORT_FIELDS}
    labels = dict(IMPORT_FIELDS)
    used = [name for index, name in mapping.items() if 0 <= index < len(source.headers)]
    unknown = sorted(set(used) - known)
    if unknown or len(used) != len(mapping):
        raise ImportFileError(_("The column choice is not valid. Choose the columns again."))
    twice = sorted({name for name in used if used.count(name) > 1})
    if twice:
        raise ImportFileError(
            _("Several columns are set to “{field}”. Choose one column for it.").format(
                field=_(labels[twice[0]])
            )
        )
    missing = [name for name in _REQUIRED if name not in used]
    if missing:
        raise ImportFileError(
            _(
                "No column is chosen for: {fields}. Every member needs a full name, a gender "
                "and a date of birth; choose the columns that hold them."
            ).format(fields=", ".join(_(labels[name]) for name in missing))
        )


def preview(services: Services, source: ImportSource, mapping: dict[int, str]) -> ImportPreview:
    """Parse and check every row against the rules and the register; nothing is written."""
    _check_mapping(source, mapping)
    lines = source.lines if len(source.lines) == len(source.rows) else ()
    seen: dict[tuple[str, dt.date], int] = {}
    result: list[ImportRow] = []
    for index, row in enumerate(source.rows):
        line = lines[index] if lines else index + 2
        cells = {name: row[column] if column < len(row) else "" for column, name in mapping.items()}
        record, problems = _parse_row(cells)
        if record is not None:
            problems.extend(services.members.validate(record))
            key = (fold(record.full_name), record.birth_date)
            if key in seen:
                problems.append(
                    Problem(
                        "full_name",
                        Message(
                            N_(
                                "Line {other} has the same full name and date of birth. Keep "
                                "only one of the two lines."
                            ),
                            {"other": seen[key]},
                        ),
                    )
                )
            else:
                seen[key] = line
        result.append(ImportRow(line=line, record=record, problems=tuple(problems)))
    return ImportPreview(source=replace_mapping(source, mapping), rows=tuple(result))


def replace_mapping(source: ImportSource, mapping: dict[int, str]) -> ImportSource:
    """The same source with another column mapping (the wizard's choice)."""
    return ImportSource(source.path, source.headers, source.rows, dict(mapping), source.lines)


def describe_problem(preview: ImportPreview, row: ImportRow, problem: Problem) -> str:
    """One problem as the user reads it: "Dòng 7, cột 'Ngày sinh': …" in the current language."""
    column = next(
        (
            preview.source.headers[index]
            for index, name in preview.source.mapping.items()
            if name == problem.field and index < len(preview.source.headers)
        ),
        "",
    )
    message = render(problem.message)
    if column:
        return _("Line {line}, column '{column}': {message}").format(
            line=row.line, column=column, message=message
        )
    return _("Line {line}: {message}").format(line=row.line, message=message)


def problem_lines(preview: ImportPreview) -> list[tuple[Severity, str]]:
    """Every problem of every row, in file order, with its severity."""
    return [
        (problem.severity, describe_problem(preview, row, problem))
        for row in preview.rows
        for problem in row.problems
    ]


def records_of(rows: Iterable[ImportRow]) -> list[MemberRecord]:
    """The parsed records of rows that have one."""
    return [row.record for row in rows if row.record is not None]


def commit(services: Services, preview: ImportPreview) -> Changes:
    """Save every row in one transaction; refused while any row has a blocking problem."""
    if not preview.can_commit:
        raise UserError(
            _(
                "The file still has problems, so nothing was imported. Fix the lines listed, "
                "then import the file again."
            )
        )
    return services.members.create_many(records_of(preview.rows))
