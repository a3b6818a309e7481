"""Small hand-made registries for the comparison and report tests.

`build(root, articles, claims)` writes a complete registry from scratch under `root`: one article
file per `Article` (headline, a dateline, the given lines, a sign-off), a sources index pinning each
by sha256, a vocabulary, claims files and, optionally, claims/resolutions.yaml.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

VOCABULARY = """\
subjects:
  lg-ai-research: {ko: LG AI연구원, en: LG AI Research}
  exaone: {ko: 엑사원, en: EXAONE}
  lg: {ko: LG, en: LG Group}
properties:
  headcount: {ko: 인력, en: staff headcount, changes_over_time: true}
  dataset-size: {ko: 학습 데이터, en: training data size, changes_over_time: true}
  investment: {ko: 투자 계획, en: planned investment, changes_over_time: false}
units:
  person: {ko: 명, en: people}
  item: {ko: 개, en: items}
  KRW: {ko: 원, en: South Korean won}
  USD: {ko: 달러, en: US dollars}
"""


@dataclass(frozen=True)
class Article:
    id: str
    outlet: str
    published: str  # YYYY-MM-DD
    lines: tuple[str, ...]
    headline: str = "LG AI연구원 소식"

    @property
    def file(self) -> str:
        return f"{self.id}.txt"

    @property
    def dateline(self) -> str:
        return "입력 " + self.published.replace("-", ".")

    def text(self) -> str:
        return "\n".join([self.headline, self.dateline, *self.lines, "홍길동 기자", ""])

    def line_of(self, fragment: str) -> int:
        """1-based line of the article file holding `fragment` (for expected source links)."""
        for n, line in enumerate(self.text().split("\n"), 1):
            if fragment in line:
                return n
        raise AssertionError(f"{fragment!r} not in {self.id}")


def article(id: str, outlet: str, published: str, *lines: str, headline: str = "LG AI연구원 소식") -> Article:
    return Article(id, outlet, published, tuple(lines), headline)


def claim(
    id: str,
    source: str,
    quote: str,
    as_written: str,
    unit: str,
    *,
    subject: str = "lg-ai-research",
    property: str = "headcount",
    as_of: str | None = None,
    as_of_text: str | None = None,
    note: str | None = None,
) -> dict[str, str]:
    out = {
        "id": id,
        "source": source,
        "quote": quote,
        "subject": subject,
        "property": property,
        "as_written": as_written,
        "unit": unit,
    }
    if as_of is not None:
        out["as_of"] = as_of
        out["as_of_text"] = as_of_text if as_of_text is not None else as_of
    if note is not None:
        out["note"] = note
    return out


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    # A JSON string is a YAML double-quoted scalar: always a string, never a date or a boolean.
    return json.dumps(value, ensure_ascii=False)


def claims_yaml(claims: Iterable[Mapping[str, object]]) -> str:
    lines = ["claims:"]
    for c in claims:
        first = True
        for key, value in c.items():
            lines.append(f"  {'- ' if first else '  '}{key}: {_scalar(value)}")
            first = False
    return "\n".join(lines) + "\n"


def sources_yaml(articles: Sequence[Article]) -> str:
    lines = ["sources:"]
    for a in articles:
        data = a.text().encode("utf-8")
        n_lines = len(a.text().split("\n"))
        lines += [
            f"  - id: {_scalar(a.id)}",
            f"    file: {_scalar(a.file)}",
            f"    sha256: {hashlib.sha256(data).hexdigest()}",
            f"    outlet: {_scalar(a.outlet)}",
            f"    headline: {_scalar(a.headline)}",
            f"    published: '{a.published}'",
            f"    published_evidence: {_scalar(a.dateline)}",
            "    body:",
            "      first_line: 1",
            # The text ends with a newline: the last "line" is empty; the sign-off is the one before.
            f"      last_line: {n_lines - 1}",
        ]
    return "\n".join(lines) + "\n"


def build(
    root: Path,
    articles: Sequence[Article],
    claims: Sequence[Mapping[str, object]] = (),
    *,
    files: Mapping[str, Sequence[Mapping[str, object]]] | None = None,
    resolutions: str | None = None,
    vocabulary: str = VOCABULARY,
) -> Path:
    """Write the registry. Claims go one file per source (claims/<source>.yaml) unless `files`
    ({file name: claims}) says otherwise."""
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    (root / "schema").mkdir(parents=True, exist_ok=True)
    (root / "claims").mkdir(parents=True, exist_ok=True)
    for a in articles:
        (root / "seeds" / a.file).write_bytes(a.text().encode("utf-8"))
    (root / "seeds" / "sources.yaml").write_text(sources_yaml(articles), encoding="utf-8")
    (root / "schema" / "vocabulary.yaml").write_text(vocabulary, encoding="utf-8")
    if files is None:
        by_source: dict[str, list[Mapping[str, object]]] = {}
        for c in claims:
            by_source.setdefault(str(c["source"]), []).append(c)
        files = {f"{source}.yaml": items for source, items in by_source.items()}
    for name, items in files.items():
        (root / "claims" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "claims" / name).write_text(claims_yaml(items), encoding="utf-8")
    if resolutions is not None:
        (root / "claims" / "resolutions.yaml").write_text(resolutions, encoding="utf-8")
    return root


def problems_text(result: object) -> str:
    return "\n".join(f"{p.path}:{p.line}:{p.column}: {p.code} {p.message}" for p in result.problems)  # type: ignore[attr-defined]


# --- random registries (hypothesis) -----------------------------------------------------------------------

# Five articles by four outlets: 가일보 twice, on two dates; two articles share a date with others.
RANDOM_ARTICLES = (
    ("ga1-2021-08-01", "가일보", "2021-08-01"),
    ("ga2-2022-03-02", "가일보", "2022-03-02"),
    ("na-2022-03-02", "나신문", "2022-03-02"),
    ("da-2021-08-01", "다뉴스", "2021-08-01"),
    ("ra-2023-05-10", "라경제", "2023-05-10"),
)

# (property, figure as written, unit)
RANDOM_FIGURES = (
    ("headcount", "80여명", "person"),
    ("headcount", "70여명", "person"),
    ("headcount", "약 100명", "person"),
    ("headcount", "108명", "person"),
    ("headcount", "100명", "person"),
    ("headcount", "100명 이상", "person"),
    ("headcount", "128명", "person"),
    ("headcount", "100개", "item"),
    ("investment", "3조6000억원", "KRW"),
    ("investment", "3조 6000억 원", "KRW"),
    ("investment", "약 3조원", "KRW"),
    ("investment", "4조원 이상", "KRW"),
    ("investment", "30억달러", "USD"),
)

# (as_of, as_of_text) or None
RANDOM_TIMES = (
    None,
    ("2020-12", "출범 당시"),
    ("2021", "2021년"),
    ("2021-Q3", "지난해 3분기"),
    ("2022-H1", "올해 상반기"),
    ("2021/2022", "2021~2022년"),
)


@dataclass(frozen=True)
class RandomClaim:
    article: int  # index into RANDOM_ARTICLES
    figure: int  # index into RANDOM_FIGURES
    time: int  # index into RANDOM_TIMES
    wording: int  # 0: shared press-release wording, 1: the outlet's own


def random_registry(spec: Sequence[RandomClaim]) -> tuple[list[Article], list[dict[str, str]]]:
    """Articles and claims (in spec order, IDs c0, c1, …) for a generated spec. The articles depend
    only on the spec, never on the order the claims are later written in."""
    lines: dict[int, list[str]] = {i: [] for i in range(len(RANDOM_ARTICLES))}
    claims = []
    for n, c in enumerate(spec):
        sid, _outlet, _published = RANDOM_ARTICLES[c.article]
        prop, fig, unit = RANDOM_FIGURES[c.figure]
        time = RANDOM_TIMES[c.time]
        when = f"{time[1]} " if time else ""
        noun = "인력" if prop == "headcount" else "투자 규모"
        if c.wording == 0:
            sentence = f"R{n}: {when}LG AI연구원 관계자는 회사 {noun}이 {fig}라고 보도자료에서 밝혔다."
        else:
            sentence = f"R{n}: 업계에 따르면 {when}{noun}은 {fig}에 이른 것으로 전해졌다 ({sid} 취재)."
        lines[c.article].append(sentence)
        claims.append(
            claim(
                f"c{n}",
                sid,
                sentence,
                fig,
                unit,
                subject="lg-ai-research",
                property=prop,
                as_of=time[0] if time else None,
                as_of_text=time[1] if time else None,
            )
        )
    articles = [
        article(sid, outlet, published, *(lines[i] or ["(이 기사에는 수치가 없다.)"]))
        for i, (sid, outlet, published) in enumerate(RANDOM_ARTICLES)
    ]
    return articles, claims


def layout(
    claims: Sequence[Mapping[str, object]], order: Sequence[int], split: Sequence[int]
) -> dict[str, list[Mapping[str, object]]]:
    """The claims written in `order`, claim order[k] into file part-{split[k]} (a few in a subfolder)."""
    files: dict[str, list[Mapping[str, object]]] = {}
    for k, index in enumerate(order):
        part = split[k]
        name = f"part-{part}.yaml" if part % 2 == 0 else f"more/part-{part}.yaml"
        files.setdefault(name, []).append(claims[index])
    return files
