"""A note's lead: the first sentence of its context, split cautiously in any script."""

from __future__ import annotations

import pytest

from generator.render.sentences import lead_and_rest


@pytest.mark.parametrize(("context", "lead"), [
    ("The quotation is accurate. The speaker was the spokeswoman.", "The quotation is accurate."),
    ('He said "it is over." Then he left.', 'He said "it is over."'),
    ("Was it staged? Nobody showed it.", "Was it staged?"),
    ("Broadly right (as AFP said. Later too.) about control. Unattributed.",
     "Broadly right (as AFP said. Later too.) about control."),
    ("See [the report. Its annex](https://example.org/a.b) first. Then more.",
     "See [the report. Its annex](https://example.org/a.b) first."),
    ("La citation est exacte. Le porte-parole l'a dit.", "La citation est exacte."),
    ("Цитата точная. Её подтвердил ТАСС.", "Цитата точная."),
    ("الاقتباس دقيق. قاله المتحدث.", "الاقتباس دقيق."),
    ("この発言は正確です。報道官が述べた。", "この発言は正確です。"),
    ("यह सही है। प्रवक्ता ने कहा।", "यह सही है।"),
    ("*Mostly* right. More here.", "*Mostly* right."),
    ("This is **strong.** Next one.", "This is **strong.**"),
    ("彼は「嘘だ。」と言った。次の文。", "彼は「嘘だ。」と言った。"),
    ("政府（注。）は否定した。次。", "政府（注。）は否定した。"),
    ("Il a dit « Fin. Vraiment. » Puis il est parti. Ensuite rien.", "Il a dit « Fin. Vraiment. » Puis il est parti."),
    ("Lavrov said it on 29 August 2018. According to TASS, more.", "Lavrov said it on 29 August 2018."),
])
def test_the_lead_is_the_first_sentence(context: str, lead: str) -> None:
    head, rest = lead_and_rest(context)
    assert head == lead
    assert rest and (head + " " + rest).replace(" ", "") == context.replace(" ", "")


@pytest.mark.parametrize("context", [
    "Said by Dr. Smith on Monday, and nothing else",
    "The U.S. State Department said so, and nobody else",
    "A. Writer wrote it, and nobody else",
    "Published on 10. September, a German date, with nothing after",
    "Lower case follows. and so this is one sentence",
    "One sentence only.",
    "*An emphasis. Across two* sentences stays whole",
    "- A list. Of things.\n- Another.",
    "> A quotation. In two sentences.",
    "A reference [link][1]. Then more.\n\n[1]: https://example.org/",
    "Code `a. B` inside, with no end",
    "This is **strong. Still** going",
    "Three points matter. 1. The first is X. 2. The second",
    "See this. # Not a heading",
    "One thing. - Not a list item",
    "!!! note\n    Admonition body. More inside.",
    '??? note "Title. Here"\n    Body. More.',
    "Term\n:   A definition. More of it.",
    "The *[HTML] abbreviation. Then more.\n\n*[HTML]: Hyper Text Markup Language",
])
def test_no_split_where_a_sentence_may_not_end(context: str) -> None:
    assert lead_and_rest(context) == (context.strip(), "")


def test_the_rest_keeps_later_paragraphs() -> None:
    head, rest = lead_and_rest("First one. Second one.\n\nA new paragraph.")
    assert head == "First one."
    assert rest == "Second one.\n\nA new paragraph."


def test_a_one_sentence_first_paragraph_leads_and_later_paragraphs_follow() -> None:
    assert lead_and_rest("Only this.\n\nAnd this.") == ("Only this.", "And this.")
