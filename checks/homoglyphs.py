"""Characters that look alike (issue 10, class 8).

"has 'О' where the article has 'O'" reads as nonsense when the two are a Cyrillic and a Latin O. When
a quote differs from its article only by look-alikes, the message names the code points:
`'О' (U+041E CYRILLIC CAPITAL LETTER O)`. Two characters look alike here when

* Unicode's compatibility normalisation (NFKC) makes them one: full-width `Ａ` and `A`, `１` and `1`,
  `％` and `%`, the Hangul compatibility jamo `ㅇ` and the conjoining `ᄋ`, a ligature and its letters;
* their names differ only by the script: CYRILLIC / GREEK / LATIN CAPITAL LETTER O;
* they are in one of the hand-made classes below (Cyrillic `р` and Latin `p`; the dashes, the middle
  dots, the quotation marks, the tildes that Korean text mixes up).

A character that shows nothing (a zero-width space, a soft hyphen, a bidi mark) is always named.
"""

from __future__ import annotations

import unicodedata

# Classes of characters that print alike in common fonts but that neither NFKC nor their names unite.
_CLASSES = [
    "AАΑ",
    "BВΒ",
    "CСϹ",
    "EЕΕ",
    "HНΗ",
    "IІΙӀ|l",
    "JЈ",
    "KКΚ",
    "MМΜ",
    "NΝ",
    "OОΟ0",
    "PРΡ",
    "SЅ",
    "TТΤ",
    "XХΧ",
    "YҮΥ",
    "ZΖ",
    "aа",
    "cсϲ",
    "eе",
    "iіı",
    "jј",
    "oоοᴏ",
    "pрρ",
    "sѕ",
    "xхχ",
    "yуγ",
    "-‐‑‒–—―−ㅡ一",
    "·ㆍ•‧∙⋅・",
    "'‘’‚‛′´`",
    '"“”„‟″',
    "~∼〜～",
    "…⋯",
    ",‚，",
    ".．。",
    ":։∶：",
]
_CLASS_OF = {ch: n for n, chars in enumerate(_CLASSES) for ch in chars}
_SCRIPTS = ("LATIN ", "CYRILLIC ", "GREEK ", "FULLWIDTH ", "HALFWIDTH ")


def name(ch: str) -> str:
    """`U+041E CYRILLIC CAPITAL LETTER O`; controls and unnamed characters by their category."""
    return f"U+{ord(ch):04X} {unicodedata.name(ch, '') or _category_name(ch)}"


def _category_name(ch: str) -> str:
    return {"Cc": "<control>", "Cf": "<format>", "Co": "<private use>", "Cs": "<surrogate>"}.get(
        unicodedata.category(ch), "<unnamed>"
    )


def _unscripted(ch: str) -> str:
    n = unicodedata.name(ch, "")
    for script in _SCRIPTS:
        n = n.replace(script, "")
    return n


def look_alike(a: str, b: str) -> bool:
    """Whether two different characters would be taken for one another."""
    if a == b:
        return False
    if unicodedata.normalize("NFKC", a) == unicodedata.normalize("NFKC", b):
        return True
    if a in _CLASS_OF and _CLASS_OF.get(b) == _CLASS_OF[a]:
        return True
    na, nb = _unscripted(a), _unscripted(b)
    return bool(na) and na == nb


def invisible(ch: str) -> bool:
    """A character that shows nothing, or nothing one would notice."""
    return unicodedata.category(ch) in ("Cc", "Cf", "Mn", "Me", "Zs", "Zl", "Zp") and not ch.isalnum()


def look_alike_text(quote: str, article: str) -> bool:
    """Same length and each differing pair of characters alike: the quote looks like the article."""
    return len(quote) == len(article) > 0 and all(a == b or look_alike(a, b) for a, b in zip(quote, article))


class _Skeletons(dict[int, str]):
    """A str.translate table: each character to one representative of the characters it looks like."""

    def __missing__(self, code: int) -> str:
        ch = unicodedata.normalize("NFKC", chr(code))
        if len(ch) == 1 and ch in _CLASS_OF:
            shown = _CLASSES[_CLASS_OF[ch]][0]
        elif len(ch) == 1 and _unscripted(ch):
            shown = f"<{_unscripted(ch)}>"
        else:
            shown = ch
        self[code] = shown
        return shown


_SKELETONS = _Skeletons()


def skeleton(text: str) -> str:
    """The same for two texts that look alike character by character (`look_alike_text`), as a key to
    find the look-alikes of a word among many without comparing it with each."""
    return text.translate(_SKELETONS)


def named(text: str) -> str:
    """Each character of a short text with its code point and name."""
    return ", ".join(f"'{ch}' ({name(ch)})" if not invisible(ch) else f"({name(ch)})" for ch in text)


def hint_in(part: str, text: str, where: str) -> str:
    """Why `part` does not occur in `text` when it nearly does, for a message: it holds an invisible
    character `text` has not there, or it looks like a stretch of `text` character by character but is
    not the same text (a full-width digit, a Cyrillic letter). "" otherwise.

    Linear in the text: the look-alike stretch is found by the skeletons (`skeleton`), then checked."""
    if not part or len(part) > 200:
        return ""
    visible = "".join(ch for ch in part if not invisible(ch))
    if visible != part and visible and visible in text:
        hidden = "".join(dict.fromkeys(ch for ch in part if invisible(ch)))
        return f"; it has {named(hidden)}, which the {where} has not there"
    tokens = [skeleton(ch) for ch in part]
    wanted = "".join(tokens)
    flat = skeleton(text)
    at = flat.find(wanted)
    if at == -1:
        return ""
    starts, offset = {}, 0
    for i, ch in enumerate(text):
        starts[offset] = i
        offset += len(skeleton(ch))
    for _ in range(10):  # a stretch of skeleton that straddles characters is checked and passed over
        i = starts.get(at)
        if i is not None:
            window = text[i : i + len(part)]
            if window != part and look_alike_text(part, window):
                differ = [(a, b) for a, b in zip(part, window) if a != b][:3]
                shown = "; ".join(f"{named(a)} where the {where} has {named(b)}" for a, b in differ)
                return f"; it looks like '{window}' of the {where} but is not: it has {shown}"
        at = flat.find(wanted, at + 1)
        if at == -1:
            break
    return ""
