"""The typed models of every content file, one class per file kind and nested item.

Unknown keys are errors (``extra="forbid"``) and nothing is coerced (``strict=True``): a mistake an
author makes is reported, never silently repaired.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, model_validator

from generator.load.fields import Markdown, PartialDate, Slug, Text, Url


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


OrganizationKind = Literal[
    "intergovernmental", "government", "state-media", "news-outlet", "wire-service", "ngo",
    "armed-group", "research", "other",
]
Assessment = Literal["accurate", "misleading", "misattributed", "unsupported", "false", "opinion"]
Stance = Literal["supports", "contradicts", "context"]

class Source(Strict):
    title: Text
    url: Url


class Organization(Strict):
    name: Text
    kind: OrganizationKind
    country: Text | None = None
    url: Url | None = None
    about: Markdown
    sources: list[Source] = []


class Technique(Strict):
    name: Text
    summary: Markdown
    ask: Text


class Question(Strict):
    """A question is written as a string or as ``{text, teacher_notes}``."""

    text: Markdown
    teacher_notes: Markdown | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        return {"text": value} if isinstance(value, str) else value


class Dated(Strict):
    date: PartialDate
    text: Markdown


class TimelineEntry(Dated):
    url: Url | None = None


class Correction(Dated):
    pass


class Article(Strict):
    title: Text
    publisher: Slug
    author: Text | None = None
    url: Url
    archive_url: Url | None = None
    published: PartialDate
    language: Text = Field(default="en", pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
    summary: Markdown
    rights: Markdown | None = None
    objectives: list[Markdown] = []
    questions: list[Question] = []
    timeline: list[TimelineEntry] = []


class Claimant(Strict):
    name: Text
    role: Text | None = None
    organization: Slug | None = None


class Evidence(Strict):
    title: Text
    publisher: Slug
    url: Url
    archive_url: Url | None = None
    date: PartialDate | None = None
    stance: Stance
    summary: Markdown | None = None
    caveat: Markdown | None = None


class CounterStatement(Strict):
    organization: Slug
    speaker: Text | None = None
    date: PartialDate | None = None
    statement: Markdown
    url: Url


class Claim(Strict):
    claim: Text
    claimant: Claimant
    date: PartialDate | None = None
    quote: Text
    occurrence: StrictInt | None = Field(default=None, ge=1)
    assessment: Assessment | None = None
    techniques: list[Slug] = []
    context: Markdown
    analysis: Markdown | None = None
    evidence: list[Evidence] = []
    counter_statements: list[CounterStatement] = []
    questions: list[Question] = []
    corrections: list[Correction] = []
