"""The area catalogs are merged into one table holding what gettext itself reads from each."""

from __future__ import annotations

import gettext
import io
from pathlib import Path

import pytest

from app import l10n

I18N = Path(__file__).resolve().parents[2] / "i18n"


@pytest.mark.parametrize("lang", l10n.LANGUAGES)
def test_each_catalog_is_read_as_gettext_reads_it(lang: str) -> None:
    for path in l10n.catalog_files(lang, I18N):
        data = l10n._compiled(path)
        expected = dict(gettext.GNUTranslations(io.BytesIO(data))._catalog)  # type: ignore[attr-defined]
        expected.pop("", None)  # the header: only the first catalog's is kept
        assert l10n._mo_table(data) == expected, path.name


def test_the_merged_table_holds_every_area_with_the_plural_rule() -> None:
    merged = l10n._load_catalog("vi", I18N)
    for path in l10n.catalog_files("vi", I18N):
        part = gettext.GNUTranslations(io.BytesIO(l10n._compiled(path)))
        for key, text in part._catalog.items():  # type: ignore[attr-defined]
            if key != "":
                assert merged._catalog[key] == text  # type: ignore[attr-defined]
    # Vietnamese has one plural form: every count takes form 0.
    assert [merged.plural(n) for n in (0, 1, 2, 21)] == [0, 0, 0, 0]  # type: ignore[attr-defined]


def test_a_file_that_is_not_a_little_endian_mo_is_left_to_gettext() -> None:
    assert l10n._mo_table(b"not a catalog at all") is None
    assert l10n._mo_table(b"\x95\x04\x12\xde" + bytes(16)) is None  # big-endian magic
    truncated = l10n._compiled(l10n.catalog_files("vi", I18N)[0])[:40]
    assert l10n._mo_table(truncated) is None
