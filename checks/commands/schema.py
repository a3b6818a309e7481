"""`claims schema`: the claims schema with the vocabulary's keys, for editors' completion.

schema/claims.schema.json lists the subjects, properties and units of schema/vocabulary.yaml as
enums, so that an editor (VS Code with the YAML extension, or any yaml-language-server client)
offers them. After changing the vocabulary, run `claims schema --write` and commit both files.
"""

from __future__ import annotations

import argparse
import sys

from . import EXIT_OK, EXIT_PROBLEMS, add_root_option, registry_root

NAME = "schema"
HELP = "regenerate the vocabulary's keys in schema/claims.schema.json (for editors' completion)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_root_option(parser)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help="write schema/claims.schema.json (atomically)")
    mode.add_argument(
        "--check", action="store_true", help="exit 1 if the committed schema is out of step; write nothing"
    )


def run(args: argparse.Namespace) -> int:
    from ..report import write_atomically
    from ..schema_vocabulary import CLAIMS_SCHEMA, REGENERATE, VocabularyUnusable, generated_claims_schema

    root = registry_root(args.root)
    try:
        text = generated_claims_schema(root)
    except VocabularyUnusable as exc:
        sys.stderr.write(
            f"{exc}\nclaims schema: the vocabulary has problems; fix them (see `claims check`) first\n"
        )
        return EXIT_PROBLEMS
    path = root / CLAIMS_SCHEMA
    if args.check:
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current != text:
            state = "missing" if current is None else "out of step with schema/vocabulary.yaml"
            sys.stderr.write(
                f"{CLAIMS_SCHEMA} is {state}. Regenerate it with `{REGENERATE}` and commit it.\n"
            )
            return EXIT_PROBLEMS
        sys.stdout.write(f"{CLAIMS_SCHEMA} is in step with the vocabulary\n")
        return EXIT_OK
    if args.write:
        write_atomically(path, text)
        sys.stdout.write(f"wrote {CLAIMS_SCHEMA}\n")
        return EXIT_OK
    sys.stdout.write(text)
    return EXIT_OK
