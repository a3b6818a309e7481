"""Writing registry YAML by hand, so that it reads back exactly (checks.yamlfile) and looks hand-written.

We never dump whole files: an editor's file keeps every byte it had (comments, order, quoting), and
`claims add` / `claims source add` only append one list item (checks.editing). The item is written
here, one `key: value` per line, with each string in the plainest form that cannot be misread:

* plain, only when YAML 1.1 and 1.2 both read it back as the same text (no date, boolean, number,
  null; no indicator character at the start; no `: ` or ` #` inside; nothing outside a safe set);
* single-quoted when it holds no `'` and no character that needs an escape;
* double-quoted with escapes otherwise (line breaks, control characters, both quote marks).

Every scalar is read back through the project's own reader before it is used: a form that does not
round-trip is never written (`ScalarNotWritable`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

import yaml
from yaml.resolver import Resolver

from .inert import unsafe
from .yamlfile import read_yaml

_RESOLVER = Resolver()
_STR = "tag:yaml.org,2002:str"
# Plain scalars may only start with a character that is not a YAML indicator, and we only use them for
# text made of letters, digits, spaces and a few harmless punctuation marks.
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`.~=+<") | {" "}
_PLAIN_SAFE = re.compile(r"[\w ()/·…,.%+\-–—~=<>;&№°℃㈜!?'\"‘’“”「」『』〈〉《》△▲]*\Z")
_NOT_PLAIN_WORDS = {"", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"}
# Characters YAML allows unescaped (YAML 1.1 §5.1, c-printable), minus line breaks and tab, which we
# always escape so that a value stays on its line.
_BREAKS = {"\n", "\r", "\x85", "\u2028", "\u2029"}
_INVISIBLE = frozenset(("Cf", "Co", "Zl", "Zp"))  # format (bidi, zero-width), private use, separators


class ScalarNotWritable(ValueError):
    """A string no form of which reads back as itself (it holds a lone surrogate, say)."""


def _printable(c: str) -> bool:
    o = ord(c)
    if c in _BREAKS or c == "\t" or c == "\ufeff":
        return False
    if o >= 0xA0 and unicodedata.category(c) in _INVISIBLE:
        # Allowed raw by YAML, but invisible or reordering on a screen (a bidi override, a zero-width
        # space): written as an escape, the same text, which the reviewer of the pull request sees.
        return False
    return 0x20 <= o <= 0x7E or 0xA0 <= o <= 0xD7FF or 0xE000 <= o <= 0xFFFD or 0x10000 <= o <= 0x10FFFF


def _plain_ok(text: str) -> bool:
    if text in _NOT_PLAIN_WORDS or text != text.strip() or text[0] in _INDICATORS:
        return False
    if not _PLAIN_SAFE.match(text):
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    if any(not _printable(c) for c in text) or unicodedata.normalize("NFC", text) != text:
        return False
    # Whatever YAML 1.1 would resolve to something other than text (a date, a float, a boolean,
    # a sexagesimal number) is quoted; checks.yamlfile refuses such values unquoted.
    return _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == _STR


def _single(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _double(text: str, inert: bool = False) -> str:
    out = ['"']
    for c in text:
        o = ord(c)
        if inert and unsafe(c) and c not in "\n\t":  # a bidi override, a zero-width character: \u escapes
            out.append(f"\\u{o:04X}" if o <= 0xFFFF else f"\\U{o:08X}")
        elif c == '"':
            out.append('\\"')
        elif c == "\\":
            out.append("\\\\")
        elif c == "\n":
            out.append("\\n")
        elif c == "\t":
            out.append("\\t")
        elif _printable(c) and not 0xD800 <= o <= 0xDFFF:
            out.append(c)
        elif o <= 0xFF:
            out.append(f"\\x{o:02X}")
        elif o <= 0xFFFF:
            out.append(f"\\u{o:04X}")
        else:
            out.append(f"\\U{o:08X}")
    out.append('"')
    return "".join(out)


def candidates(text: str) -> list[str]:
    """The forms a string may be written in, plainest first."""
    forms = []
    if text and _plain_ok(text):
        forms.append(text)
    if all(_printable(c) for c in text) and text == text.strip(" "):
        forms.append(_single(text) if "'" not in text or '"' in text else _double(text))
    forms.append(_double(text))
    return forms


def reads_back(form: str, value: object) -> bool:
    """Does `key: FORM` read back, through checks.yamlfile, as exactly `value` with no problem?"""
    parsed = read_yaml(f"k: {form}\n", "<scalar>")
    if parsed.problems or parsed.root is None:
        return False
    node = parsed.root.get("k")
    return node is not None and type(node.value) is type(value) and node.value == value


def scalar(value: str | int, inert: bool = False) -> str:
    """One scalar, in the plainest form that reads back as `value`. `inert`: for a terminal, with every
    character that must not reach one raw (checks.inert: a bidi override, a zero-width space) escaped
    in double quotes; it still reads back as `value`."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise TypeError(f"only text and integers are written: {value!r}")
    if isinstance(value, int):
        return str(value)
    forms = candidates(value)
    if inert and any(unsafe(c) for c in value):
        forms = [_double(value, inert=True)]
    for form in forms:
        if reads_back(form, value):
            return form
    raise ScalarNotWritable(f"{value!r} cannot be written as YAML text that reads back as itself")


def comment(text: str) -> str:
    """Text made safe for a `# comment` line: one line, only characters YAML allows."""
    return "".join(c if _printable(c) else " " for c in text).strip()


def list_item(
    fields: Mapping[str, str | int | Mapping[str, int | str] | list[Mapping[str, int | str]]],
    dash_indent: int,
    key_indent: int,
    newline: str = "\n",
    inert: bool = False,
) -> str:
    """A block mapping as one item of a block sequence: `- key: value` lines, values as `scalar`.

    A value may be a mapping or a list of mappings of scalars (a source's `body` and its `omit`).
    `inert`: for a terminal (see `scalar`).
    """
    lines: list[str] = []

    def block(mapping: Mapping[str, object], first_prefix: str, indent: int) -> None:
        prefix = first_prefix
        for key, value in mapping.items():
            if isinstance(value, Mapping):
                lines.append(f"{prefix}{key}:")
                block(value, " " * (indent + 2), indent + 2)
            elif isinstance(value, list):
                lines.append(f"{prefix}{key}:")
                for item in value:
                    block(item, " " * (indent + 2) + "- ", indent + 4)
            else:
                assert isinstance(value, (str, int))
                lines.append(f"{prefix}{key}: {scalar(value, inert)}")
            prefix = " " * indent

    block(fields, " " * dash_indent + "-" + " " * (key_indent - dash_indent - 1), key_indent)
    return newline.join(lines) + newline
