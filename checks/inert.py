"""Registry text made inert for each kind of output (issue 10, class 6): one function per kind.

Registry values and file names are written by whoever opens a pull request. Printed as they are, a
newline starts a fake line (a `::error` workflow command in a CI log, a fake problem line), an ESC
starts a terminal escape sequence, and a bidi override (U+202E) makes text read backwards. Every
piece of registry text passes through one of these before it reaches an output:

* `terminal` — text output, pytest (item names, failure text), messages on standard error;
* `github_data`, `github_property` — GitHub workflow commands (`::error file=…::message`);
* `json_text` — JSON output: json.dumps escapes C0 controls, these escape the rest;
* markdown — `checks.report.md` (tables and paragraphs), which also defuses links and mentions.

Inert means shown, not obeyed: a newline becomes the two characters `\\n`, ESC becomes `\\x1b`, a bidi
override `\\u202e`; a long text is cut to `MAX_SHOWN` characters.
"""

from __future__ import annotations

import re
import shlex
import unicodedata
from collections.abc import Callable

MAX_SHOWN = 2_000  # characters of one registry value shown in a message

# Characters that must not reach an output raw: C0 and C1 controls and DEL, line and paragraph
# separators, bidi embeddings, overrides and isolates, zero-width and other format characters,
# surrogates and private use (categories Cc, Cf, Cs, Co, Zl, Zp).
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Zl", "Zp"})
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def unsafe(ch: str) -> bool:
    return unicodedata.category(ch) in _UNSAFE_CATEGORIES


def _shown(ch: str) -> str:
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


class _Table(dict[int, "str | int"]):
    """A str.translate table deciding each character once: unsafe ones escaped, the rest kept."""

    def __init__(self, escape: Callable[[str], str], low: int = 0) -> None:
        super().__init__()
        self.escape, self.low = escape, low

    def __missing__(self, code: int) -> str | int:
        ch = chr(code)
        value: str | int = self.escape(ch) if code >= self.low and unsafe(ch) else code
        self[code] = value
        return value


_TERMINAL = _Table(_shown)
_ASCII_SAFE = re.compile(r"[\x20-\x7e]*\Z")


def terminal(text: str, limit: int = MAX_SHOWN) -> str:
    """Text that prints as one inert line: every unsafe character shown as an escape."""
    if len(text) > limit:
        text = text[:limit] + f"…(+{len(text) - limit:,} characters)"
    if _ASCII_SAFE.match(text):
        return text  # the common case, kept fast
    return text.translate(_TERMINAL)


def terminal_lines(lines: list[str]) -> str:
    """Lines for a terminal, each entry one inert line (a value inside it holding a line break or an
    escape code cannot start another): for outputs put together from many values, such as the
    suggestions of `claims add`, where one missed value would be enough."""
    return "".join(terminal(line, limit=MAX_LINE_SHOWN) + "\n" for line in lines)


MAX_LINE_SHOWN = 100_000  # characters of one line of such an output (a command line holds a whole quote)


def github_data(text: str) -> str:
    """The message of a workflow command (after `::`): inert, then escaped as actions/toolkit does."""
    # https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts (escapeData)
    return terminal(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """A property of a workflow command (file=, title=): also `:` and `,` escaped (escapeProperty)."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


def _json_escape(ch: str) -> str:
    code = ord(ch)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


# json.dumps already escapes C0 controls (below 0x20); the table takes DEL and everything above.
_JSON = _Table(_json_escape, low=0x7F)


def json_text(encoded: str) -> str:
    """JSON text (as json.dumps writes it with ensure_ascii=False) with the characters it leaves raw
    but a terminal would obey written as \\u escapes: the same JSON value, inert on a terminal."""
    return encoded.translate(_JSON)


def shell_word(text: str) -> str:
    """One word of a command line the editor copies and runs (`claims add` prints one), inert on the
    terminal and yet the same text when run: plain shell quoting (shlex) when every character is
    safe; else bash's $'…' quoting, in which an escape (`\\u202e`) *is* the character once the shell
    reads it, so the command still does what it says."""
    if not any(unsafe(ch) for ch in text):
        return shlex.quote(text)
    out = []
    for ch in text:
        if ch in "\\'":
            out.append("\\" + ch)
        elif unsafe(ch):
            code = ord(ch)
            out.append(
                f"\\x{code:02x}" if code < 0x80 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
            )
        else:
            out.append(ch)
    return "$'" + "".join(out) + "'"
