"""Vietnamese text: normalisation, diacritic-free search and the order of names in lists.

Names typed on Windows may arrive composed (NFC) or decomposed (NFD, e.g. pasted from a PDF);
every function here gives the same answer for both.
"""

from __future__ import annotations

import unicodedata

# The Vietnamese alphabet in dictionary order. Letters outside it sort after it, by code point.
ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_LETTER_RANK = {letter: rank for rank, letter in enumerate(ALPHABET)}

# Combining marks that turn a base letter into another letter of the alphabet (ă â ê ô ơ ư).
_LETTER_MARKS = frozenset({"\u0306", "\u0302", "\u031b"})

# Tone marks in the order Vietnamese dictionaries use: none, huyền, hỏi, ngã, sắc, nặng.
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def nfc(text: str) -> str:
    """NFC-normalise `text`, trim it and collapse every run of whitespace into one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def nfc_multiline(text: str) -> str:
    """NFC-normalise a multi-line text (a note): keep its line breaks, trim each line's end."""
    lines = unicodedata.normalize("NFC", text).replace("\r\n", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


def fold(text: str) -> str:
    """The search form of `text`: no diacritics, đ as d, case-folded, single spaces.

    `fold("Nguyễn Văn Đức") == "nguyen van duc"`, so a secretary can type without accents.
    """
    decomposed = unicodedata.normalize("NFD", text.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = bare.replace("đ", "d").replace("Đ", "d")
    return " ".join(unicodedata.normalize("NFC", bare).split())


def matches_query(search_key: str, query: str) -> bool:
    """True when every word of the query (folded) occurs in `search_key` (already folded).

    An empty query matches everything, so clearing the search box shows the whole list.
    """
    return all(token in search_key for token in fold(query).split())


def _graphemes(word: str) -> list[tuple[str, str]]:
    """Split an NFD word into (base character, its combining marks)."""
    out: list[tuple[str, str]] = []
    for ch in word:
        if unicodedata.combining(ch) and out:
            base, marks = out[-1]
            out[-1] = (base, marks + ch)
        else:
            out.append((ch, ""))
    return out


def _letter_keys(base: str, marks: str) -> tuple[tuple[int, int], int]:
    """The primary (letter) and secondary (tone) key of one letter with its marks."""
    tone = 0
    letter_marks = ""
    other_marks = ""
    for mark in marks:
        if mark in _TONE_RANK and tone == 0:
            tone = _TONE_RANK[mark]
        elif mark in _LETTER_MARKS:
            letter_marks += mark
        else:
            other_marks += mark
    letter = unicodedata.normalize("NFC", (base + letter_marks).casefold())
    if not other_marks and letter in _LETTER_RANK:
        return (0, _LETTER_RANK[letter]), tone
    composed = unicodedata.normalize("NFC", letter + other_marks)
    return (1, ord(composed[0])), tone


def _word_key(word: str) -> tuple[tuple[tuple[int, int], ...], tuple[int, ...]]:
    """A word compares by its letters first, then by its tones (so "Ba" < "Bá" < "Bác")."""
    primary: list[tuple[int, int]] = []
    tones: list[int] = []
    for base, marks in _graphemes(word):
        letter, tone = _letter_keys(base, marks)
        primary.append(letter)
        tones.append(tone)
    return tuple(primary), tuple(tones)


def name_sort_key(full_name: str) -> tuple[object, ...]:
    """Sort key for a list of members the Vietnamese way.

    Order by the given name (tên, the last word), then by the rest of the name from the first
    word (họ, tên đệm), comparing letters in Vietnamese alphabet order without regard to case,
    with tone marks as a secondary key within each word. The NFC text breaks remaining ties
    so that the order is total and the same for NFC and NFD input.
    """
    words = unicodedata.normalize("NFD", full_name).split()
    given = _word_key(words[-1]) if words else ((), ())
    rest = tuple(_word_key(word) for word in words[:-1])
    return (given, rest, nfc(full_name))


def title_sort_key(title: str) -> tuple[object, ...]:
    """Sort key for names of cells and committees ("Chi bộ thôn 2" before "Chi bộ thôn 10"):
    words in their order, Vietnamese letter order, numbers by value."""
    words = unicodedata.normalize("NFD", title).split()
    keys = tuple((0, int(w), ((), ())) if w.isdigit() else (1, 0, _word_key(w)) for w in words)
    return (keys, nfc(title))
