"""Sources: the articles in seeds/ and their index, seeds/sources.yaml.

Each article is pinned by the sha256 of its bytes: a file that changed after pinning is an error, and
no claim is checked against it. The index also gives the bounds of the article body (headline to
sign-off, without page furniture); quotes are only looked for there.
"""

from __future__ import annotations

import hashlib
import re
import shlex
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

from .files import Refusal, folder_inside, read_bytes
from .homoglyphs import hint_in, named, skeleton
from .inert import unsafe
from .problems import Problem, problem
from .quotes import Body, Lines, canonical
from .schemas import load_file
from .yamlfile import Node

SEEDS = "seeds"
INDEX = "seeds/sources.yaml"
MIN_YEAR, MAX_YEAR = 1000, 2999  # as the schemas' date patterns say


@dataclass
class Source:
    id: str
    file: str  # relative to the registry root: seeds/NAME
    outlet: str
    headline: str
    published: date
    reporter: str | None
    body_lines: list[tuple[int, int]]  # 1-based inclusive line ranges of the body, furniture left out
    node: Node
    text: str | None = None  # None when the file is missing, unreadable or changed
    usable: bool = False  # True when the file matches its pin and its bounds are sound
    digest: str | None = None  # sha256 of the article's bytes as read, for caching (checks.cache)

    @cached_property
    def lines(self) -> Lines:
        """The file's lines in Unicode NFC, the form every column we report counts in."""
        assert self.text is not None
        return Lines(self.text)

    @cached_property
    def body(self) -> Body:
        assert self.text is not None
        return Body(self.text, self.body_lines, self.lines)

    @cached_property
    def whole_file(self) -> Body:
        """Every line of the file, as one segment: where a quote the body lacks may be after all."""
        assert self.text is not None
        return Body(self.text, [(1, len(self.lines))], self.lines)

    def outside_body(self, quote: str) -> str | None:
        """Where a quote the body lacks occurs elsewhere in the file, in words (None: nowhere). A
        quote copied from page furniture or from the related-news list after the article is not
        article text; the editor needs to be told where it was found, not that nothing resembles it."""
        if self.text is None or not self.body_lines:
            return None
        places = self.whole_file.occurrences(quote)
        if not places:
            return None
        p = places[0]
        first, last = self.body_lines[0][0], self.body_lines[-1][1]
        where = f"{self.file}:{p.line}:{p.column}"
        if first <= p.line <= last:
            return f"it is at {where}, in or across page furniture left out of the body (`omit` in {INDEX})"
        return f"it is at {where}, outside the body (lines {first}-{last} in {INDEX})"


@dataclass
class SourceIndex:
    sources: dict[str, Source] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    node: Node | None = None  # the parsed index, for locating problems
    data: bytes = b""  # the bytes read, for content-keyed caching (checks.cache)


def load_sources(root: Path, evidence: bool = True) -> SourceIndex:
    """The index and every article it names. `evidence`: also check that what the index says is
    printed is printed (`evidence_problems`); the checker does that later, source by source."""
    loaded = load_file(root, INDEX, "sources.schema.json")
    index = SourceIndex(problems=loaded.problems, node=loaded.node, data=loaded.data)
    if loaded.node is None:
        return index
    # Entries are used even when a sibling is malformed: each one's own problems say what is wrong.
    entries = loaded.node.get("sources")
    # Made once: a fast-path node makes its children each time they are asked for.
    listed = entries.value if entries is not None else None
    if not isinstance(listed, list):
        return index
    indexed_files: set[str] = set()
    for entry in listed:
        name = _text(entry.get("file"))
        if name:
            indexed_files.add(name)
        source = _source(entry, root, index.problems, evidence) or _unusable(entry)
        if source is None:
            continue
        if source.id in index.sources:
            first = index.sources[source.id].node
            id_node = entry.get("id")
            assert id_node is not None
            index.problems.append(
                problem(
                    INDEX,
                    id_node.line,
                    id_node.column,
                    "duplicate-id",
                    f"source ID '{source.id}' is already used at line {first.line}; give this one another ID",
                )
            )
            continue
        index.sources[source.id] = source
    _check_outlets(index)
    seeds = root / SEEDS
    # A seeds/ folder linked out of the registry is not listed: its file names are not ours to show.
    for path in sorted(seeds.iterdir()) if folder_inside(root, SEEDS) else []:
        if path.is_file() and path.name != Path(INDEX).name and path.name not in indexed_files:
            if path.name.startswith("."):
                continue
            index.problems.append(
                problem(
                    f"{SEEDS}/{path.name}",
                    0,
                    0,
                    "source-unindexed",
                    f"{path.name} is not in {INDEX}; onboard it: `claims source add "
                    f"{shlex.quote(f'{SEEDS}/{path.name}')} --outlet OUTLET` pins its sha256 and proposes "
                    "its entry",
                )
            )
    return index


def _odd_in_outlet(ch: str) -> bool:
    return unsafe(ch) or (ch.isspace() and ch != " ")


def outlet_key(outlet: str) -> str:
    """What two spellings of one outlet have in common when they differ only by what the eye cannot see
    (invisible characters, odd spaces, look-alike letters and digits)."""
    plain = " ".join("".join(ch for ch in outlet if not _odd_in_outlet(ch)).split())
    return skeleton(unicodedata.normalize("NFKC", plain))


def differing(a: str, b: str) -> str:
    """The characters two look-alike spellings do not share, named with their code points."""
    differ = sorted(set(a) ^ set(b))
    return f"they differ by {named(''.join(differ))}" if differ else "they differ by spaces"


def _check_outlets(index: SourceIndex) -> None:
    """An outlet's name says who stated a figure, and the comparison tells outlets apart by it: two
    spellings of one outlet that differ only by what the eye cannot see (a zero-width space, a
    no-break space, a space at an end, a Cyrillic letter, a full-width digit) would make one outlet's
    figure look confirmed, or contradicted, by another (issue 10, class 5). The later entry is refused,
    with the code points that differ. (One name alone, however odd, splits nothing: it is shown inert.)"""
    seen: dict[str, Source] = {}
    for source in index.sources.values():
        node = source.node.get("outlet")
        if node is None or not source.outlet:
            continue
        outlet = source.outlet
        first = seen.setdefault(outlet_key(outlet), source)
        if first is source or first.outlet == outlet:
            continue
        shown = differing(outlet, first.outlet)
        index.problems.append(
            problem(
                INDEX,
                node.line,
                node.column,
                "invalid-value",
                f"outlet '{outlet}' looks like '{first.outlet}' of {first.id} (line {first.node.line}) but is "
                f"not the same text: {shown}; write one outlet the same way in every entry, as printed",
            )
        )


def _text(node: Node | None) -> str | None:
    return node.value if node is not None and isinstance(node.value, str) else None


def _source(entry: Node, root: Path, problems: list[Problem], evidence: bool = True) -> Source | None:
    """Build a Source from an index entry that passed (or partly passed) the schema."""
    if not entry.is_mapping():
        return None
    sid, name, sha = _text(entry.get("id")), _text(entry.get("file")), _text(entry.get("sha256"))
    outlet, headline = _text(entry.get("outlet")), _text(entry.get("headline"))
    published_text = _text(entry.get("published"))
    body = entry.get("body")
    if not (sid and name and sha and outlet and headline and published_text and body):
        return None  # the schema problems say what is missing
    try:
        published = date.fromisoformat(published_text)
    except ValueError:
        return None
    if not MIN_YEAR <= published.year <= MAX_YEAR:
        return None  # the schema refuses it; days after 9999-12-31 do not exist
    first, last = _int(body.get("first_line")), _int(body.get("last_line"))
    if first is None or last is None:
        return None
    omits: list[tuple[int, int, Node]] = []
    omit_list = body.get("omit")
    for item in omit_list.value if omit_list is not None and isinstance(omit_list.value, list) else []:
        a, b = _int(item.get("first_line")), _int(item.get("last_line"))
        if a is None or b is None:
            return None
        omits.append((a, b, item))
    source = Source(
        id=sid,
        file=f"{SEEDS}/{name}",
        outlet=unicodedata.normalize("NFC", outlet),  # one outlet, however its Hangul is encoded
        headline=headline,
        published=published,
        reporter=_text(entry.get("reporter")),
        body_lines=[],
        node=entry,
    )
    file_node = entry.get("file")
    assert file_node is not None
    if "/" in name or name.startswith("."):
        problems.append(
            problem(
                INDEX,
                file_node.line,
                file_node.column,
                "invalid-value",
                "file must be a plain name in seeds/",
            )
        )
        return source
    data = read_bytes(root, f"{SEEDS}/{name}")
    if isinstance(data, Refusal):
        if data.missing:
            problems.append(
                problem(
                    INDEX,
                    file_node.line,
                    file_node.column,
                    "source-file-missing",
                    f"{SEEDS}/{name}: no such file; copy the article into {SEEDS}/ byte for byte, or correct `file`",
                )
            )
        elif data.line:  # a line too long: located in the article itself
            problems.append(problem(f"{SEEDS}/{name}", data.line, data.column, data.code, data.message))
        else:  # a link out of the registry, a device, a FIFO...: located where the index names it
            problems.append(problem(INDEX, file_node.line, file_node.column, data.code, data.message))
        return source
    actual = hashlib.sha256(data).hexdigest()
    source.digest = actual
    if actual != sha:
        sha_node = entry.get("sha256")
        assert sha_node is not None
        problems.append(
            problem(
                INDEX,
                sha_node.line,
                sha_node.column,
                "source-changed",
                f"{SEEDS}/{name} CHANGED after it was pinned: its sha256 is {actual}, the index pins {sha}. "
                f"Articles are evidence and are never edited: restore it (git checkout -- {SEEDS}/{name}); "
                "a new version of an article is a new source with its own ID",
            )
        )
        return source
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        problems.append(
            problem(
                INDEX, file_node.line, file_node.column, "file-unreadable", f"{SEEDS}/{name} is not UTF-8"
            )
        )
        return source
    source.text = text
    line_count = len(text.split("\n"))
    bounds_ok = _check_bounds(first, last, omits, line_count, body, problems)
    if not bounds_ok:
        return source
    ranges, start = [], first
    for a, b, _ in sorted(omits, key=lambda o: o[0]):
        if a > start:
            ranges.append((start, a - 1))
        start = b + 1
    if start <= last:
        ranges.append((start, last))
    source.body_lines = ranges
    source.usable = True
    if evidence:
        problems.extend(evidence_problems(source))
    return source


def _unusable(entry: Node) -> Source | None:
    """An entry too broken to use (the schema problems say why) still names its source, so that
    its claims are reported as unverifiable rather than as citing an unknown source."""
    sid = _text(entry.get("id"))
    if not sid:
        return None
    name = _text(entry.get("file")) or ""
    return Source(sid, f"{SEEDS}/{name}", _text(entry.get("outlet")) or "", "", date.min, None, [], entry)


def _int(node: Node | None) -> int | None:
    if node is None or isinstance(node.value, bool) or not isinstance(node.value, int):
        return None
    return node.value


def _check_bounds(
    first: int,
    last: int,
    omits: list[tuple[int, int, Node]],
    line_count: int,
    body: Node,
    problems: list[Problem],
) -> bool:
    def bad(node: Node | None, message: str) -> bool:
        where = node if node is not None else body
        problems.append(problem(INDEX, where.line, where.column, "source-bounds", message))
        return False

    if first < 1:
        # The schema refuses it too (minimum 1); the entry is still built, and a line before the
        # first would be read from the end of the file (-999999999999999999 crashed: issue 10, class 4).
        return bad(body.get("first_line"), f"first_line {first} is before the file's first line (1)")
    if last > line_count:
        return bad(
            body.get("last_line"), f"last_line {last} is past the end of the file ({line_count} lines)"
        )
    if first > last:
        return bad(body.get("first_line"), f"first_line {first} is after last_line {last}")
    previous_end = first - 1
    for a, b, node in sorted(omits, key=lambda o: o[0]):
        if a > b:
            return bad(node.get("first_line"), f"omitted range {a}-{b} is reversed")
        if a <= first or b >= last:
            return bad(
                node.get("first_line"),
                f"omitted range {a}-{b} must lie strictly inside the body {first}-{last}; move the body bounds instead",
            )
        if a <= previous_end:
            return bad(node.get("first_line"), f"omitted range {a}-{b} overlaps the one before it")
        previous_end = b
    return True


_SPACE = re.compile(r"\s+")


def evidence_problems(source: Source) -> list[Problem]:
    """What the index says is printed must be printed: the headline in the body, the rest in the file.
    (For a usable source.)"""
    assert source.text is not None
    entry = source.node
    problems: list[Problem] = []
    # Whitespace runs folded as _SPACE.sub would (\s is str.isspace for str patterns), ends dropped
    # (the values looked for are stripped): str.split is several times faster at 10,000 articles.
    flat_file = " ".join(source.text.split())
    checks = [
        ("headline", True),
        ("published_evidence", False),
        ("reporter", False),
        ("outlet_evidence", False),
    ]
    for key, in_body in checks:
        node = entry.get(key)
        value = _text(node)
        if node is None or value is None:
            continue
        found = source.body.find(value) if in_body else _SPACE.sub(" ", value.strip()) in flat_file
        if not found:
            where = "the article body" if in_body else source.file
            # A look-alike (a full-width digit, a Cyrillic letter) or an invisible character is named by
            # its code points: shown as text, the value and the file's words look the same (class 8).
            folded = " ".join(value.split())
            hint = (
                hint_in(canonical(folded), " ".join(seg.text for seg in source.body.segments), "article")
                if in_body
                else hint_in(folded, flat_file, "file")
            )
            problems.append(
                problem(
                    INDEX,
                    node.line,
                    node.column,
                    "source-evidence",
                    f"{key} '{value}' does not occur in {where}{hint}; copy it exactly from the file",
                )
            )
    return problems
