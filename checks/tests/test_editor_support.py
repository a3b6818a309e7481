"""Editor support: modelines, schemas that explain themselves, the vocabulary's keys as enums, VS Code.

Every registry file is validated here by an independent validator, check-jsonschema, against the
schema its first line names: what an editor's YAML extension would show is what the checker accepts.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from checks.checker import check
from checks.claims import claims_files
from checks.cli import main
from checks.schema_vocabulary import CLAIMS_SCHEMA, REGENERATE, generated_claims_schema, without_vocabulary
from checks.vocabulary import load_vocabulary

PROJECT = Path(__file__).resolve().parents[2]
MODELINE = re.compile(r"# yaml-language-server: \$schema=(?P<schema>\S+)")
SCHEMAS = sorted((PROJECT / "schema").glob("*.schema.json"))


def registry_files(root: Path) -> list[Path]:
    """Every registry YAML file: claims/ (claims, resolutions and any other), the index, the vocabulary."""
    found = [p for p in (root / "claims").rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()]
    return sorted([*found, root / "seeds" / "sources.yaml", root / "schema" / "vocabulary.yaml"])


def expected_schema(root: Path, file: Path) -> str | None:
    """The schema a file must name, where the checker decides it (other claims/ files: their own)."""
    rel = file.relative_to(root).as_posix()
    fixed = {
        "claims/resolutions.yaml": "resolutions.schema.json",
        "claims/skips.yaml": "skips.schema.json",
        "seeds/sources.yaml": "sources.schema.json",
        "schema/vocabulary.yaml": "vocabulary.schema.json",
    }
    if rel in fixed:
        return fixed[rel]
    return "claims.schema.json" if file in claims_files(root) else None


def modeline_schema(file: Path) -> Path:
    first = file.read_text(encoding="utf-8").split("\n", 1)[0]
    match = MODELINE.fullmatch(first)
    assert match, (
        f"{file.relative_to(PROJECT)}: the first line must be `# yaml-language-server: $schema=<path>`"
    )
    return (file.parent / match["schema"]).resolve()


@pytest.mark.parametrize("file", registry_files(PROJECT), ids=lambda p: p.relative_to(PROJECT).as_posix())
def test_every_registry_file_names_its_schema_in_its_first_line(file: Path) -> None:
    schema = modeline_schema(file)
    assert schema.parent == PROJECT / "schema" and schema.is_file(), schema
    wanted = expected_schema(PROJECT, file)
    if wanted is not None:
        assert schema.name == wanted


def check_jsonschema(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", *args], capture_output=True, text=True, check=False
    )


def test_every_registry_file_passes_check_jsonschema_against_its_modeline_schema() -> None:
    by_schema: dict[Path, list[str]] = {}
    for file in registry_files(PROJECT):
        by_schema.setdefault(modeline_schema(file), []).append(str(file))
    assert len(by_schema) >= 4
    for schema, files in sorted(by_schema.items()):
        done = check_jsonschema("--schemafile", str(schema), *files)
        assert done.returncode == 0, done.stdout + done.stderr


def test_check_jsonschema_rejects_a_key_missing_from_the_vocabulary(tmp_path: Path) -> None:
    # The enum is live: an independent validator refuses what completion would not offer.
    claims = (PROJECT / "claims" / "newsway-2022-01-19.yaml").read_text(encoding="utf-8")
    assert "subject: lg-ai-research\n" in claims
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        claims.replace("subject: lg-ai-research\n", "subject: lg-ai-reserch\n", 1), encoding="utf-8"
    )
    done = check_jsonschema("--schemafile", str(PROJECT / CLAIMS_SCHEMA), str(bad))
    assert done.returncode == 1
    assert "lg-ai-reserch" in done.stdout


def test_schemas_are_valid_under_their_metaschema() -> None:
    done = check_jsonschema("--check-metaschema", *map(str, SCHEMAS))
    assert done.returncode == 0, done.stdout + done.stderr


# --- titles, descriptions, examples ------------------------------------------------------------------


def properties_of(schema: dict[str, Any], at: str = "#") -> list[tuple[str, dict[str, Any]]]:
    """Every named property of every object in a schema, with its JSON pointer."""
    found: list[tuple[str, dict[str, Any]]] = []
    for name, sub in schema.get("properties", {}).items():
        found.append((f"{at}/properties/{name}", sub))
        found.extend(properties_of(sub, f"{at}/properties/{name}"))
    for name, sub in schema.get("$defs", {}).items():
        found.extend(properties_of(sub, f"{at}/$defs/{name}"))
    for key in ("items", "additionalProperties"):
        if isinstance(schema.get(key), dict):
            found.extend(properties_of(schema[key], f"{at}/{key}"))
    return found


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_every_property_has_a_title_a_description_and_examples_that_validate(path: Path) -> None:
    schema = json.loads(path.read_text(encoding="utf-8"))
    found = properties_of(schema)
    assert len(found) >= 3
    root = jsonschema.validators.validator_for(schema)(schema)
    for pointer, sub in found:
        for key in ("title", "description", "examples"):
            assert sub.get(key), f"{path.name} {pointer} has no {key}"
        # Each example must itself be valid there: a wrong example would teach editors a wrong form.
        probe = root.evolve(schema=sub)  # refs inside still resolve against the whole schema
        for example in sub["examples"]:
            errors = [e.message for e in probe.iter_errors(example)]
            assert errors == [], f"{path.name} {pointer} example {example!r}: {errors}"


# --- the vocabulary's keys as enums ----------------------------------------------------------------


def test_claims_schema_lists_the_vocabulary_keys_in_step() -> None:
    committed = (PROJECT / CLAIMS_SCHEMA).read_text(encoding="utf-8")
    assert committed == generated_claims_schema(PROJECT), (
        f"{CLAIMS_SCHEMA} is out of step with schema/vocabulary.yaml: run `{REGENERATE}` and commit it"
    )
    # And in step means: exactly the vocabulary's keys, labelled (checked here without the generator).
    claim = json.loads(committed)["$defs"]["claim"]["properties"]
    vocabulary = load_vocabulary(PROJECT)
    for field, table in (
        ("subject", vocabulary.subjects),
        ("property", vocabulary.properties),
        ("unit", vocabulary.units),
    ):
        assert claim[field]["enum"] == sorted(table)
        assert claim[field]["enumDescriptions"][0] == f"{table[min(table)].ko} ({table[min(table)].en})"


def test_schema_command_finds_and_fixes_a_stale_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "registry"
    for folder in ("schema", "seeds", "claims"):
        shutil.copytree(PROJECT / folder, root / folder)
    with (root / "schema" / "vocabulary.yaml").open("a", encoding="utf-8") as vocabulary:
        vocabulary.write("  lightyear: {ko: 광년, en: light years}\n")
    assert main(["schema", "--check", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"{CLAIMS_SCHEMA} is out of step with schema/vocabulary.yaml. Regenerate it with `{REGENERATE}` and commit it.\n"
    )
    assert main(["schema", "--write", "--root", str(root)]) == 0
    assert capsys.readouterr().out == f"wrote {CLAIMS_SCHEMA}\n"
    units = json.loads((root / CLAIMS_SCHEMA).read_text(encoding="utf-8"))["$defs"]["claim"]["properties"][
        "unit"
    ]
    assert "lightyear" in units["enum"] and "광년 (light years)" in units["enumDescriptions"]
    assert main(["schema", "--check", "--root", str(root)]) == 0


def test_schema_command_refuses_a_broken_vocabulary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "registry"
    shutil.copytree(PROJECT / "schema", root / "schema")
    (root / "schema" / "vocabulary.yaml").write_text("subjects: {}\n", encoding="utf-8")
    before = (root / CLAIMS_SCHEMA).read_bytes()
    assert main(["schema", "--write", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert "schema/vocabulary.yaml:" in err and "missing the required field 'properties'" in err
    assert (root / CLAIMS_SCHEMA).read_bytes() == before


def test_the_checker_ignores_the_enums_and_speaks_itself(tmp_path: Path) -> None:
    """An unknown key gives one located problem with a suggestion, never the schema's list of keys."""
    assert (
        "enum"
        not in without_vocabulary(json.loads((PROJECT / CLAIMS_SCHEMA).read_text()))["$defs"]["claim"][
            "properties"
        ]["subject"]
    )
    root = tmp_path / "registry"
    for folder in ("schema", "seeds", "claims", "reports"):
        shutil.copytree(PROJECT / folder, root / folder)
    file = root / "claims" / "newsway-2022-01-19.yaml"
    text = file.read_text(encoding="utf-8")
    line = text.split("subject: lg-ai-research\n", 1)[0].count("\n") + 1
    file.write_text(
        text.replace("subject: lg-ai-research\n", "subject: lg-ai-reserch\n", 1)
        .replace("unit: person\n", "unit: persons\n", 1)
        .replace("property: headcount\n", "property: head-count\n", 1),
        encoding="utf-8",
    )
    found = [p for p in check(root).problems if p.path == "claims/newsway-2022-01-19.yaml"]
    problems = [(p.path, p.code, p.message) for p in found]
    assert problems[0] == (
        "claims/newsway-2022-01-19.yaml",
        "unknown-subject",
        "subject 'lg-ai-reserch' is not in the vocabulary; did you mean 'lg-ai-research'?",
    )
    assert found[0].line == line
    codes = sorted(code for _, code, _ in problems)
    assert codes.count("invalid-value") == 0
    assert {"unknown-subject", "unknown-property", "unknown-unit"} <= set(codes)


# --- VS Code -----------------------------------------------------------------------------------------


def test_vscode_associates_each_registry_file_with_the_schema_its_modeline_names() -> None:
    settings = json.loads((PROJECT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    associations: dict[str, list[str]] = settings["yaml.schemas"]
    for file in registry_files(PROJECT):
        rel = file.relative_to(PROJECT).as_posix()
        matching = [
            schema
            for schema, globs in associations.items()
            if any(
                fnmatch(rel, g.replace("**/", "")) or fnmatch(rel, g) for g in globs if not g.startswith("!")
            )
            and not any(fnmatch(rel, g[1:]) for g in globs if g.startswith("!"))
        ]
        assert [(PROJECT / m).resolve() for m in matching] == [modeline_schema(file)], rel
    extensions = json.loads((PROJECT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def test_schema_command_prints_the_schema_it_would_write(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--root", str(PROJECT)]) == 0
    assert capsys.readouterr().out == (PROJECT / CLAIMS_SCHEMA).read_text(encoding="utf-8")
    assert main(["schema", "--check", "--root", str(PROJECT)]) == 0
    assert capsys.readouterr().out == f"{CLAIMS_SCHEMA} is in step with the vocabulary\n"


@pytest.mark.parametrize(
    "rel",
    [
        "claims/new-2024-01-02.yaml",
        "claims/new-2024-01-02.yml",
        "claims/by-desk/economy.yaml",
        "claims/by-desk/a.yml",
    ],
)
def test_vscode_gives_the_claims_schema_to_every_file_the_checker_reads_as_claims(
    rel: str, tmp_path: Path
) -> None:
    # The checker reads .yaml and .yml files anywhere under claims/ as claims files
    # (checks.claims.claims_files); a new one, before it has a modeline, gets the schema from the settings.
    (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / rel).write_text("claims: []\n", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in claims_files(tmp_path)] == [rel]
    settings = json.loads((PROJECT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    matching = [
        schema
        for schema, globs in settings["yaml.schemas"].items()
        if any(fnmatch(rel, g) or fnmatch(rel, g.replace("**/", "")) for g in globs if not g.startswith("!"))
        and not any(fnmatch(rel, g[1:]) for g in globs if g.startswith("!"))
    ]
    assert matching == ["./schema/claims.schema.json"]


def test_vscode_opens_evidence_and_generated_files_read_only() -> None:
    """The articles are evidence (pinned by sha256) and the report and the problem list are written
    by commands: the editor refuses to change them by hand (VS Code's files.readonlyInclude)."""
    settings = json.loads((PROJECT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    read_only = [glob for glob, on in settings["files.readonlyInclude"].items() if on is True]
    untouchable = [
        *(p.relative_to(PROJECT).as_posix() for p in sorted((PROJECT / "seeds").glob("*.txt"))),
        "reports/conflicts.md",
        "docs/problems.md",
    ]
    assert len(untouchable) > 2
    for rel in untouchable:
        assert any(fnmatch(rel, glob) for glob in read_only), rel
    for rel in ("seeds/sources.yaml", "claims/skips.yaml", "schema/vocabulary.yaml", "README.md"):
        assert not any(fnmatch(rel, glob) for glob in read_only), rel
