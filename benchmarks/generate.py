"""Generate a synthetic registry root, as large as asked, that `claims check` accepts.

    .venv/bin/python benchmarks/generate.py OUT --articles 10000 --claims-per-article 10

Deterministic: the same arguments (and --seed) give the same bytes on any machine. OUT gets:

* seeds/: one article per file (the index stays under the checker's 16 MiB file limit up to about
  30,000 articles, 300,000 claims; a larger registry would need its index split), 3-5 KB of Korean news-like text with page furniture (navigation,
  a weather bar, related articles, a copyright line) around the body and a photo caption and an
  advertisement inside it, left out of the body by `omit`; seeds/sources.yaml pins each by sha256.
* claims/<source-id>.yaml: the claims each article states, in the real format (modeline, comments,
  blank lines between claims, a folded note now and then): amounts in 조/억/만 with qualifiers
  (이상, 약, 최대, 여), paired amounts (1억 달러(약 1200억원)), headcounts, years, percentages,
  image and corpus counts, times stated in the quote (as_of + as_of_text).
* many outlets reporting the same things (subject, property) at a few times, mostly agreeing, some
  a little apart (discrepancies), a few far apart (contradictions), one of them resolved in
  claims/resolutions.yaml: comparison has large groups to judge.
* schema/: the project's schemas and vocabulary, the vocabulary extended with the synthetic subjects.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from checks.schema_vocabulary import generated_claims_schema

PROJECT = Path(__file__).resolve().parent.parent

OUTLETS = [
    ("이투데이", "etoday.co.kr"),
    ("뉴스1", "news1.kr"),
    ("뉴스웨이", "newsway.co.kr"),
    ("노컷뉴스", "nocutnews.co.kr"),
    ("인사이트코리아", "insightkorea.co.kr"),
    ("한국경제", "hankyung.com"),
    ("매일경제", "mk.co.kr"),
    ("서울경제", "sedaily.com"),
    ("머니투데이", "mt.co.kr"),
    ("아시아경제", "asiae.co.kr"),
    ("헤럴드경제", "heraldcorp.com"),
    ("파이낸셜뉴스", "fnnews.com"),
    ("전자신문", "etnews.com"),
    ("디지털타임스", "dt.co.kr"),
    ("조선비즈", "biz.chosun.com"),
    ("연합뉴스", "yna.co.kr"),
    ("이데일리", "edaily.co.kr"),
    ("뉴시스", "newsis.com"),
    ("비즈니스포스트", "businesspost.co.kr"),
    ("지디넷코리아", "zdnet.co.kr"),
]
REPORTERS = [
    "김민수",
    "이지숙",
    "정상훈",
    "박서연",
    "최준호",
    "한예진",
    "윤재석",
    "강다은",
    "조현우",
    "임수빈",
]
FIELDS = ["AI", "바이오", "클린테크", "배터리", "반도체", "로봇", "전장", "신약", "소재", "데이터센터"]
LABELS = {
    "founding-date": "설립",
    "investment-plan": "신사업 투자 계획",
    "optimization-time-cut": "AI 공정 최적화",
    "visit-duration": "해외 연구소 방문",
    "investment-plan-period": "중장기 투자 계획",
}
TIMES = [2021, 2022, 2023]  # the few times changing figures are reported at


@dataclass(frozen=True)
class Kind:
    """A kind of figure: the property it states, its unit, and how a sentence states it."""

    prop: str
    unit: str
    changes: bool  # stated with a time (as_of) in the quote


KINDS = [
    Kind("headcount", "person", True),
    Kind("founding-date", "date", False),
    Kind("investment-plan", "KRW", False),
    Kind("announced-investment-to-date", "KRW", True),
    Kind("training-image-count", "sheet", True),
    Kind("training-corpus-size", "item", True),
    Kind("valuation", "USD", True),
    Kind("optimization-time-cut", "percent", False),
    Kind("visit-duration", "day", False),
    Kind("investment-plan-period", "year", False),
]


def won(n_eok: int) -> str:
    """An amount of 억 원 as Korean prints it: 36000 -> 3조6000억."""
    jo, eok = divmod(n_eok, 10000)
    return (f"{jo}조" if jo else "") + (f"{eok}억" if eok else "")


def figure(kind: Kind, base: int, variant: int, rng: random.Random) -> tuple[str, str]:
    """(as_written, the words around it) for one outlet's statement of a thing's figure."""
    v = base + variant
    if kind.unit == "person":
        form = rng.choice(["약 {v}명", "{v}여명", "{v}명", "{v}명 이상"])
        return form.format(v=v), "인력은"
    if kind.prop == "founding-date":
        return f"{1950 + base % 70 + variant}년", "설립 연도는"
    if kind.prop == "investment-plan-period":
        return f"{3 + base % 5 + variant}년간", "투자 기간은"
    if kind.unit == "KRW":
        amount = won(v * 100)
        form = rng.choice(["{a} 원", "{a}원 이상", "약 {a} 원", "최대 {a} 원", "{a}원"])
        return form.format(a=amount), "투자 규모는"
    if kind.unit == "sheet":
        v += 100  # at least 1억
        return (
            f"{v // 100}억{v % 100 * 100}만 장 이상" if v % 100 else f"{v // 100}억 장 이상"
        ), "학습 이미지는"
    if kind.unit == "item":
        return f"{v * 10}억 개 이상", "학습 말뭉치는"
    if kind.unit == "USD":
        return f"{v}억 달러(약 {won(v * 13)}원)", "기업가치는"
    if kind.unit == "percent":
        return rng.choice(["{v}% 이상", "약 {v}%", "{v}%"]).format(v=10 + v % 80), "단축률은"
    return f"{1 + v % 20}일", "방문 기간은"


FILLER = [
    "업계에서는 이번 발표가 그룹 차원의 중장기 전략과 맞닿아 있다는 평가가 나온다.",
    "회사 측은 구체적인 일정과 세부 계획은 추후 공개하겠다고 밝혔다.",
    "한 업계 관계자는 경쟁사들도 비슷한 행보를 보이고 있어 주도권 다툼이 치열해질 전망이라고 말했다.",
    "전문가들은 단기 실적보다는 장기적인 기술 경쟁력 확보에 무게를 둬야 한다고 조언했다.",
    "행사에는 주요 계열사 최고경영자와 연구진이 참석해 성과를 공유했다.",
    "그는 고객이 체감할 수 있는 가치를 만드는 것이 무엇보다 중요하다고 강조했다.",
    "시장조사업체들은 관련 시장이 매년 두 자릿수 성장을 이어갈 것으로 내다봤다.",
    "회사는 국내외 대학 및 연구기관과의 협력도 확대할 계획이다.",
    "다만 글로벌 경기 둔화와 금리 변동성은 여전히 변수로 꼽힌다.",
    "관계자는 인재 확보와 데이터 인프라 구축에 집중하고 있다고 설명했다.",
    "이번 조치로 그룹 내 연구개발(R&D) 역량이 한층 강화될 것으로 기대된다.",
    "업계는 후속 투자 여부와 사업화 속도에 주목하고 있다.",
]


def furniture_top(outlet: str, domain: str, published: date, rng: random.Random) -> list[str]:
    temps = " ".join(
        f"{c} {rng.randint(-5, 30)}.{rng.randint(0, 9)}℃" for c in ("서울", "부산", "대구", "광주")
    )
    return [
        f"{outlet} | 전체기사 | 경제 | 산업 | IT·과학 | 오피니언 | 로그인 | 회원가입",
        temps,
        f"{published.year}년 {published.month}월 {published.day}일 {'월화수목금토일'[published.weekday()]}요일",
        "",
    ]


def furniture_bottom(outlet: str, domain: str, rng: random.Random) -> list[str]:
    related = [f"· {rng.choice(FIELDS)} 사업 재편 가속…투자 {rng.randint(2, 9)}조 전망" for _ in range(3)]
    popular = [f"{n}. {rng.choice(FIELDS)} 관련주 {rng.randint(3, 29)}% 급등" for n in range(1, 6)]
    return [
        "",
        f"<저작권자 © {outlet}, 무단 전재 및 재배포 금지>",
        "",
        "관련기사",
        *related,
        "",
        "많이 본 뉴스",
        *popular,
        "",
        f"{outlet} | 주소: 서울특별시 중구 세종대로 {rng.randint(1, 200)} | 등록번호: 서울 아{rng.randint(10000, 99999)}",
        f"Copyright © {domain}. All rights reserved.",
    ]


def build(out: Path, articles: int, per_article: int, seed: int = 11) -> dict[str, int]:
    rng = random.Random(seed)
    if out.exists() and any(out.iterdir()):
        raise SystemExit(f"{out} exists and is not empty; choose a new folder")
    for folder in ("seeds", "claims", "schema", "reports"):
        (out / folder).mkdir(parents=True, exist_ok=True)
    for schema in sorted((PROJECT / "schema").glob("*.json")):
        shutil.copyfile(schema, out / "schema" / schema.name)

    # About 50 claims per thing at any size: large groups for the comparison to judge.
    subjects = [f"company-{n:04d}" for n in range(max(4, articles * per_article // (50 * len(KINDS))))]
    bases = {(s, k.prop): rng.randint(10, 900) for s in subjects for k in KINDS}
    vocab = (PROJECT / "schema" / "vocabulary.yaml").read_text(encoding="utf-8")
    extra = "".join(f"  {s}: {{ko: 가상기업{s[-4:]}, en: Company {s[-4:]}}}\n" for s in subjects)
    (out / "schema" / "vocabulary.yaml").write_text(
        vocab.replace("\nsubjects:\n", "\nsubjects:\n" + extra, 1), encoding="utf-8"
    )

    index = [
        "# yaml-language-server: $schema=../schema/sources.schema.json\n",
        "# Synthetic sources generated by benchmarks/generate.py: do not edit.\n",
        "sources:\n",
    ]
    start = date(2021, 1, 4)
    contradiction_key = None
    claims_total = 0
    skips = ["# yaml-language-server: $schema=../schema/skips.schema.json\n", "skips:\n"]
    for a in range(articles):
        outlet, domain = OUTLETS[a % len(OUTLETS)]
        published = start + timedelta(days=(a * 37) % (3 * 365))
        slug = domain.split(".")[0].replace("biz", "chosunbiz")
        sid = f"{slug}-{published.isoformat()}-{a:06d}"
        headline = f"{rng.choice(FIELDS)}·{rng.choice(FIELDS)} 중심 미래 설계 가속…기사 {a}호"
        reporter = rng.choice(REPORTERS)
        top = furniture_top(outlet, domain, published, rng)
        dateline = f"입력 {published:%Y.%m.%d} {rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}"
        # The dateline stands inside the body, as on real pages; like the curated registry, each
        # article skips it with a reason, so that the registry's coverage is complete.
        skips.append(
            f"  - source: {sid}\n    quote: '{dateline}'\n    figure: '{published:%Y.%m.%d}'\n"
            "    reason: page-furniture\n    note: the dateline\n"
        )
        body = [
            headline,
            dateline,
            f"{reporter} 기자",
            "",
        ]
        things = rng.sample([(s, k) for s in subjects for k in KINDS], per_article)
        claims_yaml = [
            "# yaml-language-server: $schema=../schema/claims.schema.json\n",
            f'# Claims stated by {outlet}, {published.isoformat()}: "{headline}"\n',
            "claims:\n",
        ]
        omit_at: str | None = None
        for c, (subject, kind) in enumerate(things):
            base = bases[(subject, kind.prop)]
            roll = rng.random()
            # Mostly agreeing; a few a little apart; a handful far apart.
            variant = 0 if roll < 0.94 else (1 if roll < 0.995 else 200)
            as_written, words = figure(kind, base, variant, rng)
            name = f"가상기업{subject[-4:]}"
            if kind.changes:
                year = TIMES[(a + c) % len(TIMES)]
                time_words = f"{year}년 말 기준"
                sentence = f"{name}의 {time_words} {words} {as_written}으로 집계됐다."
            else:
                time_words = None
                sentence = f"{name}의 {LABELS[kind.prop]} 관련 {words} {as_written}이다."
            body.append(f"{rng.choice(FILLER)} {sentence}" if rng.random() < 0.4 else sentence)
            if c == per_article // 2:
                omit_at = f"(사진={outlet} 제공) {name} 연구소 전경 {rng.randint(2, 9)}층 규모"
                body.append(omit_at)
                body.append("[광고] 지금 구독하면 첫 달 무료")
            quote = sentence.rstrip(".")
            claim = [
                f"  - id: {sid}.c{c:02d}-{kind.prop}\n",
                f"    source: {sid}\n",
                f"    quote: {quote}\n",
                f"    subject: {subject}\n",
                f"    property: {kind.prop}\n",
                f"    as_written: {as_written}\n",
                f"    unit: {kind.unit}\n",
            ]
            if time_words:
                claim += [f"    as_of: '{year}'\n", f"    as_of_text: {time_words}\n"]
            if c % 7 == 3:
                claim += [
                    "    note: >-\n",
                    f"      The article states this figure once; {outlet} cites the company's own\n",
                    "      announcement. Kept for the comparison across outlets.\n",
                ]
            claims_yaml.append(("\n" if c else "") + "".join(claim))
            if variant == 200 and kind.prop == "founding-date" and contradiction_key is None:
                contradiction_key = f"{subject}/founding-date@undated"
        body.append("")
        body.append(f"{reporter} 기자 reporter{a % 97}@{domain}")
        bottom = furniture_bottom(outlet, domain, rng)
        size = sum(len(x.encode()) + 1 for x in top + body + bottom)
        target = rng.randint(3000, 5000)
        while size < target - 200:  # filler paragraphs until the article is 3-5 KB
            paragraph = rng.choice(FILLER)
            at = rng.randint(4, len(body) - 2)
            if body[at - 1] == omit_at:  # never between the caption and the advertisement
                at -= 1
            body.insert(at, paragraph)
            size += len(paragraph.encode()) + 1
        lines = top + body + bottom
        text = "\n".join(lines) + "\n"
        first = len(top) + 1
        last = len(top) + len(body)
        name = f"{a:06d}_{hashlib.sha256(sid.encode()).hexdigest()[:16]}.txt"
        data = text.encode("utf-8")
        (out / "seeds" / name).write_bytes(data)
        omit = ""
        if omit_at is not None:
            at = len(top) + body.index(omit_at) + 1
            omit = (
                "      omit:\n"
                f"        - first_line: {at}\n"
                f"          last_line: {at + 1}\n"
                "          what: caption, advertisement\n"
            )
        index.append(
            ("\n" if a else "")
            + f"  - id: {sid}\n    file: {name}\n    sha256: {hashlib.sha256(data).hexdigest()}\n"
            f"    outlet: {outlet}\n"
            f"    headline: {headline}\n    published: '{published.isoformat()}'\n"
            f"    published_evidence: 입력 {published:%Y.%m.%d}\n    reporter: {reporter}\n"
            f"    body:\n      first_line: {first}\n      last_line: {last}\n{omit}"
        )
        (out / "claims" / f"{sid}.yaml").write_text("".join(claims_yaml), encoding="utf-8")
        claims_total += per_article
    (out / "seeds" / "sources.yaml").write_text("".join(index), encoding="utf-8")
    resolutions = [
        "# yaml-language-server: $schema=../schema/resolutions.schema.json\n",
        "resolutions:\n" if contradiction_key else "resolutions: []\n",
    ]
    if contradiction_key:
        resolutions.append(
            f"  - group: {contradiction_key}\n    status: open\n"
            "    note: >-\n      One outlet gives a founding year two centuries off; asked the company.\n"
        )
    (out / "claims" / "resolutions.yaml").write_text("".join(resolutions), encoding="utf-8")
    (out / "claims" / "skips.yaml").write_text("".join(skips), encoding="utf-8")
    # The claims schema with this registry's own vocabulary as enums (`claims schema --write`), so
    # that an editor, or the peer benchmarks/run.py measures, validates against the registry's keys.
    (out / "schema" / "claims.schema.json").write_text(generated_claims_schema(out), encoding="utf-8")
    return {"articles": articles, "claims": claims_total, "subjects": len(subjects)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path, help="the folder to create (must not exist or be empty)")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--claims-per-article", type=int, default=10)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    if args.articles < 1 or not 1 <= args.claims_per_article <= 50:
        parser.error("--articles must be at least 1 and --claims-per-article between 1 and 50")
    counts = build(args.out, args.articles, args.claims_per_article, args.seed)
    print(
        f"{args.out}: {counts['articles']:,} articles, {counts['claims']:,} claims, {counts['subjects']:,} subjects"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
