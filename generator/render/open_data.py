"""The shape of ``/claims.json``, as models: its JSON Schema, ``/claims.schema.json``, is made from
them, reusing the content models for what a card holds, so the data and its schema cannot drift
apart unnoticed (``tests/test_open_data.py`` validates every built ``claims.json`` against it)."""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from generator.load.fields import FullDate, PartialDate
from generator.load.models import Assessment, Claimant, Correction, CounterStatement, Evidence


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ArticleRecord(Record):
    id: str = Field(description="The article's id: its folder name")
    title: str
    url: str = Field(description="Where the original text was published")
    published: PartialDate
    publisher: str = Field(description="Organization id of the publisher")
    language: str = Field(description="BCP 47 language tag of the original text")
    archive_url: str | None
    accessed: FullDate | None
    page: str = Field(description="The reading page on this site")
    corrections: list[Correction]


class Anchor(Record):
    paragraph: int = Field(ge=1, description="Paragraph of original.txt (1-based)")
    line: int = Field(ge=1, description="Line of original.txt (1-based)")
    start: int = Field(ge=0, description="Start of the passage in its paragraph as shown (a quotation "
                                         "without its `> `), in characters")
    end: int = Field(ge=0, description="End of the passage in its paragraph as shown, in characters")
    type: Literal["TextQuoteSelector"]
    exact: str
    prefix: str
    suffix: str


class ClaimRecord(Record):
    id: str = Field(description="The card's id: its file name without extension")
    article: str = Field(description="Id of the article the card annotates")
    url: str = Field(description="The claim's own page")
    note_url: str = Field(description="The note on the reading page")
    claim: str
    claimant: Claimant
    date: PartialDate | None
    assessment: Assessment | None
    techniques: list[str]
    quote: str
    anchor: Anchor
    context: str = Field(description="Markdown")
    reviewed: FullDate | None
    evidence: list[Evidence]
    counter_statements: list[CounterStatement]
    corrections: list[Correction]


class ClaimsFile(Record):
    articles: list[ArticleRecord]
    claims: list[ClaimRecord]


YEAR_AS_NUMBER = {"type": "integer", "minimum": 1000, "maximum": 9999}


def without_year_numbers(node: Any) -> Any:
    """A card may give a year as a bare number (YAML reads ``2018`` so); the data always writes text."""
    if isinstance(node, dict):
        if "anyOf" in node and YEAR_AS_NUMBER in node["anyOf"]:
            node = {**node, "anyOf": [branch for branch in node["anyOf"] if branch != YEAR_AS_NUMBER]}
        return {key: without_year_numbers(value) for key, value in node.items()}
    if isinstance(node, list):
        return [without_year_numbers(item) for item in node]
    return node


def claims_schema(schema_id: str) -> str:
    """``/claims.schema.json``: JSON Schema (2020-12) of ``/claims.json``."""
    schema: dict[str, Any] = {"$schema": "https://json-schema.org/draft/2020-12/schema"}
    if schema_id:
        schema["$id"] = schema_id
    schema.update(without_year_numbers(ClaimsFile.model_json_schema(mode="serialization")))
    schema["title"] = "claims.json"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
