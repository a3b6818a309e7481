"""The one problem type: everything the checker finds is a `Problem`.

Like yamllint's ``LintProblem``: a small value with a location (1-based line and column), a stable
code, a severity and a message that says what is wrong and how to fix it. Checks yield problems; the
reporters in `checks.reporters` render them; `checks.cli` turns them into an exit status.

Every code is listed in `CODES` with a failing and a passing example; `claims explain CODE` prints it,
`docs/problems.md` is generated from it, and `checks/tests/test_problem_codes.py` runs every example.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from .files import MAX_FILE_BYTES, MAX_LINE_BYTES
from .inert import terminal


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the registry root, '/'-separated
    line: int  # 1-based; 0 when the problem concerns the whole file
    column: int  # 1-based; 0 when the problem concerns the whole file or line
    code: str
    severity: Severity = field(compare=False)
    message: str = field(compare=False)

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"undocumented problem code {self.code!r}")

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)

    def text(self) -> str:
        """The line `claims check` prints: path:line:col: severity code message. Path and message
        hold registry text (file names, values): made inert, so that the line stays one line."""
        return (
            f"{terminal(self.path)}:{self.line}:{self.column}: {self.severity.value} {self.code} "
            f"{terminal(self.message)}"
        )


def problem(path: str, line: int, column: int, code: str, message: str) -> Problem:
    """A problem with the severity its code declares."""
    return Problem(path, line, column, code, CODES[code].severity, message)


@dataclass(frozen=True)
class Example:
    """A registry file as an editor might write it. `file` is relative to the registry root.

    Examples are applied on top of the small test registry in ``checks/tests/registry``; `at` is the
    (line, column) the code must be reported at for the failing example.
    """

    file: str
    text: str | bytes
    # When set, `file` is a symbolic link to this path (relative to the file's folder), and `text` is
    # what the link leads to.
    link: str = ""


@dataclass(frozen=True)
class Code:
    code: str
    severity: Severity
    summary: str
    fix: str
    failing: Example
    passing: Example
    at: tuple[int, int]
    at_path: str = ""  # where the failing example is reported; default: the example's own file


_CLAIMS = "claims/example.yaml"
_SOURCES = "seeds/sources.yaml"

# The test registry (checks/tests/registry) has one article, `sample-2024-01-02`, whose body reads:
#   LG AI연구원은 2020년 12월 출범했다. 출범 당시 80여명이던 인력은 지난해 3분기 기준 128명으로 늘었다.
# Claims examples below are written against it.

_GOOD_CLAIM = """\
claims:
  - id: sample-staff-2021q3
    source: sample-2024-01-02
    quote: 지난해 3분기 기준 128명으로 늘었다
    subject: lg-ai-research
    property: headcount
    as_written: 128명
    unit: person
    as_of: 2023-Q3
    as_of_text: 지난해 3분기
"""

# The same claim about the figure at the launch, whose quote occurs twice in the sample article.
_AT_FOUNDING = (
    _GOOD_CLAIM.replace("quote: 지난해 3분기 기준 128명으로 늘었다", "quote: 출범 당시 80여명이던")
    .replace("as_written: 128명", "as_written: 80여명")
    .replace("as_of: 2023-Q3", "as_of: 2020-12")
    .replace("as_of_text: 지난해 3분기", "as_of_text: 출범 당시")
)


# An event-date claim: the day, month, year or interval the article names (unit: date).
_DATE_CLAIM = """\
claims:
  - id: sample-launch-date
    source: sample-2024-01-02
    quote: LG AI연구원은 2020년 12월 출범했다
    subject: lg-ai-research
    property: launch-date
    as_written: 2020년 12월
    unit: date
"""


# A skip of claims/skips.yaml: the photo caption's 80여명 (line 4 of the sample article) is not a claim.
_SKIPS_FILE = "claims/skips.yaml"
_SKIPS = """\
skips:
  - source: sample-2024-01-02
    quote: (사진) 출범 당시 80여명이던 연구원들이 모였다
    figure: 80여명
    reason: caption
    note: The photo caption restates the body's figure.
"""


def _c(
    code: str,
    severity: Severity,
    summary: str,
    fix: str,
    failing: str,
    at: tuple[int, int],
    passing: str = _GOOD_CLAIM,
    file: str = _CLAIMS,
    at_path: str = "",
    failing_link: str = "",
    passing_link: str = "",
) -> Code:
    return Code(
        code,
        severity,
        summary,
        fix,
        Example(file, failing, failing_link),
        Example(file, passing, passing_link),
        at,
        at_path,
    )


# Source examples rewrite the sources index of the test registry (checks/tests/registry).
_SAMPLE_INDEX = """\
sources:
  - id: sample-2024-01-02
    file: sample.txt
    sha256: 71456106a9dd19021b7577dd3b2f6c622c5763467e2b172ae81b9853b72934ac
    outlet: 샘플일보
    headline: LG AI연구원 인력 늘어
    published: '2024-01-02'
    published_evidence: 입력 2024.01.02
    reporter: 홍길동
    body:
      first_line: 1
      last_line: 5
"""

E, W = Severity.ERROR, Severity.WARNING

CODES: dict[str, Code] = {
    c.code: c
    for c in [
        # --- reading files -------------------------------------------------------------------------
        _c(
            "file-unreadable",
            E,
            "A registry file cannot be read as UTF-8 text.",
            "Save the file as UTF-8.",
            b"claims:\n  - id: caf\xc3\n",
            (2, 12),
        ),
        _c(
            "file-refused",
            E,
            "A registry file that is not a regular file inside the registry: a symbolic link leading "
            "outside the registry root, a dangling link or a loop of links, a link to a folder under "
            "claims/, a hard link (a file with a second name, which may lie outside), a directory, a device "
            "or a FIFO. It is never opened, and nothing of it is shown.",
            "Copy the file into the registry (a link may lead only to a file inside the registry root).",
            _GOOD_CLAIM,
            (0, 0),
            failing_link="../../outside.yaml",
            passing_link="../notes/kept-here.yaml",
        ),
        _c(
            "file-too-large",
            E,
            f"A registry file larger than {MAX_FILE_BYTES:,} bytes, or with a line longer than "
            f"{MAX_LINE_BYTES:,} bytes: far beyond any real registry file, and refused before it is read "
            "so that no check can be made slow.",
            "Split the file, or break the line (YAML folds a long quote over several lines).",
            _GOOD_CLAIM + "    note: " + "x" * MAX_LINE_BYTES + "\n",
            (11, MAX_LINE_BYTES + 1),
        ),
        _c(
            "yaml-syntax",
            E,
            "The file is not well-formed YAML, or holds more than one document.",
            "Fix the YAML at the position given; one document per file.",
            "claims:\n  - id: a\n   source: b\n",
            (3, 4),  # the misaligned key
        ),
        _c(
            "duplicate-key",
            E,
            "A mapping has the same key twice; YAML loaders silently keep only the last one.",
            "Remove or rename one of the two keys.",
            _GOOD_CLAIM + "    unit: KRW\n",
            (11, 5),
        ),
        _c(
            "yaml-anchor",
            E,
            "Anchors (&a) and aliases (*a) are refused: they hide where a value comes from.",
            "Write the value out in full where it is used.",
            _GOOD_CLAIM.replace("subject: lg-ai-research", "subject: &s lg-ai-research"),
            (5, 14),
        ),
        _c(
            "yaml-tag",
            E,
            "Explicit tags (!!str, !custom) are refused: a registry file holds plain data only.",
            "Remove the tag; quote the value if it must be a string.",
            _GOOD_CLAIM.replace("unit: person", "unit: !!str person"),
            (8, 11),
        ),
        _c(
            "ambiguous-scalar",
            E,
            "An unquoted value that YAML 1.1 reads as something other than text: a date (2020-12-07), "
            "a boolean (yes, no, on, off, NO), a float (2.0), an octal or sexagesimal number.",
            "Quote the value: as_of: '2020-12-07'.",
            _GOOD_CLAIM + "    note: NO\n",
            (11, 11),
        ),
        _c(
            "yaml-too-deep",
            E,
            "The file nests mappings or lists deeper than any registry file needs (64 levels).",
            "Flatten the structure; see schema/*.schema.json for the expected shape.",
            "claims: " + "[" * 70 + "]" * 70 + "\n",
            (1, 72),
        ),
        _c(
            "number-too-large",
            E,
            "An unquoted integer of more than 18 digits. No registry field needs one; such numbers are not "
            "read (Python refuses integers of more than 4,300 digits, and 64 bits hold 18).",
            "Quote the value if it is text; otherwise correct the number.",
            _GOOD_CLAIM + "    occurrence: " + "9" * 19 + "\n",
            (11, 17),
            passing=_GOOD_CLAIM + "    occurrence: 1\n",
        ),
        # --- shape (JSON Schema) -------------------------------------------------------------------
        _c(
            "missing-field",
            E,
            "A required field is missing.",
            "Add the field named in the message.",
            _GOOD_CLAIM.replace("    quote: 지난해 3분기 기준 128명으로 늘었다\n", ""),
            (2, 5),
        ),
        _c(
            "unknown-field",
            E,
            "A field the schema does not define (often a typo).",
            "Rename it as suggested, or remove it.",
            _GOOD_CLAIM.replace("quote:", "qoute:"),
            (4, 5),
        ),
        _c(
            "invalid-value",
            E,
            "A value of the wrong type or form (see the schema's description for the field).",
            "Correct the value as the message says.",
            _GOOD_CLAIM.replace("id: sample-staff-2021q3", "id: Sample Staff"),
            (2, 9),
        ),
        # --- sources -------------------------------------------------------------------------------
        _c(
            "source-file-missing",
            E,
            "The sources index names a file that is not in seeds/.",
            "Copy the article into seeds/ byte for byte, or correct `file`.",
            _SAMPLE_INDEX.replace("file: sample.txt", "file: sampel.txt"),
            (3, 11),
            passing=_SAMPLE_INDEX,
            file=_SOURCES,
        ),
        _c(
            "source-changed",
            E,
            "An article's bytes no longer match the sha256 pinned in the sources index. Articles are "
            "evidence and are never edited.",
            "Restore the original file (git checkout seeds/FILE). If a new version of the article is "
            "really wanted, add it as a new source with its own ID.",
            _SAMPLE_INDEX.replace("sha256: 7145", "sha256: 0145"),
            (4, 13),
            passing=_SAMPLE_INDEX,
            file=_SOURCES,
        ),
        _c(
            "source-unindexed",
            E,
            "A file in seeds/ has no entry in the sources index, so no claim can cite it.",
            "Onboard it with `claims source add seeds/FILE --outlet OUTLET`, which pins its sha256 and "
            "proposes its entry in seeds/sources.yaml.",
            "sources: []\n",
            (0, 0),
            passing=_SAMPLE_INDEX,
            file=_SOURCES,
            at_path="seeds/sample.txt",
        ),
        _c(
            "source-bounds",
            E,
            "The article body's line bounds are outside the file, reversed, or overlap.",
            "Give first_line <= last_line within the file; omitted ranges inside the body, apart.",
            _SAMPLE_INDEX.replace("last_line: 5", "last_line: 50"),
            (12, 18),
            passing=_SAMPLE_INDEX,
            file=_SOURCES,
        ),
        _c(
            "source-evidence",
            E,
            "Text the sources index says is printed on the page (headline, date, reporter) is not "
            "in the article file or its body.",
            "Copy the text exactly from the article file.",
            _SAMPLE_INDEX.replace("reporter: 홍길동", "reporter: 홍길둥"),
            (9, 15),
            passing=_SAMPLE_INDEX,
            file=_SOURCES,
        ),
        _c(
            "duplicate-id",
            E,
            "Two sources, or two claims, share an ID. IDs are stable and unique across the registry.",
            "Give one of them a new ID.",
            _GOOD_CLAIM + _GOOD_CLAIM.removeprefix("claims:\n"),
            (11, 9),
        ),
        _c(
            "source-unusable",
            E,
            "A claim cites a source that failed its own checks (missing, changed, unreadable, bad bounds), "
            "so its quote cannot be verified.",
            "Fix the problem reported on the source in seeds/sources.yaml.",
            _SAMPLE_INDEX.replace("sha256: 7145", "sha256: 0145"),
            (3, 13),
            passing=_SAMPLE_INDEX,
            file=_SOURCES,
            at_path="claims/sample.yaml",  # the claim citing the source
        ),
        # --- vocabulary ----------------------------------------------------------------------------
        _c(
            "unknown-source",
            E,
            "A claim cites a source ID that is not in the sources index.",
            "Use an ID from seeds/sources.yaml (the message suggests the closest).",
            _GOOD_CLAIM.replace("source: sample-2024-01-02", "source: sample-2024-01-03"),
            (3, 13),
        ),
        _c(
            "unknown-subject",
            E,
            "A claim's subject is not in the controlled vocabulary.",
            "Use a subject from schema/vocabulary.yaml, or add the new one there with its Korean label.",
            _GOOD_CLAIM.replace("subject: lg-ai-research", "subject: lg-ai-reserch"),
            (5, 14),
        ),
        _c(
            "unknown-property",
            E,
            "A claim's property is not in the controlled vocabulary.",
            "Use a property from schema/vocabulary.yaml, or add the new one there with its Korean label.",
            _GOOD_CLAIM.replace("property: headcount", "property: head-count"),
            (6, 15),
        ),
        _c(
            "unknown-unit",
            E,
            "A claim's unit is not in the controlled vocabulary.",
            "Use a unit from schema/vocabulary.yaml.",
            _GOOD_CLAIM.replace("unit: person", "unit: persons"),
            (8, 11),
        ),
        # --- quotes --------------------------------------------------------------------------------
        _c(
            "quote-too-short",
            E,
            "The quote is empty, whitespace only, or shorter than 10 characters: too little to pin a "
            "figure to its sentence.",
            "Quote enough of the sentence to show what the figure is about.",
            _GOOD_CLAIM.replace("quote: 지난해 3분기 기준 128명으로 늘었다", "quote: 128명으로"),
            (4, 12),
        ),
        _c(
            "quote-not-found",
            E,
            "The quote does not occur in its article's body (after folding whitespace and Unicode NFC).",
            "Copy the passage from the article exactly, typos included; the message shows the closest "
            "passage and what differs.",
            _GOOD_CLAIM.replace("128명으로 늘었다", "128명으로 늘어났다"),
            (4, 12),
        ),
        _c(
            "quote-ambiguous",
            E,
            "The quote occurs more than once in the article body, so the claim does not say which "
            "sentence it comes from.",
            "Lengthen the quote until it is unique, or add `occurrence: N` (1-based, in reading order).",
            _AT_FOUNDING,
            (4, 12),
            passing=_AT_FOUNDING + "    occurrence: 1\n",
        ),
        _c(
            "occurrence-out-of-range",
            E,
            "`occurrence` is larger than the number of times the quote occurs in the article body.",
            "Use a number between 1 and the count the message gives, or remove `occurrence`.",
            _GOOD_CLAIM + "    occurrence: 2\n",
            (11, 17),
        ),
        _c(
            "figure-not-in-quote",
            E,
            "The figure as written (`as_written`) does not occur inside the quote as a whole figure: "
            "`28명` inside `128명`, `3000억개` inside `약 3000억개` or `5천억` inside `4~5천억` would state a "
            "figure the article does not (a range is claimed whole).",
            "Copy the whole figure from the quote exactly as printed (spaces and qualifiers included).",
            _GOOD_CLAIM.replace("as_written: 128명", "as_written: 128 명"),
            (7, 17),
        ),
        _c(
            "time-not-in-quote",
            E,
            "The words giving the time (`as_of_text`) do not occur inside the quote, or only as a part of "
            "longer time words (`3분기` of `지난해 3분기`), or, read alone, name other days than in their "
            "sentence (`4월` of `2021년 3월과 4월`, `3월` of `이듬해 3월`).",
            "Copy the time words from the quote exactly, or lengthen the quote to include them.",
            _GOOD_CLAIM.replace("as_of_text: 지난해 3분기", "as_of_text: 작년 3분기"),
            (10, 17),
        ),
        _c(
            "figure-unreadable",
            E,
            "The figure as written cannot be read as a quantity.",
            "Write the figure as printed in the quote; the message says what the reader could not read.",
            _GOOD_CLAIM.replace(
                "quote: 지난해 3분기 기준 128명으로 늘었다", "quote: LG AI연구원은 2020년 12월 출범했다"
            ).replace("as_written: 128명", "as_written: LG AI연구원"),
            (7, 17),
        ),
        _c(
            "unit-mismatch",
            E,
            "The unit read from the figure differs from the claim's `unit`.",
            "Set `unit` to the unit the figure is written in.",
            _GOOD_CLAIM.replace("unit: person", "unit: KRW"),
            (8, 11),
        ),
        _c(
            "date-unreadable",
            E,
            "An event-date claim (`unit: date`) whose figure the time reader cannot turn into days: the "
            "words name no calendar time (출범 당시, 최근), or cannot be resolved against the article's "
            "publication date (지난 3월 in a March article: this March or last?), or not on their own: "
            "`4월` of `2021년 3월과 4월` leaves its year to the date before it or to the publication date. "
            "The reader never guesses.",
            "Claim a date only where the article writes one (2020년 12월, 지난해 8월 22일, 21일(현지시간), "
            "지난달), copied exactly; otherwise it is not a date claim.",
            _DATE_CLAIM.replace("as_written: 2020년 12월", "as_written: 출범했다"),
            (7, 17),
            passing=_DATE_CLAIM,
        ),
        _c(
            "as-of-mismatch",
            E,
            "A claim's `as_of` is not the time its `as_of_text` names, read against the article's "
            "publication date (지난해 3분기 in an article of 2024-01-02 is 2023-Q3). Words the reader "
            "will not resolve alone (12월 in a January article: last December or the coming one?) must "
            "still name `as_of`: it is one of the times the message lists. Words that name no calendar "
            "time (출범 당시) are not checked: the editor's value stands.",
            "Set `as_of` to the value the message gives (or one of those it lists), or correct `as_of_text`.",
            _GOOD_CLAIM.replace("as_of: 2023-Q3", "as_of: 2022-Q3"),
            (9, 12),
        ),
        _c(
            "skip-stale",
            E,
            "A skip in claims/skips.yaml that skips nothing: the readers find no figure or date at its "
            "`figure` in the quote, or a claim already covers that figure.",
            "Remove the skip (a claimed figure needs none), or correct its `figure` to the one meant.",
            _SKIPS.replace(
                "(사진) 출범 당시 80여명이던 연구원들이 모였다",
                "LG AI연구원은 2020년 12월 출범했다. 출범 당시 80여명이던",
            ),
            (4, 13),
            passing=_SKIPS,
            file=_SKIPS_FILE,
        ),
        _c(
            "skip-duplicate",
            E,
            "Two skips in claims/skips.yaml skip the same figure of the same article.",
            "Keep one of them (merge their notes).",
            _SKIPS + _SKIPS.removeprefix("skips:\n"),
            (7, 5),
            passing=_SKIPS,
            file=_SKIPS_FILE,
        ),
        _c(
            "skip-too-broad",
            E,
            "A skip in claims/skips.yaml whose `figure` spans several figures or dates of the article: one "
            "skip, one reason, would hide them all. It skips none of them.",
            "Write one skip per figure or date, its `figure` exactly as printed (or claim them).",
            (
                "skips:\n  - source: sample-2024-01-02\n"
                "    quote: 출범 당시 80여명이던 인력은 지난해 3분기 기준 128명으로 늘었다\n"
                "    figure: 80여명이던 인력은 지난해 3분기 기준 128명\n"
                "    reason: other-subject\n    note: One skip for three figures.\n"
            ),
            (4, 13),
            passing=_SKIPS,
            file=_SKIPS_FILE,
        ),
        _c(
            "resolution-stale",
            E,
            "A resolution in claims/resolutions.yaml names a group that is not a conflict: the key is "
            "unknown, the group is now an agreement or single, or its `erroneous` claims are not members.",
            "Use a group key from the report's open conflicts; remove resolutions that explain nothing.",
            "resolutions:\n  - group: lg-ai-research/headcount@2020-12\n    status: explained\n"
            "    note: Different scopes.\n",
            (2, 12),
            passing="resolutions: []\n",
            file="claims/resolutions.yaml",
        ),
        _c(
            "no-claims",
            W,
            "A claims file holds no claims.",
            "Add claims, or delete the file.",
            "claims: []\n",
            (1, 9),
        ),
    ]
}
