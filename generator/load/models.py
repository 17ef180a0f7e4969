"""The typed models of every content file, one class per file kind and nested item.

Unknown keys are errors (``extra="forbid"``) and nothing is coerced (``strict=True``): a mistake an
author makes is reported, never silently repaired.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, model_validator

from generator.load.fields import FullDate, Markdown, PartialDate, PastDate, PastFullDate, Slug, Text, Url


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


OrganizationKind = Literal[
    "intergovernmental",
    "government",
    "state-media",
    "news-outlet",
    "wire-service",
    "ngo",
    "armed-group",
    "research",
    "other",
]
# The assessment labels a card may give, and the name each is shown with: the one list of them.
ASSESSMENTS = {
    "accurate": "Accurate", "misleading": "Misleading", "misattributed": "Misattributed",
    "unsupported": "Unsupported", "false": "False", "opinion": "Opinion",
}
# What `explainer new claim` writes as the quote, for the author to replace.
PLACEHOLDER_QUOTE = "copy the exact passage from original.txt here"
Assessment = Literal[tuple(ASSESSMENTS)]  # type: ignore[valid-type]
Stance = Literal["supports", "contradicts", "context"]


def literal_false_allowed(schema: dict[str, Any]) -> None:
    """A bare `false` is a yes-or-no value to YAML, but as an assessment it can only mean the label:
    the loader takes the word as written (``content.py``), and so does the editor's schema."""
    schema["anyOf"].insert(1, {"const": False, "description": "the label `false`, written without quotes"})


class Dated(Strict):
    date: PartialDate
    text: Markdown


def archive_url_field() -> Any:
    return Field(default=None, description="An archived copy of the source (http or https)")


def accessed_field() -> Any:
    return Field(default=None, description="The date the author last opened the source, e.g. 2026-11-28")


class TimelineEntry(Dated):
    url: Url | None = None
    archive_url: Url | None = archive_url_field()
    accessed: FullDate | None = accessed_field()


class Correction(Dated):
    date: PastDate  # a correction cannot come from the future, where it would head the feed for good


def corrections_field(of: str) -> Any:
    return Field(default=[], description=f"What was changed in {of} after publication, and when")


class Source(Strict):
    title: Text
    url: Url
    archive_url: Url | None = archive_url_field()
    accessed: FullDate | None = accessed_field()


class Organization(Strict):
    name: Text = Field(description="Full name, with any usual abbreviation: World Health Organization (WHO)")
    kind: OrganizationKind = Field(description="What kind of body it is")
    country: Text | None = Field(default=None, description="Country it is based in, if any")
    url: Url | None = Field(default=None, description="Its website (http or https)")
    archive_url: Url | None = archive_url_field()
    accessed: FullDate | None = accessed_field()
    about: Markdown = Field(
        description="Markdown: who is behind it, how it is funded, its stake in the story"
    )
    sources: list[Source] = Field(default=[], description="Where the profile's facts come from")
    corrections: list[Correction] = corrections_field("the profile")


class Technique(Strict):
    name: Text = Field(description="Name of the technique, e.g. Loaded language")
    summary: Markdown = Field(description="Markdown: what it is and why it works")
    ask: Text = Field(description="The question a reader should ask when they meet it")


class Question(Strict):
    """A question is written as a string or as ``{text, teacher_notes}``."""

    accepts_text: ClassVar[bool] = True  # read by validate.py

    text: Markdown = Field(description="The question (Markdown)")
    teacher_notes: Markdown | None = Field(default=None, description="Notes for teachers (Markdown)")

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        return {"text": value} if isinstance(value, str) else value

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> dict[str, Any]:
        as_object = handler.resolve_ref_schema(handler(core_schema))
        return {"anyOf": [{"type": "string", "minLength": 1}, as_object]}


class Article(Strict):
    title: Text = Field(description="Headline as published ([a descriptive title] in brackets if unknown)")
    publisher: Slug = Field(description="Organization id of the publisher (from organizations.yaml)")
    author: Text | None = Field(default=None, description="Byline as credited")
    url: Url = Field(description="Where this text was published or captured (say which in rights)")
    archive_url: Url | None = archive_url_field()
    accessed: FullDate | None = accessed_field()
    published: PartialDate = Field(description="Publication date, as precise as is known")
    language: Text = Field(
        description="Language of original.txt (BCP 47: en, de, ar, he, zh-Hant, ...)",
        default="en",
        pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$",
    )
    summary: Markdown = Field(description="Markdown: what a reader should know before reading")
    rights: Markdown | None = Field(default=None, description="Markdown: why and how the text is reproduced")
    objectives: list[Markdown] = Field(default=[], description="Learning objectives (Markdown)")
    questions: list[Question] = Field(
        default=[], description="Discussion questions: text, or {text, teacher_notes}"
    )
    timeline: list[TimelineEntry] = Field(default=[], description="What happened next")
    lesson: list[Markdown] = Field(
        default=[], description="The teacher guide's lesson, a step each (Markdown); a generic one if absent"
    )
    corrections: list[Correction] = corrections_field("the article's page")

    @property
    def descriptive_title(self) -> bool:
        """A title in square brackets is the site's description of an untitled text, in the site's
        language, not a headline in the article's."""
        return self.title.startswith("[")


class Claimant(Strict):
    name: Text = Field(description="Person or body who made the claim")
    role: Text | None = Field(default=None, description="Their position")
    organization: Slug | None = Field(default=None, description="Organization id (from organizations.yaml)")


class Evidence(Strict):
    title: Text = Field(description="Title of the source")
    publisher: Slug = Field(description="Organization id of the publisher")
    url: Url
    archive_url: Url | None = archive_url_field()
    accessed: FullDate | None = accessed_field()
    date: PartialDate | None = None
    stance: Stance = Field(description="Whether it supports or contradicts the claim, or gives context")
    summary: Markdown | None = Field(default=None, description="Markdown: what it shows, in your own words")
    caveat: Markdown | None = Field(
        default=None, description="Markdown: reliability caveat (repost, state media, unconfirmed, ...)"
    )


class CounterStatement(Strict):
    organization: Slug = Field(description="Organization id of the body that spoke")
    speaker: Text | None = Field(default=None, description="Person and role")
    date: PartialDate | None = None
    statement: Markdown = Field(description="Their words in quotation marks, or a faithful paraphrase")
    url: Url
    archive_url: Url | None = archive_url_field()
    accessed: FullDate | None = accessed_field()


class Claim(Strict):
    claim: Text = Field(description="The claim restated in one neutral sentence")
    claimant: Claimant = Field(description="Who made the claim")
    date: PartialDate | None = Field(default=None, description="When the claim was made")
    quote: Text = Field(description="The passage of original.txt this card annotates")
    occurrence: StrictInt | None = Field(
        description="Which match, when the quote occurs more than once (1-based)", default=None, ge=1
    )
    assessment: Assessment | None = Field(default=None, description="One-word assessment",
                                          json_schema_extra=literal_false_allowed)
    techniques: list[Slug] = Field(default=[], description="Technique ids (from techniques.yaml)")
    context: Markdown = Field(description="Markdown: the short note set beside the text")
    analysis: Markdown | None = Field(
        default=None, description="Markdown: the longer explanation on the claim's own page"
    )
    evidence: list[Evidence] = Field(default=[], description="Sources, primary ones first")
    counter_statements: list[CounterStatement] = Field(
        default=[], description="What other bodies said about the claim"
    )
    questions: list[Question] = Field(
        default=[], description="Questions for students: text, or {text, teacher_notes}"
    )
    reviewed: PastFullDate | None = Field(
        default=None, description="When this note was published or last reviewed in full, e.g. 2026-11-28")
    corrections: list[Correction] = corrections_field("the note")
