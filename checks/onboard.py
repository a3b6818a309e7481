"""Onboarding an article: the domain half of `claims source add`.

An article is saved from the web as it was, page furniture and all. To index it we pin its sha256
and propose, for the editor to review, what seeds/sources.yaml records by hand today: the headline,
the body bounds (headline to sign-off) with the page furniture inside them, the publication date and
the text it is read from, the reporter and the text naming the outlet. The heuristics are learned
from the five articles of this registry (their entries in seeds/sources.yaml are the answers they
must give; checks/tests/test_source_add.py holds them to it):

* the headline is the title line just above the first labelled date (`입력`, `등록`, `승인` …),
  the first of its repeats; without such a date, the longest title-like line before the first
  paragraph of prose;
* the body ends at the sign-off (a line with the reporter's e-mail address), else at the last
  paragraph of prose before the first line of after-article furniture (copyright, reactions,
  comments, related news);
* inside the body, lines of known page furniture (font-size buttons, share and comment bars, a
  portal's summary box and its 원문보기 button, the outlet's label, a news-tip box) are omitted,
  with the lines a summary box repeats from the article;
* dates on the page are listed with what labels them: a publication label (`입력`, `등록`, `승인`,
  `기사입력`) over an edit (`수정`), a site-wide stamp (`최종편집`) or a bare date (a weather bar,
  a photo credit). The editor names the date (`--published`); a date not printed under a
  publication label needs a note saying how it was derived.

Every proposal is printed for review, and every choice can be given instead (`--headline`,
`--body-lines`, `--omit`, `--reporter`, …). Nothing is guessed silently: what cannot be told is
asked for.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .editing import MODELINE, EditRefused, Planned, check_as_if, new_problems, plan_append, write
from .files import Refusal, read_bytes
from .problems import Problem
from .sources import INDEX, SEEDS, differing, load_sources, outlet_key
from .yamlfile import read_yaml

_FILE_NAME = re.compile(r"[A-Za-z0-9_.-]+\Z")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_BULLET = re.compile(r"^[•·\-*▶▷■□◆◇●○]\s*")
# The lookbehind starts a match only where a run of address characters starts: searched from every
# position of a long run, the pattern was quadratic (a line of 100,000 letters took seconds; issue 10).
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_REPORTER = re.compile(r"([가-힣]{2,4})\s*기자(?![가-힣])")
_SIGN_OFF = re.compile(
    r"[(<\[]?\s*끝\s*[)>\]]?|[/=\s]*[가-힣]{2,4}\s*(?:기자|특파원|선임기자|객원기자)\s*[)\]]?"
)

# The names on share buttons: social networks, and the buttons that copy, mail or print the page.
_NETWORKS = (
    r"페이스북|트위터|엑스|카카오톡|카카오스토리|카카오|네이버\s?밴드|밴드|네이버\s?블로그|블로그|"
    r"라인|링크\s?복사|URL\s?복사|주소\s?복사|이메일|메일|인쇄|프린트|스크랩|공유(?:하기)?|"
    r"facebook|twitter|x|kakao(?:talk|story)?|band|line|url|e-?mail|print"
)
# One such name alone on its line: a share bar printed one button a line (공유하기 / 페이스북 / 트위터
# / URL복사). Alone, `라인` or `밴드` could be a word of the article; next to the share bar it is a button.
_ONE_NETWORK = re.compile(r"^(?:" + _NETWORKS + r")$", re.IGNORECASE)

# Page furniture inside an article's lines, and what to call it in `omit`.
FURNITURE: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(가장\s?작게|작게|기본|크게|가장\s?크게)$"), "font-size buttons (가장작게 … 가장크게)"),
    # Many sites print their font-size buttons as a bare 가 each (가 가 가 가, or 가+ 가-).
    (re.compile(r"^가[+-]?(\s+가[+-]?)*$"), "font-size buttons (가 … 가)"),
    (
        re.compile(r"^(공유|공유하기|이 기사를 공유합니다|기사 ?공유|URL ?복사|스크랩|인쇄|프린트)$"),
        "the share bar",
    ),
    # A row of share buttons: two or more of the networks' and the buttons' names and nothing else.
    (
        re.compile(r"^(?:(?:" + _NETWORKS + r")\s*[,/|·]?\s*){2,}$", re.IGNORECASE),
        "the share bar",
    ),
    (re.compile(r"^댓글\s*\d+$"), "the comment count"),
    (re.compile(r"^원문\s?보기$"), "the portal's 원문보기 (view original) button"),
    (
        re.compile(r"본문 보기를 권장합니다|글자크기로 변경됩니다|^\(예시\)"),
        "the portal's summary box and its font-size example",
    ),
    (re.compile(r"^(이메일|카카오톡|사이트|전화|제보)\s*:"), "the outlet's news-tip box"),
]
# Lines that come after an article: copyright, reactions, comments, related news, advertising.
AFTER_ARTICLE = re.compile(
    r"©|ⓒ|copyright|무단\s?전재|재배포\s?금지|^좋아요\s*\d*$|^댓글|^ad$|주요\s?뉴스|관련\s?기사|많이\s?본|"
    r"^기자와 카톡|^실시간|^광고$|이 기사의 카테고리",
    re.IGNORECASE,
)
# A paragraph ends with a full stop (perhaps inside a closing quote); a headline does not.
_PROSE_END = re.compile(r"[.!?。][”\"’')\]]*$")
# A date's label is the word just before it: `입력 2023-08-28`, `[입력 : 2024.03.13`, `등록일 2022.01.19`,
# `송고시간 2024-03-13` (Yonhap's).
_LABEL_TAIL = r"(?:\s?(?:일시|일자|시간|일|시))?\s*[:：]?\s*$"  # 게재일자, 게재 일자 :
_LABELS = [
    (re.compile(r"(기사\s?입력|입력|등록|승인|발행|게재|작성|송고)" + _LABEL_TAIL), "published"),
    (re.compile(r"(최종\s?수정|수정|업데이트|갱신|update|updated)" + _LABEL_TAIL, re.IGNORECASE), "edited"),
    (re.compile(r"(최종\s?편집)" + _LABEL_TAIL), "site"),
]
_LABEL_REACH = 40  # characters before a date where its label may start (the longest label has 12)
# Some pages print the label after the date and its time: `2024.05.20 09:30 입력`, `(2024-05-20 수정)`.
_LABEL_AFTER = [
    (re.compile(r"\s*[(\[]?\s*(기사\s?입력|입력|등록|승인|발행|게재|작성|송고)(?![가-힣])"), "published"),
    (re.compile(r"\s*[(\[]?\s*(최종\s?수정|수정|업데이트|갱신)(?![가-힣])"), "edited"),
]
_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})(?:[.\-/]\s?(?P<m>\d{1,2})[.\-/]\s?(?P<d>\d{1,2})\.?|년\s?(?P<m2>\d{1,2})월\s?(?P<d2>\d{1,2})일)"
    r"(?P<time>\s\d{1,2}:\d{2}(?::\d{2})?)?"
)

# Outlets whose ID slug this registry knows beyond its own index (the slug is the site's name).
KNOWN_OUTLETS = {
    "연합뉴스": "yonhap",
    "뉴시스": "newsis",
    "뉴스1": "news1",
    "조선일보": "chosun",
    "조선비즈": "chosunbiz",
    "중앙일보": "joongang",
    "동아일보": "donga",
    "한겨레": "hani",
    "경향신문": "khan",
    "한국일보": "hankookilbo",
    "매일경제": "mk",
    "한국경제": "hankyung",
    "서울경제": "sedaily",
    "머니투데이": "mt",
    "이데일리": "edaily",
    "아시아경제": "asiae",
    "헤럴드경제": "heraldcorp",
    "파이낸셜뉴스": "fnnews",
    "전자신문": "etnews",
    "디지털타임스": "dt",
    "이투데이": "etoday",
    "뉴스웨이": "newsway",
    "인사이트코리아": "insightkorea",
    "CBS노컷뉴스": "nocutnews",
    "노컷뉴스": "nocutnews",
    "비즈니스포스트": "businesspost",
    "블로터": "bloter",
    "지디넷코리아": "zdnet",
    "ZDNet Korea": "zdnet",
    "KBS": "kbs",
    "MBC": "mbc",
    "SBS": "sbs",
    "YTN": "ytn",
    "JTBC": "jtbc",
}


@dataclass
class DateSeen:
    day: date
    evidence: str  # the text of the file, label included
    line: int
    kind: str  # "published", "bare", "edited", "site"
    in_body: bool

    @property
    def rank(self) -> int:
        if self.kind == "published":
            return 0
        if self.kind == "bare":
            return 1 if self.in_body else 4
        return 2 if self.kind == "edited" else 3

    def describe(self) -> str:
        what = {
            "published": "a publication label",
            "edited": "an edit, not the publication",
            "site": "the site's own stamp, not this article's",
            "bare": "a bare date in the article"
            if self.in_body
            else "a bare date outside the article (weather bar, crawl)",
        }[self.kind]
        return f"{self.day.isoformat()} «{self.evidence}» (line {self.line}; {what})"


@dataclass
class Omit:
    first: int
    last: int
    what: str


@dataclass
class Proposal:
    path: str  # seeds/NAME
    sha256: str
    line_count: int
    id: str = ""
    id_why: str = ""
    headline: str = ""
    headline_line: int = 0
    first: int = 0
    last: int = 0
    body_why: str = ""
    omits: list[Omit] = field(default_factory=list)
    dates: list[DateSeen] = field(default_factory=list)
    published: DateSeen | None = None
    reporter: str | None = None
    reporter_line: int = 0
    outlet_evidence: str | None = None
    outlet_evidence_line: int = 0
    lines: list[str] = field(default_factory=list)


@dataclass
class Request:
    path: str
    outlet: str
    published: str | None = None
    id: str | None = None
    headline: str | None = None
    reporter: str | None = None
    body_lines: str | None = None
    omit: list[str] | None = None
    no_omit: bool = False
    published_evidence: str | None = None
    published_note: str | None = None
    outlet_evidence: str | None = None
    outlet_note: str | None = None
    url: str | None = None


@dataclass
class Outcome:
    status: str  # "written", "incomplete", "refused"
    proposal: Proposal
    message: str = ""
    problems: list[Problem] = field(default_factory=list)
    planned: Planned | None = None
    entry: dict[str, object] = field(default_factory=dict)


def _strip(line: str) -> str:
    return " ".join(unicodedata.normalize("NFC", line).split())


def _unbulleted(line: str) -> str:
    return _BULLET.sub("", _strip(line))


def furniture(line: str, outlet: str | None = None) -> str | None:
    """What page furniture a line is, or None."""
    text = _unbulleted(line)
    if not text:
        return None
    if outlet is not None and text == _strip(outlet):
        return "the outlet's label"
    for pattern, what in FURNITURE:
        if pattern.search(text):
            return what
    return None


def is_prose(line: str) -> bool:
    text = _strip(line)
    return len(text) >= 25 and not _BULLET.match(text) and bool(_PROSE_END.search(text))


def _title_like(line: str, outlet: str | None) -> bool:
    text = _strip(line)
    return (
        8 <= len(text) <= 150
        and not _BULLET.match(text)
        and furniture(text, outlet) is None
        and not AFTER_ARTICLE.search(text)
        and not _DATE.search(text)
        and not is_prose(text)
        and not _EMAIL.search(text)
        and "이미지" not in text
    )


def locate(root: Path, path_arg: str, cwd: Path) -> tuple[Path, str]:
    """The article file: it must lie in seeds/ itself (links resolved), be a plain file, and be named
    as seeds/sources.yaml allows."""
    try:
        return _locate(root, path_arg, cwd)
    except (OSError, ValueError) as exc:  # a name too long, a NUL byte: no file can have it
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise EditRefused(f"{path_arg}: not a file name that can be opened ({reason})") from None


def _locate(root: Path, path_arg: str, cwd: Path) -> tuple[Path, str]:
    given = Path(path_arg)
    path = given if given.is_absolute() else cwd / given
    if not given.is_absolute() and not os.path.lexists(path) and os.path.lexists(root / given):
        path = root / given  # `seeds/FILE --root DIR` from elsewhere: the path as the registry names it
    seeds = (root / SEEDS).resolve()
    if path.is_symlink():
        raise EditRefused(
            f"{path_arg} is a symbolic link; articles are evidence: copy the file itself into {SEEDS}/, byte for byte"
        )
    try:
        real = path.resolve(strict=True)
    except (FileNotFoundError, RuntimeError):
        raise EditRefused(f"{path_arg}: no such file; copy the article into {seeds} first") from None
    if real.parent != seeds:
        raise EditRefused(
            f"{path_arg} is outside {SEEDS}/ (it is {real}); copy the article into {seeds}/ byte for byte, "
            f"then run `claims source add {SEEDS}/{real.name} …`"
        )
    if not real.is_file():
        raise EditRefused(f"{path_arg} is not a regular file")
    name = real.name
    if name == Path(INDEX).name:
        raise EditRefused(f"{path_arg} is the sources index itself, not an article")
    if name.startswith(".") or not _FILE_NAME.match(name):
        raise EditRefused(
            f"{name}: an article's file name may only hold letters, digits, '_', '.' and '-', and not start "
            "with '.'; rename the file (its bytes stay as they are)"
        )
    return real, name


def already_indexed(root: Path, name: str, sha: str) -> str | None:
    """Why this file is already indexed (by name or by identical bytes), or None."""
    read = read_bytes(root, INDEX)
    if isinstance(read, Refusal) and not read.missing:
        raise EditRefused(read.message)
    data = b"" if isinstance(read, Refusal) else read
    parsed = read_yaml(data, INDEX)
    node = parsed.root.get("sources") if parsed.root is not None else None
    for entry in node.value if node is not None and isinstance(node.value, list) else []:
        sid = entry.get("id")
        shown = f"'{sid.value}'" if sid is not None else "an entry"
        where = f"{INDEX}:{entry.line}"
        file_node, sha_node = entry.get("file"), entry.get("sha256")
        if file_node is not None and file_node.value == name:
            return f"{SEEDS}/{name} is already indexed as {shown} ({where})"
        if sha_node is not None and sha_node.value == sha:
            other = file_node.value if file_node is not None else "?"
            return (
                f"{SEEDS}/{name} has the same bytes (sha256 {sha[:12]}…) as {SEEDS}/{other}, already indexed as "
                f"{shown} ({where}); remove the copy"
            )
    return None


def dates_on(lines: list[str], first: int, last: int) -> list[DateSeen]:
    """Every calendar date printed on the page, with its label, best candidates first."""
    seen: list[DateSeen] = []
    for n, raw in enumerate(lines, 1):
        line = unicodedata.normalize("NFC", raw).rstrip("\r")
        for m in _DATE.finditer(line):
            month = int(m.group("m") or m.group("m2"))
            dom = int(m.group("d") or m.group("d2"))
            try:
                day = date(int(m.group("y")), month, dom)
            except ValueError:
                continue
            # The label is the word just before the date (and its colon and spaces): only that stretch is
            # searched, so that a line of thousands of dates costs no more than thousands of short lines
            # (searching the whole line before each date was quadratic; issue 10, class 3).
            k = m.start()
            while k > 0 and (line[k - 1].isspace() or line[k - 1] in ":："):
                k -= 1
            near = max(0, k - _LABEL_REACH)
            label_kind, label_start = "bare", -1
            for pattern, kind in _LABELS:
                hit = pattern.search(line, near, m.start())
                # The label is a word of its own: not the end of a longer word (`미입력`).
                if hit is not None and (hit.start() == 0 or not line[hit.start() - 1].isalnum()):
                    label_kind, label_start = kind, hit.start()
                    break
            label_end = -1
            if label_start < 0:
                for pattern, kind in _LABEL_AFTER:
                    hit = pattern.match(line, m.end())
                    if hit is not None:
                        label_kind, label_end = kind, hit.end()
                        break
            if label_start >= 0:
                evidence = line[label_start : m.end()]
            elif label_end >= 0:
                evidence = line[m.start() : label_end]
            else:
                # A bare date: the run of non-space text around it (e.g. the photo credit 2020.12.7/뉴스1),
                # at most _LABEL_REACH characters either side.
                s, e = m.start(), m.end()
                while s > max(0, m.start() - _LABEL_REACH) and not line[s - 1].isspace():
                    s -= 1
                while e < min(len(line), m.end() + _LABEL_REACH) and not line[e].isspace():
                    e += 1
                evidence = line[s:e] if m.group("m") else m.group(0)
            seen.append(DateSeen(day, _strip(evidence), n, label_kind, first <= n <= last))
    return sorted(seen, key=lambda d: (d.rank, d.line))


def propose_headline(lines: list[str], outlet: str | None) -> tuple[int, str]:
    """(line, reason) of the headline; 0 when none is found."""
    for n, raw in enumerate(lines, 1):
        text = _unbulleted(raw)
        m = _DATE.search(text)
        if m is None or not _LABELS[0][0].search(text[: m.start()]):
            continue
        k = n - 1
        while k >= 1 and (
            not _strip(lines[k - 1]) or _BULLET.match(_strip(lines[k - 1])) or "기자" in lines[k - 1]
        ):
            k -= 1
        if k < 1 or not _title_like(lines[k - 1], outlet):
            continue
        deck = k
        k = _above_the_deck(lines, deck, outlet)
        title = _strip(lines[k - 1])
        j = k - 1
        while j >= 1 and (not _strip(lines[j - 1]) or _strip(lines[j - 1]) == title):
            if _strip(lines[j - 1]) == title:
                k = j
            j -= 1
        if k != deck and _strip(lines[k - 1]) != _strip(lines[deck - 1]):
            return k, f"the title above its deck (to line {deck}) and the publication date (line {n})"
        return k, f"the title above the publication date (line {n})"
    first_prose = next(
        (n for n, raw in enumerate(lines, 1) if is_prose(raw) and furniture(raw, outlet) is None), 0
    )
    candidates = [n for n in range(1, first_prose or len(lines) + 1) if _title_like(lines[n - 1], outlet)]
    if not candidates:
        return 0, ""
    best = max(candidates, key=lambda n: (len(_strip(lines[n - 1])), -n))
    return best, f"the longest title-like line before the first paragraph (line {first_prose})"


_DECK_LINES = 3  # a deck (부제) has one to three lines under the headline


def _above_the_deck(lines: list[str], k: int, outlet: str | None) -> int:
    """The headline, when the title line k just above the date is a deck (부제) under it: Korean news
    pages print the headline, then one to three lines of deck, then the date and byline; the deck
    is title-like too, and taking it for the headline would leave the real one out of the body. So
    the topmost of a stack of title-like lines, separated by nothing but blank lines (a line repeated
    is the same line printed twice, not a deck), is the headline."""
    top, decks, j = k, 0, k - 1
    while j >= 1 and decks < _DECK_LINES:
        text = _strip(lines[j - 1])
        if not text:
            j -= 1
            continue
        if text == _strip(lines[top - 1]):  # the same title printed twice: the loop in the caller
            break
        if not _title_like(lines[j - 1], outlet) or _BREADCRUMB.search(text):
            break
        top, decks, j = j, decks + 1, j - 1
    return top


# A section path above the headline (산업 > 전자, 홈 › IT): navigation, not a title.
_BREADCRUMB = re.compile(r"[>›»|]")


def propose_end(lines: list[str], first: int) -> tuple[int, str]:
    first_prose = next((n for n in range(first, len(lines) + 1) if is_prose(lines[n - 1])), first)
    stop = next(
        (n for n in range(first_prose + 1, len(lines) + 1) if AFTER_ARTICLE.search(_strip(lines[n - 1]))),
        len(lines) + 1,
    )
    sign_offs = [
        n
        for n in range(first + 1, stop)
        if _EMAIL.search(lines[n - 1])
        and not _BULLET.match(_strip(lines[n - 1]))
        and furniture(lines[n - 1]) is None
        and (_EMAIL.fullmatch(_strip(lines[n - 1])) or "기자" in lines[n - 1])
    ]
    after = f"line {stop}: «{_strip(lines[stop - 1])[:40]}»" if stop <= len(lines) else "the end of the file"
    if sign_offs:
        return sign_offs[-1], f"the sign-off with the reporter's e-mail, before {after}"
    prose = [n for n in range(first + 1, stop) if is_prose(lines[n - 1])]
    if not prose:
        return 0, ""
    # A byline (`홍길동 기자`) or an end mark (`(끝)`) just after the last paragraph signs it off.
    for n in range(prose[-1] + 1, min(stop, prose[-1] + 4)):
        text = _unbulleted(lines[n - 1])
        if _SIGN_OFF.fullmatch(text):
            return n, f"the sign-off after the last paragraph, before {after}"
    return prose[-1], f"the last paragraph before {after}"


def propose_omits(lines: list[str], first: int, last: int, outlet: str | None) -> list[Omit]:
    marks: dict[int, str] = {}
    for n in range(first + 1, last):
        what = furniture(lines[n - 1], outlet)
        if what is not None:
            marks[n] = what
    # A share bar printed one button a line: each name next to the share bar (blank lines between
    # them aside) is one of its buttons.
    changed = True
    while changed:
        changed = False
        for n in range(first + 1, last):
            if n in marks or not _ONE_NETWORK.match(_unbulleted(lines[n - 1])):
                continue
            for step in (-1, 1):
                k = n + step
                while first < k < last and not _strip(lines[k - 1]):
                    k += step
                if marks.get(k) == "the share bar":
                    marks[n] = "the share bar"
                    changed = True
                    break
    # A summary box repeats lines of the article next to its own furniture: those lines go with it.
    later = {}
    for n in range(first, last + 1):
        later.setdefault(_strip(lines[n - 1]), []).append(n)
    changed = True
    while changed:
        changed = False
        for n in range(first + 1, last):
            text = _strip(lines[n - 1])
            if n in marks or not text or not any(m > n for m in later.get(text, [])):
                continue
            if (n - 1 in marks) or (n + 1 in marks):
                marks[n] = marks.get(n - 1) or marks[n + 1]
                changed = True
    omits: list[Omit] = []
    for n in sorted(marks):
        if omits and all(k in marks or not _strip(lines[k - 1]) for k in range(omits[-1].last + 1, n)):
            omits[-1].last = n
            if marks[n] not in omits[-1].what:
                omits[-1].what += "; " + marks[n]
        else:
            omits.append(Omit(n, n, marks[n]))
    return omits


def propose_reporter(lines: list[str], first: int, last: int) -> tuple[str | None, int]:
    near = [*range(first, min(last, first + 20) + 1), *range(max(first, last - 4), last + 1)]
    for n in dict.fromkeys(near):
        window = _strip(" ".join(lines[n - 1 : min(last, n + 2)]))
        m = _REPORTER.search(window)
        if m is not None and m.start() < len(_strip(lines[n - 1])):
            return m.group(1), n
    return None, 0


def propose_outlet_evidence(lines: list[str], first: int, last: int, outlet: str) -> tuple[str | None, int]:
    name = _strip(outlet)
    outside = [n for n in range(1, len(lines) + 1) if not first <= n <= last]
    inside = list(range(first, last + 1))
    for group in (outside, inside):
        hits = [n for n in group if name in _strip(lines[n - 1])]
        hits.sort(key=lambda n: (not re.search(r"©|ⓒ|copyright|무단", lines[n - 1], re.IGNORECASE), n))
        if hits:
            return _strip(lines[hits[0] - 1]), hits[0]
    return None, 0


def outlet_slug(root: Path, outlet: str) -> tuple[str | None, str]:
    index = load_sources(root)
    for source in sorted(index.sources.values(), key=lambda s: s.id):
        m = re.fullmatch(r"(.+)-\d{4}-\d{2}-\d{2}(?:-\d+)?", source.id)
        if source.outlet == outlet and m:
            return m.group(1), f"as the other {outlet} article ({source.id})"
    key = outlet_key(outlet)
    for source in sorted(index.sources.values(), key=lambda s: s.id):
        if source.outlet and source.outlet != outlet and outlet_key(source.outlet) == key:
            # 샘플일보 with a zero-width space, a Cyrillic letter: another spelling of a known outlet, which
            # the check refuses; say so here, with the code points (issue 10, class 8).
            return None, (
                f"; it looks like '{source.outlet}' of {source.id} but is not the same text: "
                f"{differing(outlet, source.outlet)}; give --outlet as that entry writes it"
            )
    if outlet in KNOWN_OUTLETS:
        return KNOWN_OUTLETS[outlet], f"{outlet}'s site name"
    ascii_slug = re.sub(r"[^a-z0-9]+", "-", outlet.lower()).strip("-")
    if outlet.isascii() and ascii_slug:
        return ascii_slug, "the outlet's name"
    return None, ""


def _range(text: str, option: str) -> tuple[int, int]:
    m = re.fullmatch(r"\s*(\d+)\s*-\s*(\d+)\s*", text)
    if not m:
        raise EditRefused(f"{option} {text!r}: give FIRST-LAST, 1-based line numbers (e.g. 43-97)")
    a, b = int(m.group(1)), int(m.group(2))
    if not 1 <= a <= b:
        raise EditRefused(f"{option} {text}: FIRST must be at least 1 and not after LAST")
    return a, b


def _line_of(lines: list[str], text: str) -> int:
    want = _strip(text)
    exact = [n for n, raw in enumerate(lines, 1) if _strip(raw) == want]
    if exact:
        return exact[0]
    return next((n for n, raw in enumerate(lines, 1) if want and want in _strip(raw)), 0)


def add_source(root: Path, request: Request, cwd: Path, dry_run: bool = False) -> Outcome:
    _, name = locate(root, request.path, cwd)
    data = read_bytes(root, f"{SEEDS}/{name}")
    if isinstance(data, Refusal):
        raise EditRefused(data.message)
    sha = hashlib.sha256(data).hexdigest()
    why = already_indexed(root, name, sha)
    if why is not None:
        raise EditRefused(why)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EditRefused(
            f"{SEEDS}/{name} is not UTF-8 text (byte {exc.start}); save the article as UTF-8"
        ) from None
    if not _strip(request.outlet):
        raise EditRefused("--outlet is empty: give the outlet as it names itself (e.g. 뉴스1)")
    lines = text.split("\n")
    # A final line break ends the last line; it does not start another (`wc -l` counts so, and so
    # does an editor): a file of 14 lines ending in a line break has no line 15.
    count = len(lines) - 1 if text.endswith("\n") else len(lines)
    proposal = Proposal(f"{SEEDS}/{name}", sha, count, lines=lines)
    outcome = Outcome("incomplete", proposal)

    # Headline and body.
    if request.headline is not None:
        proposal.headline_line = _line_of(lines, request.headline)
        if not proposal.headline_line:
            raise EditRefused(f"--headline does not occur in {SEEDS}/{name}; copy it exactly from the file")
        proposal.headline = _strip(request.headline)
    else:
        proposal.headline_line, reason = propose_headline(lines, request.outlet)
        if not proposal.headline_line:
            raise EditRefused(
                f"no headline found in {SEEDS}/{name}: give --headline (copied exactly from the file)"
            )
        proposal.headline = _strip(lines[proposal.headline_line - 1])
        proposal.body_why = reason
    if request.body_lines is not None:
        proposal.first, proposal.last = _range(request.body_lines, "--body-lines")
        if proposal.last > count:
            raise EditRefused(f"--body-lines {request.body_lines}: the file has {count} lines")
        proposal.body_why = "--body-lines"
    else:
        proposal.first = proposal.headline_line
        proposal.last, end_why = propose_end(lines, proposal.first)
        if not proposal.last:
            raise EditRefused(f"cannot tell where the article ends: give --body-lines {proposal.first}-LAST")
        proposal.body_why = f"from the headline to {end_why}"
    if request.no_omit:
        proposal.omits = []
    elif request.omit:
        proposal.omits = []
        for item in request.omit:
            a, b = _range(item, "--omit")
            if b > count:
                raise EditRefused(f"--omit {item}: the file has {count} lines")
            proposal.omits.append(
                Omit(a, b, _strip(" / ".join(_strip(lines[k - 1]) for k in range(a, b + 1)))[:80])
            )
    else:
        proposal.omits = propose_omits(lines, proposal.first, proposal.last, request.outlet)

    # Dates, reporter, outlet evidence.
    proposal.dates = dates_on(lines, proposal.first, proposal.last)
    if request.reporter is not None:
        proposal.reporter, proposal.reporter_line = (
            _strip(request.reporter),
            _line_of(lines, request.reporter),
        )
    else:
        proposal.reporter, proposal.reporter_line = propose_reporter(lines, proposal.first, proposal.last)
    if request.outlet_evidence is not None:
        proposal.outlet_evidence = _strip(request.outlet_evidence)
        proposal.outlet_evidence_line = _line_of(lines, request.outlet_evidence)
    elif request.outlet_note is None:
        proposal.outlet_evidence, proposal.outlet_evidence_line = propose_outlet_evidence(
            lines, proposal.first, proposal.last, request.outlet
        )

    # ID.
    if request.id is not None:
        if not _ID.match(request.id):
            raise EditRefused(
                f"--id '{request.id}': lowercase letters, digits and single hyphens (e.g. news1-2020-12-07)"
            )
        proposal.id, proposal.id_why = request.id, "--id"

    if request.published is None:
        outcome.message = "give --published YYYY-MM-DD: the article's own date (not an edit's, the weather bar's or the crawl's)"
        if proposal.outlet_evidence is None and request.outlet_note is None:
            outcome.message += f"; and --outlet-note: the page does not name '{request.outlet}'"
        return outcome
    try:
        published = date.fromisoformat(request.published)
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", request.published):
            raise ValueError
    except ValueError:
        raise EditRefused(f"--published {request.published!r}: give the date as YYYY-MM-DD") from None
    if request.published_evidence is not None:
        n = _line_of(lines, request.published_evidence)
        if not n:
            raise EditRefused(
                f"--published-evidence does not occur in {SEEDS}/{name}; copy it exactly from the file"
            )
        proposal.published = DateSeen(published, _strip(request.published_evidence), n, "given", True)
    else:
        matching = [d for d in proposal.dates if d.day == published]
        if not matching:
            raise EditRefused(
                f"no date on the page reads {published.isoformat()}: give --published-evidence (the text of the file "
                "the date is read from, e.g. a dateline or photo credit) and --published-note (how it was derived)"
            )
        proposal.published = matching[0]
    if proposal.published.kind != "published" and request.published_note is None:
        raise EditRefused(
            f"{published.isoformat()} is not printed under a publication label (입력, 등록, 승인 …) but as "
            f"{proposal.published.describe()}: add --published-note saying how the article's date follows from it"
        )
    if proposal.outlet_evidence is None and request.outlet_note is None:
        raise EditRefused(
            f"the page does not name '{request.outlet}': give --outlet-evidence (the text of the file that names the "
            "outlet, e.g. its copyright line) or --outlet-note (how the outlet was identified)"
        )
    if not proposal.id:
        slug, slug_why = outlet_slug(root, request.outlet)
        if slug is None:
            if slug_why:  # a look-alike of a known outlet
                raise EditRefused(f"the outlet '{request.outlet}' is not known{slug_why}")
            raise EditRefused(
                f"no ID slug known for the outlet '{request.outlet}': give --id <slug>-{published.isoformat()} "
                "(the slug in lowercase latin letters, e.g. the outlet's web site name)"
            )
        taken = set(load_sources(root).sources)
        candidate, k = f"{slug}-{published.isoformat()}", 2
        while candidate in taken:
            candidate, k = f"{slug}-{published.isoformat()}-{k}", k + 1
        proposal.id, proposal.id_why = candidate, f"{slug_why}, and --published"

    entry: dict[str, object] = {
        "id": proposal.id,
        "file": name,
        "sha256": sha,
        "outlet": _strip(request.outlet),
    }
    if proposal.outlet_evidence is not None:
        entry["outlet_evidence"] = proposal.outlet_evidence
    if request.outlet_note is not None:
        entry["outlet_note"] = _strip(request.outlet_note)
    entry["headline"] = proposal.headline
    entry["published"] = published.isoformat()
    entry["published_evidence"] = proposal.published.evidence
    if request.published_note is not None:
        entry["published_note"] = _strip(request.published_note)
    if proposal.reporter:
        entry["reporter"] = proposal.reporter
    if request.url is not None:
        entry["url"] = request.url.strip()
    body: dict[str, object] = {"first_line": proposal.first, "last_line": proposal.last}
    if proposal.omits:
        body["omit"] = [{"first_line": o.first, "last_line": o.last, "what": o.what} for o in proposal.omits]
    entry["body"] = body
    outcome.entry = entry

    header = None
    if not (root / INDEX).exists():
        header = (
            MODELINE.format(schema="../schema/sources.schema.json")
            + "\n# The sources index (schema/sources.schema.json).\n"
        )
    planned = plan_append(root, INDEX, "sources", entry, header)
    outcome.planned = planned
    after = check_as_if(root, planned)
    problems = new_problems(root, after)
    added = after.sources.get(proposal.id)
    if problems or added is None or not added.usable:
        outcome.status = "refused"
        outcome.problems = problems
        outcome.message = "not written: the entry would make problems in the registry"
        return outcome
    if not dry_run:
        write(root, planned)
    outcome.status = "written"
    return outcome
