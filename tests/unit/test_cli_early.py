"""The command line's first look (language and data folder) reads what argparse would read."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from app.cli import _EarlyParseError, _LenientParser, _plain_options


def _argparse_reading(argv: list[str]) -> tuple[argparse.Namespace, list[str]] | None:
    early = _LenientParser(add_help=False)
    early.add_argument("--data-dir", type=Path)
    early.add_argument("--lang")
    try:
        return early.parse_known_args(argv)
    except _EarlyParseError:
        return None


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--lang", "en"],
        ["--lang=vi"],
        ["--data-dir", "/tmp/cell"],
        ["--data-dir=/tmp/cell", "--lang", "fr"],
        ["--lang", "vi", "--data-dir", "thư mục", "--lang", "en"],
    ],
)
def test_plain_command_lines_are_read_as_argparse_reads_them(argv: list[str]) -> None:
    plain = _plain_options(argv)
    assert plain is not None
    assert (plain, []) == _argparse_reading(argv)


@pytest.mark.parametrize(
    "argv",
    [
        ["demo"],
        ["--version"],
        ["--lang"],
        ["--data-dir", "--lang", "en"],
        ["--data-dir="],
        ["--data-dir=-odd"],
        ["--data", "/tmp/cell"],  # an abbreviation: argparse decides
        ["--lang", "en", "--", "check"],
        ["members", "list", "--lang", "en"],
    ],
)
def test_anything_else_is_left_to_argparse(argv: list[str]) -> None:
    assert _plain_options(argv) is None
