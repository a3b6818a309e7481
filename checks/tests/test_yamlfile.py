"""Unit tests of `checks.yamlfile.read_yaml`: positions, refusals and never raising."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.yamlfile import MAX_DEPTH, Node, YamlFile, read_yaml


def codes(result: YamlFile) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.code) for p in result.problems]


def read(text: str | bytes) -> YamlFile:
    result = read_yaml(text, "claims/x.yaml")
    assert isinstance(result, YamlFile)
    assert all(p.path == "claims/x.yaml" for p in result.problems)
    return result


def node_at(root: Node | None, *path: str | int) -> Node:
    assert root is not None
    node, found = root.deepest(list(path))
    assert found, path
    return node


# --- plain values and positions -----------------------------------------------------------------------


def test_plain_values_and_positions_of_nested_values() -> None:
    text = (
        "claims:\n"  # 1
        "  - id: a-b\n"  # 2
        "    quote: 지난해 3분기 기준\n"  # 3
        "    nested:\n"  # 4
        "      deeper: [1, two, {k: v}]\n"  # 5
    )
    result = read(text)
    assert result.problems == []
    assert result.root is not None
    assert result.root.plain() == {
        "claims": [{"id": "a-b", "quote": "지난해 3분기 기준", "nested": {"deeper": [1, "two", {"k": "v"}]}}]
    }
    assert (result.root.line, result.root.column) == (1, 1)
    claims = node_at(result.root, "claims")
    assert (claims.line, claims.column) == (2, 3)  # the block sequence starts at its first dash
    claim = node_at(result.root, "claims", 0)
    assert (claim.line, claim.column) == (2, 5)
    quote = node_at(result.root, "claims", 0, "quote")
    assert (quote.line, quote.column) == (3, 12)
    assert quote.style is None
    deeper = node_at(result.root, "claims", 0, "nested", "deeper")
    assert (deeper.line, deeper.column) == (5, 15)
    assert [(n.line, n.column) for n in deeper.value] == [(5, 16), (5, 19), (5, 24)]
    k = node_at(result.root, "claims", 0, "nested", "deeper", 2, "k")
    assert (k.line, k.column, k.value) == (5, 28, "v")


def test_columns_count_characters_not_bytes() -> None:
    result = read("quote: 한국어 텍스트\nnext: 출범 당시 값\n")
    assert result.root is not None
    assert (node_at(result.root, "next").line, node_at(result.root, "next").column) == (2, 7)
    # A key after Korean text on the same line, in a flow mapping: columns are characters.
    result = read("{가나다: 라마, 바사: 아}\n")
    assert result.root is not None
    assert result.root.keys == {"가나다": (1, 2), "바사": (1, 11)}
    assert node_at(result.root, "바사").column == 15


def test_key_positions_are_recorded() -> None:
    result = read("claims:\n  - id: x\n    source: y\n")
    claim = node_at(result.root, "claims", 0)
    assert claim.keys == {"id": (2, 5), "source": (3, 5)}
    assert result.root is not None and result.root.keys == {"claims": (1, 1)}


def test_scalar_styles_are_kept() -> None:
    result = read("a: plain\nb: 'single'\nc: \"double\"\nd: |\n  lit\ne: >-\n  fold\n  ed\n")
    assert result.problems == []
    assert result.root is not None
    styles = {k: v.style for k, v in result.root.value.items()}
    assert styles == {"a": None, "b": "'", "c": '"', "d": "|", "e": ">"}
    assert result.root.plain() == {"a": "plain", "b": "single", "c": "double", "d": "lit\n", "e": "fold ed"}
    assert (node_at(result.root, "e").line, node_at(result.root, "e").column) == (6, 4)  # at the '>'


def test_deepest_returns_the_deepest_existing_ancestor() -> None:
    result = read("a:\n  b: [x]\n")
    assert result.root is not None
    node, found = result.root.deepest(["a", "b", 3])
    assert not found and node.value[0].value == "x"
    node, found = result.root.deepest(["a", "missing", "more"])
    assert not found and node is result.root.get("a")
    node, found = result.root.deepest([])
    assert found and node is result.root


def test_get_on_non_mapping_is_none() -> None:
    result = read("- a\n")
    assert result.root is not None
    assert result.root.get("a") is None


# --- scalars: what YAML 1.1 would misread -------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "plain"),
    [
        ("12", 12),
        ("0", 0),
        ("-7", -7),
        ("+5", 5),
        ("true", True),
        ("False", False),
        ("TRUE", True),
        ("null", None),
        ("~", None),
        ("NULL", None),
        ("2020-12", "2020-12"),
        ("2023-Q3", "2023-Q3"),
        ("1,000", "1,000"),
        ("128명", "128명"),
        ("'on'", "on"),
        ('"2020-12-07"', "2020-12-07"),
        ("'012'", "012"),
    ],
)
def test_unambiguous_scalars(value: str, plain: object) -> None:
    result = read(f"a: {value}\n")
    assert result.problems == []
    assert result.root is not None
    assert result.root.plain() == {"a": plain}
    assert type(result.root.plain()["a"]) is type(plain)


def test_empty_value_is_null() -> None:
    result = read("a:\nb: 1\n")
    assert result.problems == []
    assert result.root is not None and result.root.plain() == {"a": None, "b": 1}


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("NO", "a boolean"),
        ("no", "a boolean"),
        ("yes", "a boolean"),
        ("Yes", "a boolean"),
        ("on", "a boolean"),
        ("Off", "a boolean"),
        ("y", None),  # PyYAML's resolver does not treat y/n as booleans
        ("2.0", "a floating-point number"),
        ("1_000", "a number in octal, hexadecimal, binary or sexagesimal form"),
        ("012", "a number in octal, hexadecimal, binary or sexagesimal form"),
        ("0x1F", "a number in octal, hexadecimal, binary or sexagesimal form"),
        ("1:30", "a number in octal, hexadecimal, binary or sexagesimal form"),
        ("2020-12-07", "a date"),
        (".inf", "a floating-point number"),
    ],
)
def test_ambiguous_scalars_are_reported_and_kept_as_text(value: str, kind: str | None) -> None:
    result = read(f"claims:\n  note: {value}\n")
    assert result.root is not None
    assert result.root.plain() == {"claims": {"note": value}}
    if kind is None:
        assert result.problems == []
        return
    assert codes(result) == [(2, 9, "ambiguous-scalar")]
    message = result.problems[0].message
    assert kind in message
    assert f"'{value}'" in message  # the quoted form to write instead


def test_ambiguous_scalars_inside_flow_sequences() -> None:
    result = read("a: [1, NO, on, 'off']\n")
    assert codes(result) == [(1, 8, "ambiguous-scalar"), (1, 12, "ambiguous-scalar")]
    assert result.root is not None and result.root.plain() == {"a": [1, "NO", "on", "off"]}


def test_keys_stay_text() -> None:
    # YAML 1.1 reads a key `on:` as True, `1:` as 1, `null:` as None: keys are kept as written.
    result = read("on: 1\n1: x\nnull: y\nyes: z\n")
    assert result.problems == []
    assert result.root is not None
    assert result.root.plain() == {"on": 1, "1": "x", "null": "y", "yes": "z"}


def test_block_and_quoted_scalars_are_never_ambiguous() -> None:
    result = read("a: |\n  yes\nb: >-\n  2020-12-07\nc: 'NO'\nd: \"1:30\"\n")
    assert result.problems == []
    assert result.root is not None
    assert result.root.plain() == {"a": "yes\n", "b": "2020-12-07", "c": "NO", "d": "1:30"}


# --- refusals ------------------------------------------------------------------------------------------


def test_duplicate_keys() -> None:
    result = read("a:\n  b: 1\n  c: 2\n  b: 3\n")
    assert codes(result) == [(4, 3, "duplicate-key")]
    assert "first at line 2" in result.problems[0].message
    assert result.root is not None
    assert result.root.plain() == {"a": {"b": 1, "c": 2}}  # the first value is kept


def test_duplicate_keys_in_flow_mapping_and_three_times() -> None:
    result = read("{a: 1, a: 2, a: 3}\n")
    assert codes(result) == [(1, 8, "duplicate-key"), (1, 14, "duplicate-key")]
    assert result.root is not None and result.root.plain() == {"a": 1}


def test_non_text_key_is_refused() -> None:
    result = read("[a]: b\nc: d\n")
    assert codes(result) == [(1, 1, "yaml-syntax")]
    assert result.root is not None and result.root.plain() == {"c": "d"}


def test_anchors_and_aliases() -> None:
    text = "base: &b\n  k: v\nlist:\n  - *b\n  - &s text\n  - *s\n"
    result = read(text)
    assert codes(result) == [
        (1, 7, "yaml-anchor"),
        (4, 5, "yaml-anchor"),
        (5, 5, "yaml-anchor"),
        (6, 5, "yaml-anchor"),
    ]
    assert "&b" in result.problems[0].message and "*b" in result.problems[1].message
    assert result.root is not None
    # An alias is never expanded.
    assert result.root.plain() == {"base": {"k": "v"}, "list": [None, "text", None]}


def test_billion_laughs_is_not_expanded() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for n in range(1, 9):
        prev = chr(ord("a") + n - 1)
        name = chr(ord("a") + n)
        lines.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    result = read("\n".join(lines) + "\n")
    assert {p.code for p in result.problems} == {"yaml-anchor"}
    assert result.root is not None
    assert result.root.plain()["i"] == [None] * 9


@pytest.mark.parametrize(
    ("text", "at", "shown"),
    [
        ("a: !!str 1\n", (1, 4), "!!str"),
        ("a: !!python/object:os.system x\n", (1, 4), "!!python/object:os.system"),
        ("a: !!python/object/apply:os.system [echo]\n", (1, 4), "!!python/object/apply:os.system"),
        ("a: !custom x\n", (1, 4), "!custom"),
        ("--- !!map\na: 1\n", (1, 5), "!!map"),
        ("a:\n  - !!python/name:os.system\n", (2, 5), "!!python/name:os.system"),
    ],
)
def test_tags_are_refused_and_never_constructed(text: str, at: tuple[int, int], shown: str) -> None:
    result = read(text)
    assert codes(result) == [(*at, "yaml-tag")]
    assert shown in result.problems[0].message
    assert result.root is not None
    for value in _leaves(result.root):
        assert value is None or isinstance(value, (str, int, bool))


def _leaves(node: Node) -> list[object]:
    if isinstance(node.value, dict):
        return [leaf for child in node.value.values() for leaf in _leaves(child)]
    if isinstance(node.value, list):
        return [leaf for child in node.value for leaf in _leaves(child)]
    return [node.value]


def test_multi_document() -> None:
    result = read("a: 1\n---\nb: 2\n")
    assert codes(result) == [(2, 1, "yaml-syntax")]
    assert result.root is not None and result.root.plain() == {"a": 1}  # the first document


def test_explicit_single_document_is_fine() -> None:
    result = read("%YAML 1.1\n---\na: 1\n...\n")
    assert result.problems == []
    assert result.root is not None and result.root.plain() == {"a": 1}


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("claims:\n  - id: a\n   source: b\n", (3, 4)),
        ("claims:\n\t- id: a\n", (2, 1)),
        ('a: "open\n', (2, 1)),
        ("a: b: c\n", (1, 5)),
        ("a: [1, 2\n", (2, 1)),
    ],
)
def test_syntax_errors_are_located(text: str, at: tuple[int, int]) -> None:
    result = read(text)
    assert codes(result) == [(*at, "yaml-syntax")]
    assert result.root is None


def test_syntax_error_hints() -> None:
    assert "indent with spaces" in read("claims:\n\t- id: a\n").problems[0].message
    assert "must be quoted" in read("a: b: c\n").problems[0].message
    assert "not closed" in read('a: "open\n').problems[0].message


# --- bytes, encodings, characters ----------------------------------------------------------------------


def test_bom_is_skipped_without_shifting_columns() -> None:
    result = read("\ufeffclaims: []\n".encode())
    assert result.problems == []
    assert result.root is not None and result.root.plain() == {"claims": []}
    assert node_at(result.root, "claims").column == 9


def test_bytes_and_text_read_alike() -> None:
    text = "a: 출범 당시\nb: [1, 2]\n"
    assert read(text.encode()).root == read(text).root


@pytest.mark.parametrize(
    ("data", "at", "byte"),
    [
        (b"claims:\n  - id: caf\xc3\n", (2, 12), "0xC3"),
        (b"\xff", (1, 1), "0xFF"),
        ("a: 한국\nb: 연구원\xa0".encode() + b"\xfe\n", (2, 8), "0xFE"),
        (b"a: \xed\xa0\x80\n", (1, 4), "0xED"),  # an encoded surrogate is not UTF-8
        ("quote: LG AI연구원은 ".encode() + b"\x80 2020\n", (1, 18), "0x80"),
    ],
)
def test_bad_utf8_is_located(data: bytes, at: tuple[int, int], byte: str) -> None:
    result = read(data)
    assert codes(result) == [(*at, "file-unreadable")]
    assert byte in result.problems[0].message
    assert result.root is None


@pytest.mark.parametrize(
    ("text", "at", "shown"),
    [
        ("a: \x07\n", (1, 4), "U+0007"),
        ("a: b\x00\n", (1, 5), "U+0000"),
        ("a: 1\nb: 출범\x1b당시\n", (2, 6), "U+001B"),
        ("a: '\x7f'\n", (1, 5), "U+007F"),
    ],
)
def test_control_characters_are_located(text: str, at: tuple[int, int], shown: str) -> None:
    for given_form in (text, text.encode()):
        result = read(given_form)
        assert codes(result) == [(*at, "file-unreadable")]
        assert shown in result.problems[0].message
        assert result.root is None


def test_tab_and_nbsp_inside_quoted_values_are_fine() -> None:
    result = read('a: "x\ty"\nb: x\u00a0y\n')
    assert result.problems == []
    assert result.root is not None and result.root.plain() == {"a": "x\ty", "b": "x\u00a0y"}


# --- nesting -------------------------------------------------------------------------------------------


def test_nesting_up_to_the_limit_is_fine() -> None:
    depth = MAX_DEPTH
    result = read("[" * depth + "]" * depth + "\n")
    assert result.problems == []
    node = result.root
    for _ in range(depth - 1):
        assert node is not None and len(node.value) == 1
        node = node.value[0]
    assert node is not None and node.value == []


def test_nesting_past_the_limit() -> None:
    depth = MAX_DEPTH + 1
    result = read("[" * depth + "]" * depth + "\n")
    assert codes(result) == [(1, MAX_DEPTH + 1, "yaml-too-deep")]
    assert result.root is None


def test_block_nesting_past_the_limit() -> None:
    lines = [" " * i + f"k{i}:" for i in range(MAX_DEPTH + 5)]
    result = read("\n".join(lines) + " v\n")
    # The mapping at depth MAX_DEPTH + 1 starts at its first key, on line MAX_DEPTH + 1.
    assert codes(result) == [(MAX_DEPTH + 1, MAX_DEPTH + 1, "yaml-too-deep")]


def test_hostile_depth_does_not_recurse() -> None:
    result = read("a: " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert codes(result) == [(1, 4 + MAX_DEPTH - 1, "yaml-too-deep")]


def test_block_depth_past_libyamls_own_limit() -> None:
    # LibYAML from PyYAML 6.0.4 refuses 1,000 levels before any event reaches us; the place reported
    # is still that of our own limit: the sequence at depth MAX_DEPTH + 1, as with fewer levels.
    lines = ["a:"] + [" " * (2 * i) + "-" for i in range(2_000)]
    result = read("\n".join(lines) + "\n")
    assert codes(result) == [(MAX_DEPTH + 1, 2 * (MAX_DEPTH - 1) + 1, "yaml-too-deep")]
    korean = read("가나다: " + "[" * 5_000 + "\n")
    assert codes(korean) == [(1, len("가나다: ") + MAX_DEPTH, "yaml-too-deep")]


# --- never raises --------------------------------------------------------------------------------------

_YAMLISH = st.lists(
    st.sampled_from(
        [
            "a",
            "b",
            ":",
            ": ",
            "- ",
            "  ",
            "\n",
            "\t",
            "[",
            "]",
            "{",
            "}",
            ",",
            "&x ",
            "*x",
            "!!str ",
            "!t ",
            "'",
            '"',
            "#",
            "|",
            ">",
            "---\n",
            "...\n",
            "? ",
            "%YAML 1.1\n",
            "yes",
            "2020-12-07",
            "\ufeff",
            "\x00",
            "\x07",
            "\u00a0",
            "출범",
            "\\",
            "\r",
            "\u2028",
            "0x1F",
            "@",
            "`",
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), _YAMLISH))
def test_never_raises_on_text(text: str) -> None:
    result = read_yaml(text, "f.yaml")
    assert isinstance(result, YamlFile)
    for p in result.problems:
        assert p.line >= 1 and p.column >= 1
        assert p.path == "f.yaml"
    if result.root is not None:
        result.root.plain()  # a plain value can always be built from what was read


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(), _YAMLISH.map(str.encode)))
def test_never_raises_on_bytes(data: bytes) -> None:
    result = read_yaml(data, "f.yaml")
    assert isinstance(result, YamlFile)
    for p in result.problems:
        assert p.line >= 1 and p.column >= 1
