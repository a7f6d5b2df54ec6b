"""Sub-commands of the receiver (`sochibo inbox ...`) and the cell's `ack import`.

    inbox setup --committee NAME --superior-body TEXT --superior NAME --place NAME
                --signer NAME [--title TITLE] --term-start DATE [--term-end DATE]
    inbox add-cell CERT                 register a cell's certificate (compare by phone)
    inbox cells [--json]                the registered certificates and missing serials
    inbox import FILE_OR_DIR... [--json]
    inbox list [--period P] [--json]    received files, or the table across cells for P
    inbox ack FILE --out ACK            the signed acknowledgement of a received file
    inbox export --period P --out FILE [--encrypt-to CERT]   the committee's own summary
    ack import ACK [--trust CERT]       (at the cell) mark the export as received

Passphrases come from the hidden prompt or SOCHIBO_PASSPHRASE (app.commands.keys).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json

from app.commands.common import Handler, UsageError
from app.commands.keys import read_passphrase
from app.commands.report import certificate_file, period_argument, read_file
from app.crypto.identity import SigningIdentity
from app.domain.inbox import PeriodFigures, Share
from app.exit_codes import EXIT_OK, EXIT_REFUSED
from app.l10n import _, format_date
from app.services.acks import AckImporter
from app.services.facade import Services
from app.services.inbox import InboxService
from app.services.inbox_ack import AckService, receiver_identity
from app.services.inbox_dto import ImportOutcome, PeriodTable, ReceiverInput
from app.services.inbox_import import InboxImporter
from app.services.inbox_summary import SummaryExportService
from app.services.keys import KeyService


def _date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    for form in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, form).date()
        except ValueError:
            continue
    raise UsageError(
        _("“{value}” is not a date. Type it as 25/10/2025 or 2025-10-25.").format(value=text)
    )


def _setup(services: Services, args: argparse.Namespace) -> int:
    data = ReceiverInput(
        committee_name=args.committee,
        superior_body=args.superior_body,
        superior_committee=args.superior,
        place_name=args.place,
        signer_name=args.signer,
        signer_title=args.title,
        term_start=_date(args.term_start),
        term_end=_date(args.term_end),
    )
    InboxService(services.context).save_receiver(data)
    print(_("This data folder now receives reports for {name}.").format(name=data.committee_name))
    return EXIT_OK


def _add_cell(services: Services, args: argparse.Namespace) -> int:
    info = InboxService(services.context).add_sender(read_file(args.file))
    print(_("The certificate of {name} was registered.").format(name=info.name))
    print(_("Holder: {name}").format(name=info.holder))
    print(_("Short fingerprint: {short}").format(short=info.short_fingerprint))
    print(
        _(
            "Call the cell now and compare the short fingerprint digit by digit. If it "
            "differs, remove the certificate: someone else may have made it."
        )
    )
    return EXIT_OK


def _cells(services: Services, args: argparse.Namespace) -> int:
    senders = InboxService(services.context).senders()
    if args.json:
        rows = [
            {
                "name": s.name,
                "holder": s.holder,
                "fingerprint": s.fingerprint,
                "uid": s.uid,
                "reports": s.reports,
                "last_serial": s.last_serial,
                "missing_serials": list(s.missing),
                "valid_to": s.valid_to.isoformat(),
            }
            for s in senders
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not senders:
        print(_("No certificate is registered yet."))
    for s in senders:
        missing = ", ".join(str(n) for n in s.missing) or "—"
        print(
            _("{name} — {short} — {count} reports, missing serials: {missing}").format(
                name=s.name, short=s.short_fingerprint, count=s.reports, missing=missing
            )
        )
    return EXIT_OK


def _opener(services: Services) -> SigningIdentity | None:
    keys = KeyService(services.paths.root)
    if not keys.has_key():
        return None
    return keys.identity(read_passphrase(confirm=False))


def _import(services: Services, args: argparse.Namespace) -> int:
    missing = [p for p in args.sources if not p.exists()]
    if missing:
        raise UsageError(_("{path} does not exist.").format(path=missing[0]))
    outcome = InboxImporter(services.context, services.paths).import_files(
        args.sources, lambda: _opener(services)
    )
    if args.json:
        print(json.dumps(_outcome_json(outcome), ensure_ascii=False, indent=2))
    else:
        _print_outcome(outcome)
    return EXIT_REFUSED if outcome.rejected else EXIT_OK


def _outcome_json(outcome: ImportOutcome) -> dict[str, object]:
    return {
        "accepted": outcome.accepted,
        "rejected": outcome.rejected,
        "files": [
            {
                "file": f.file_name,
                "accepted": f.accepted,
                "refusal": None if f.code is None else f.code.value,
                "reason": f.reason or None,
                "sender": f.sender_name or None,
                "period": f.period_label or None,
                "serial": f.serial,
            }
            for f in outcome.files
        ],
        "gaps": [{"sender": g.sender_name, "missing": list(g.missing)} for g in outcome.gaps],
    }


def _print_outcome(outcome: ImportOutcome) -> None:
    if not outcome.files:
        print(_("No report file (.scb, .p7m) was found."))
    for f in outcome.files:
        if f.accepted:
            print(
                _("Imported: {file} — {sender}, period {period}, serial {serial}").format(
                    file=f.file_name, sender=f.sender_name, period=f.period_label, serial=f.serial
                )
            )
        else:
            print(_("REFUSED: {file} — {reason}").format(file=f.file_name, reason=f.reason))
    for gap in outcome.gaps:
        print(
            _("Not yet received from {sender}: serials {serials}").format(
                sender=gap.sender_name, serials=", ".join(str(n) for n in gap.missing)
            )
        )
    print(
        _("{accepted} imported, {rejected} refused.").format(
            accepted=outcome.accepted, rejected=outcome.rejected
        )
    )


def _share(share: Share) -> str:
    percent = share.percent
    return "—" if percent is None else f"{share.part}/{share.whole} ({percent:.0f}%)"


def _figures_json(figures: PeriodFigures) -> dict[str, object]:
    return {
        "members": figures.members,
        "full": figures.full,
        "probationary": figures.probationary,
        "meetings": figures.meetings,
        "regular": figures.regular,
        "thematic": figures.thematic,
        "bands": dict(figures.bands),
        "good_meetings": [figures.good_meetings.part, figures.good_meetings.whole],
        "members_with_tasks": [figures.members_with_tasks.part, figures.members_with_tasks.whole],
        "admissions": figures.admissions,
    }


def _print_table(table: PeriodTable, as_json: bool) -> None:
    if as_json:
        rows = [
            {
                "sender": r.sender_name,
                "kind": r.kind,
                "reported": r.reported,
                "serial": r.serial,
                "document_number": r.document_number or None,
                "acknowledged": r.acked,
                "figures": _figures_json(r.figures),
            }
            for r in table.rows
        ]
        body = {"period": table.period_label, "rows": rows, "totals": _figures_json(table.totals)}
        print(json.dumps(body, ensure_ascii=False, indent=2))
        return
    print(_("Period {period}").format(period=table.period_label))
    names = {b.code: b.name for b in table.bands}
    for r in table.rows:
        if not r.reported:
            print(_("{sender}: no report").format(sender=r.sender_name))
            continue
        bands = ", ".join(f"{names.get(c, c)} {n}" for c, n in sorted(r.figures.bands.items()))
        print(
            _(
                "{sender}: report {number} (serial {serial}); {members} members; {meetings} "
                "meetings ({thematic} thematic); {bands}; rated Tốt {good}"
            ).format(
                sender=r.sender_name,
                number=r.document_number,
                serial=r.serial,
                members=r.figures.members,
                meetings=r.figures.meetings,
                thematic=r.figures.thematic,
                bands=bands or "—",
                good=_share(r.figures.good_meetings),
            )
        )
    totals = table.totals
    print(
        _("Reported: {reporting} of {senders}; members {members}; meetings {meetings}").format(
            reporting=totals.reporting,
            senders=totals.senders,
            members=totals.members,
            meetings=totals.meetings,
        )
    )


def _list(services: Services, args: argparse.Namespace) -> int:
    if args.period:
        table = InboxService(services.context).period_table(period_argument(args.period))
        _print_table(table, args.json)
        return EXIT_OK
    reports = InboxService(services.context).reports()
    if args.json:
        rows = [
            {
                "sender": r.sender_name,
                "kind": r.kind,
                "period": r.period_label,
                "serial": r.serial,
                "document_number": r.document_number,
                "file": r.file_name,
                "imported_at": r.imported_at.isoformat(timespec="seconds") + "Z",
                "acknowledged_at": None
                if r.acked_at is None
                else r.acked_at.isoformat(timespec="seconds") + "Z",
            }
            for r in reports
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not reports:
        print(_("No report has been imported yet."))
    for r in reports:
        acked = _("acknowledged") if r.acked_at else _("not acknowledged")
        print(
            _(
                "{sender} — period {period}, serial {serial}, {number} — imported {date}, {acked}"
            ).format(
                sender=r.sender_name,
                period=r.period_label,
                serial=r.serial,
                number=r.document_number,
                date=format_date(r.imported_at.date()),
                acked=acked,
            )
        )
    return EXIT_OK


def _receiver_key(services: Services) -> SigningIdentity:
    keys = KeyService(services.paths.root)
    new = not keys.has_key()
    if new:
        print(
            _(
                "The committee has no signing key yet: it is created now. Choose a passphrase "
                "and type it twice."
            )
        )
    return receiver_identity(services.context, keys, read_passphrase(confirm=new))


def _ack(services: Services, args: argparse.Namespace) -> int:
    acks = AckService(services.context)
    report_id = acks.report_of_file(read_file(args.file))
    result = acks.acknowledge(report_id, _receiver_key(services), args.out)
    print(
        _(
            "The acknowledgement of {sender}'s report (period {period}, serial {serial}) was "
            "written to {path}."
        ).format(
            sender=result.sender_name,
            period=result.period_label,
            serial=result.serial,
            path=result.path,
        )
    )
    return EXIT_OK


def _export(services: Services, args: argparse.Namespace) -> int:
    period = period_argument(args.period)
    recipient = certificate_file(args.encrypt_to) if args.encrypt_to else None
    exporter = SummaryExportService(services.context)
    result = exporter.export(period, args.out, _receiver_key(services), recipient)
    print(
        _("The summary of period {period} was written to {path}.").format(
            period=result.period_label, path=result.path
        )
    )
    print(_("Serial: {serial}").format(serial=result.serial))
    print(_("Document number: {number}").format(number=result.number))
    return EXIT_OK


def _ack_import(services: Services, args: argparse.Namespace) -> int:
    keys = KeyService(services.paths.root)
    trusted = [certificate_file(path) for path in args.trust or ()]
    if not trusted:
        superior = keys.superior_certificate()
        trusted = [superior] if superior is not None else []
    result = AckImporter(services.context).import_ack(read_file(args.file), trusted)
    if result.already:
        print(
            _("Serial {serial} was already marked as received; nothing changed.").format(
                serial=result.serial
            )
        )
        return EXIT_OK
    print(
        _("{receiver} received the report {number} (period {period}, serial {serial}).").format(
            receiver=result.receiver_name,
            number=result.document_number,
            period=result.period_label,
            serial=result.serial,
        )
    )
    return EXIT_OK


def _trust_superior(services: Services, args: argparse.Namespace) -> int:
    info = KeyService(services.paths.root).register_superior(read_file(args.file))
    print(
        _("The certificate of {name} is registered as the superior committee's.").format(
            name=info.cell or info.subject
        )
    )
    print(_("Short fingerprint: {short}").format(short=info.short_fingerprint))
    print(_("Compare it by phone with the one the committee reads out."))
    return EXIT_OK


HANDLERS: dict[tuple[str, str | None], Handler] = {
    ("inbox", "setup"): _setup,
    ("inbox", "add-cell"): _add_cell,
    ("inbox", "cells"): _cells,
    ("inbox", "import"): _import,
    ("inbox", "list"): _list,
    ("inbox", "ack"): _ack,
    ("inbox", "export"): _export,
    ("ack", "import"): _ack_import,
    ("keys", "trust-superior"): _trust_superior,
}
