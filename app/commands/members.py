"""Sub-commands on the register: demo, check, members list/import/export."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from app.commands.common import Handler, UsageError, severity_label
from app.domain.findings import Severity
from app.exit_codes import EXIT_OK, EXIT_REFUSED
from app.l10n import _, format_date, render
from app.labels import role_label, standing_label, status_label
from app.services import exports, imports
from app.services.demo import fill_demo
from app.services.dto import MemberSummary
from app.services.facade import Services


def check_usage(args: argparse.Namespace) -> None:
    """Usage errors found before the data folder is touched."""
    if args.command == "members" and args.action == "export":
        _export_kind(args.file)


def _demo(services: Services, args: argparse.Namespace) -> int:
    fill_demo(services, force=args.force)
    count = len(services.members.list())
    print(_("The demo cell was created with {count} members on the register.").format(count=count))
    return EXIT_OK


def _findings_json(services: Services) -> tuple[list[dict[str, str]], bool]:
    findings = services.checks.run()
    rows = [
        {
            "rule": f.rule,
            "severity": str(f.severity),
            "subject": f.subject,
            "message": render(f.message),
            "citation": f.citation,
        }
        for f in findings
    ]
    return rows, any(f.severity == Severity.BLOCK for f in findings)


def _check(services: Services, args: argparse.Namespace) -> int:
    rows, blocked = _findings_json(services)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif not rows:
        print(_("No findings: the register follows the rules checked."))
    else:
        for row in rows:
            subject = row["subject"] or _("The cell")
            print(f"[{severity_label(row['severity'])}] {subject}: {row['message']}")
            print(f"    ({row['citation']})")
    return EXIT_REFUSED if blocked else EXIT_OK


def _member_json(member: MemberSummary) -> dict[str, object]:
    return {
        "id": member.id,
        "full_name": member.full_name,
        "gender": str(member.gender),
        "birth_date": member.birth_date.isoformat(),
        "ethnicity": member.ethnicity,
        "status": str(member.status),
        "role": str(member.role),
        "standing": str(member.standing),
        "admission_date": member.admission_date.isoformat() if member.admission_date else None,
        "phone": member.phone,
    }


def _members_list(services: Services, args: argparse.Namespace) -> int:
    members = services.members.list(include_former=args.all)
    if args.json:
        print(json.dumps([_member_json(m) for m in members], ensure_ascii=False, indent=2))
        return EXIT_OK
    heading = (_("Full name"), _("Date of birth"), _("Status"), _("Role"), _("Standing"))
    table = [heading] + [
        (
            m.full_name,
            format_date(m.birth_date),
            status_label(m.status),
            role_label(m.role),
            standing_label(m.standing),
        )
        for m in members
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(heading))]
    for row in table:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
    print(_("{count} members.").format(count=len(members)))
    return EXIT_OK


def _members_import(services: Services, args: argparse.Namespace) -> int:
    source = imports.read_source(args.file)
    preview = imports.preview(services, source, source.mapping)
    for severity, text in imports.problem_lines(preview):
        label = severity_label(str(severity))
        print(f"[{label}] {text}", file=sys.stderr if severity == Severity.BLOCK else sys.stdout)
    if not preview.can_commit:
        print(
            _("Nothing was imported: correct the lines listed above and try again."),
            file=sys.stderr,
        )
        return EXIT_REFUSED
    if args.dry_run:
        print(
            _(
                "The file is ready: {count} members can be imported. Nothing was written "
                "(--dry-run)."
            ).format(count=len(preview.rows))
        )
        return EXIT_OK
    imports.commit(services, preview)
    print(_("{count} members were imported.").format(count=len(preview.rows)))
    return EXIT_OK


def _export_kind(path: Path) -> Callable[[Services, Path], int]:
    kinds: dict[str, Callable[[Services, Path], int]] = {
        ".xlsx": exports.export_members_xlsx,
        ".pdf": exports.export_members_pdf,
    }
    kind = kinds.get(path.suffix.lower())
    if kind is None:
        raise UsageError(
            _("“{name}”: the file name must end in .xlsx (Excel) or .pdf.").format(name=path.name)
        )
    return kind


def _members_export(services: Services, args: argparse.Namespace) -> int:
    count = _export_kind(args.file)(services, args.file)
    print(_("{count} members were written to {path}.").format(count=count, path=args.file))
    return EXIT_OK


HANDLERS: dict[tuple[str, str | None], Handler] = {
    ("demo", None): _demo,
    ("check", None): _check,
    ("members", "list"): _members_list,
    ("members", "import"): _members_import,
    ("members", "export"): _members_export,
}
