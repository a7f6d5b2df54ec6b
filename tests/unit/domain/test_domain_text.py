"""Vietnamese text: normalisation, accent-free search and the order of names in lists."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.text import fold, matches_query, name_sort_key, nfc, nfc_multiline

VIETNAMESE_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY"
TONES = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]


@st.composite
def vietnamese_words(draw: st.DrawFn) -> str:
    letters = draw(st.lists(st.sampled_from(VIETNAMESE_LETTERS), min_size=1, max_size=6))
    tone = draw(st.sampled_from(TONES))
    word = "".join(letters)
    return unicodedata.normalize("NFC", word[0] + tone + word[1:])


names = st.lists(vietnamese_words(), min_size=1, max_size=4).map(" ".join)


def test_nfc_composes_and_collapses_whitespace() -> None:
    decomposed = unicodedata.normalize("NFD", "  Nguyễn   Văn\tĐức \n")
    assert nfc(decomposed) == "Nguyễn Văn Đức"
    assert unicodedata.is_normalized("NFC", nfc(decomposed))


def test_nfc_multiline_keeps_line_breaks() -> None:
    assert nfc_multiline("  dòng một  \r\ndòng hai\n") == "dòng một\ndòng hai"


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Nguyễn Văn Đức", "nguyen van duc"),
        ("ĐINH THỊ ƯỚC", "dinh thi uoc"),
        ("Hoàng  Ơn", "hoang on"),
        (unicodedata.normalize("NFD", "Lê Thị Huyền"), "le thi huyen"),
    ],
)
def test_fold_removes_every_diacritic(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("query", "expected"),
    [("", True), ("duc", True), ("Đức nguyễn", True), ("van d", True), ("duc binh", False)],
)
def test_matches_query_needs_every_token(query: str, expected: bool) -> None:
    assert matches_query(fold("Nguyễn Văn Đức"), query) is expected


@pytest.mark.parametrize(
    ("smaller", "larger"),
    [
        ("An", "Ăn"),
        ("Ăn", "Ân"),
        ("Ân", "Bình"),
        ("Dung", "Đào"),  # đ is a letter after d
        ("Đào", "Em"),
        ("Ông", "Ơn"),  # ơ after ô
        ("Ơn", "Phú"),
        ("Tú", "Ưng"),  # ư after u
        ("Ba", "Bà"),  # tones: none, huyền, hỏi, ngã, sắc, nặng
        ("Bà", "Bả"),
        ("Bả", "Bã"),
        ("Bã", "Bá"),
        ("Bá", "Bạ"),
        ("Bạ", "Bác"),  # letters first, tones second
        ("Yến", "Zin"),  # letters outside the alphabet come after it
        ("Trần Văn An", "Lê Thị Bình"),  # the given name decides first
        ("Lê Văn An", "Nguyễn An"),  # then the family name, from the first word
        ("Nguyễn An", "Nguyễn Văn An"),
        ("an", "Ăn"),  # case does not matter
    ],
)
def test_vietnamese_name_order(smaller: str, larger: str) -> None:
    assert name_sort_key(smaller) < name_sort_key(larger)


def test_sorting_a_register_page() -> None:
    people = ["Nguyễn Văn Đức", "Trần Thị Ánh", "Lê Văn Dũng", "Phạm Thị Anh", "Hà Ba"]
    assert sorted(people, key=name_sort_key) == [
        "Phạm Thị Anh",
        "Trần Thị Ánh",
        "Hà Ba",
        "Lê Văn Dũng",
        "Nguyễn Văn Đức",
    ]


@given(names)
def test_nfc_and_nfd_give_the_same_key(name: str) -> None:
    assert name_sort_key(unicodedata.normalize("NFD", name)) == name_sort_key(name)


@given(names, names, names)
def test_key_is_a_total_order(a: str, b: str, c: str) -> None:
    ka, kb, kc = name_sort_key(a), name_sort_key(b), name_sort_key(c)
    assert (ka < kb) + (ka == kb) + (ka > kb) == 1
    if ka <= kb and kb <= kc:
        assert ka <= kc
    if ka == kb:
        assert nfc(a) == nfc(b)


@given(names)
def test_fold_is_plain_lowercase_ascii_for_vietnamese(name: str) -> None:
    folded = fold(name)
    assert folded.isascii()
    assert folded == folded.lower()
    assert matches_query(folded, name)
