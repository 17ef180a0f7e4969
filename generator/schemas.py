"""JSON Schemas of every content file kind, generated from the models for editors.

With the YAML extension of VS Code (or any editor using yaml-language-server), an author gets
completion, hover help and red squiggles as they type. ``tests/test_schemas.py`` fails when the
files in ``schema/`` drift from the models; ``explainer schema`` rewrites them.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from generator.load.fields import SLUG
from generator.load.models import Article, Claim, Organization, Technique

SCHEMA_DIR = "schema"
BASE_URI = "https://explainer.invalid/schema/"  # an id only; nothing is fetched from it


def model_schema(model: type[BaseModel], title: str) -> dict[str, Any]:
    schema = model.model_json_schema()
    schema["title"] = title
    return schema


def registry_schema(model: type[BaseModel], title: str) -> dict[str, Any]:
    """``organizations.yaml`` / ``techniques.yaml``: ids (slugs) mapped to entries."""
    entry = model.model_json_schema()
    definitions = entry.pop("$defs", {})
    schema: dict[str, Any] = {
        "title": title,
        "type": ["object", "null"],
        "propertyNames": {"pattern": f"^{SLUG}$"},
        "additionalProperties": entry,
    }
    if definitions:
        schema["$defs"] = definitions
    return schema


def all_schemas() -> dict[str, dict[str, Any]]:
    schemas = {
        "article.schema.json": model_schema(Article, "article.yaml"),
        "claim.schema.json": model_schema(Claim, "Claim card (claims/<claim-id>.yaml)"),
        "organizations.schema.json": registry_schema(Organization, "organizations.yaml"),
        "techniques.schema.json": registry_schema(Technique, "techniques.yaml"),
        "glossary.schema.json": {
            "title": "glossary.yaml",
            "type": ["object", "null"],
            "additionalProperties": {"type": "string", "minLength": 1},
        },
    }
    for name, schema in schemas.items():
        schemas[name] = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                         "$id": BASE_URI + name, **schema}
    return schemas


def render_schema(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
