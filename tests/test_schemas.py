"""Editor support: the JSON Schemas in ``schema/`` match the models and accept valid content."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from generator.schemas import all_schemas, render_schema

from helpers import EXAMPLE_CONTENT, REPO, explainer, minimal_content

SCHEMA = REPO / "schema"


@pytest.mark.parametrize("name", sorted(all_schemas()))
def test_committed_schema_matches_the_models(name: str) -> None:
    """Fails when a model changes without `explainer schema` being run."""
    assert (SCHEMA / name).read_text(encoding="utf-8") == render_schema(all_schemas()[name])


def validate(schema_name: str, path: Path) -> None:
    schema = json.loads((SCHEMA / schema_name).read_text(encoding="utf-8"))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema, format_checker=None).validate(_dates_as_text(data))


def _dates_as_text(value):
    """An editor's YAML 1.2 parser reads 2018-08-29 as text; PyYAML (YAML 1.1) reads a date."""
    if isinstance(value, dict):
        return {k: _dates_as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(v) for v in value]
    return value.isoformat() if hasattr(value, "isoformat") else value


def test_example_content_satisfies_the_schemas() -> None:
    validate("organizations.schema.json", EXAMPLE_CONTENT / "organizations.yaml")
    validate("techniques.schema.json", EXAMPLE_CONTENT / "techniques.yaml")
    validate("glossary.schema.json", EXAMPLE_CONTENT / "glossary.yaml")
    for article in (EXAMPLE_CONTENT / "articles").iterdir():
        validate("article.schema.json", article / "article.yaml")
        for card in (article / "claims").glob("*.yaml"):
            validate("claim.schema.json", card)


def test_schema_catches_an_unknown_field_as_an_editor_would(tmp_path: Path) -> None:
    card = tmp_path / "c.yaml"
    card.write_text("claim: x\nclaimant: {name: y}\nquote: z\ncontext: w\ncontxt: typo\n", encoding="utf-8")
    with pytest.raises(jsonschema.ValidationError, match="contxt"):
        validate("claim.schema.json", card)


def test_scaffolded_files_point_at_their_schema(tmp_path: Path) -> None:
    minimal_content(tmp_path / "content")
    assert explainer("new", "article", "fresh", cwd=tmp_path).returncode == 0
    assert explainer("new", "claim", "fresh", "first", cwd=tmp_path).returncode == 0
    article = tmp_path / "content/articles/fresh/article.yaml"
    claim = tmp_path / "content/articles/fresh/claims/first.yaml"
    assert article.read_text(encoding="utf-8").splitlines()[0] == (
        "# yaml-language-server: $schema=../../../schema/article.schema.json")
    assert claim.read_text(encoding="utf-8").splitlines()[0] == (
        "# yaml-language-server: $schema=../../../../schema/claim.schema.json")
    for path, name in ((article, "article.schema.json"), (claim, "claim.schema.json")):
        target = (path.parent / path.read_text(encoding="utf-8").split("$schema=")[1].split("\n")[0]).resolve()
        assert target == (tmp_path / "schema" / name).resolve()


def test_explainer_schema_writes_the_files(tmp_path: Path) -> None:
    result = explainer("schema", "out", cwd=tmp_path)
    assert result.returncode == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(all_schemas())
