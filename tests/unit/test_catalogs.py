"""The Vietnamese catalog is complete and safe: every msgid in the code is translated, and every
translation keeps exactly the placeholders of its msgid (a wrong one would crash `.format()`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from app import l10n

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")

Key = tuple[str | None, str]


def _code_msgids() -> dict[Key, str]:
    """Every translatable string in app/, keyed by (context, msgid), with where it is."""
    found: dict[Key, str] = {}
    method_map = [("**.py", "python")]
    for filename, lineno, message, _comments, context in extract_from_dir(
        str(ROOT / "app"), method_map=method_map, keywords=DEFAULT_KEYWORDS
    ):
        msgids = message if isinstance(message, tuple) else (message,)
        for msgid in msgids:
            if msgid:
                found.setdefault((context, msgid), f"app/{filename}:{lineno}")
    return found


def _catalog(lang: str) -> dict[Key, str]:
    entries: dict[Key, str] = {}
    for path in l10n.catalog_files(lang, ROOT / "i18n"):
        if path.suffix != ".po":
            continue
        with path.open("rb") as fh:
            catalog = read_po(fh)
        for message in catalog:
            if not message.id or message.fuzzy:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            for msgid in ids:
                entries[(message.context, msgid)] = strings[0] if strings else ""
    return entries


def test_every_msgid_has_a_vietnamese_translation() -> None:
    code = _code_msgids()
    catalog = _catalog("vi")
    missing = [
        f"{where}: {msgid!r}"
        for (ctx, msgid), where in code.items()
        if not catalog.get((ctx, msgid))
    ]
    assert not missing, "Untranslated for vi:\n" + "\n".join(sorted(missing))


def test_translations_keep_the_placeholders_of_their_msgid() -> None:
    wrong = []
    for (ctx, msgid), msgstr in _catalog("vi").items():
        if msgstr and sorted(PLACEHOLDER.findall(msgid)) != sorted(PLACEHOLDER.findall(msgstr)):
            wrong.append(f"{ctx or ''}|{msgid!r} -> {msgstr!r}")
    assert not wrong, "Placeholders differ:\n" + "\n".join(wrong)


def test_vietnamese_translations_are_nfc() -> None:
    import unicodedata

    bad = [m for m in _catalog("vi").values() if unicodedata.normalize("NFC", m) != m]
    assert not bad


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_language_switch_translates_a_known_string(lang: str) -> None:
    l10n.set_language(lang)
    assert l10n.current_language() == lang
    text = l10n.format_date_long(__import__("datetime").date(2026, 2, 5))
    assert text == ("ngày 05 tháng 02 năm 2026" if lang == "vi" else "5 February 2026")


def test_no_msgid_is_translated_differently_in_two_area_catalogs() -> None:
    """Area catalogs are chained, first match wins: a clash would show the wrong word."""
    seen: dict[Key, tuple[str, str]] = {}
    clashes = []
    for path in l10n.catalog_files("vi", ROOT / "i18n"):
        with path.open("rb") as fh:
            catalog = read_po(fh)
        for message in catalog:
            if not message.id or message.fuzzy:
                continue
            key = (message.context, str(message.id))
            text = str(message.string)
            if key in seen and seen[key][1] != text:
                clashes.append(f"{key}: {seen[key][0]}={seen[key][1]!r} vs {path.name}={text!r}")
            seen.setdefault(key, (path.name, text))
    assert not clashes, "\n".join(clashes)
