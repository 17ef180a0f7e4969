"""The pages' interface in the site's language (``theme.language``): gettext catalogs for the words
of the templates, and dates written the local way.

Catalogs are the ``.po`` files under ``generator/locale/`` (Babel's format), read and compiled in
memory when first needed, so no compiled file is kept beside its source. A language without a
catalog gets the English interface, as the templates write it.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import io
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

ENGLISH = "en"


def N_(text: str) -> str:
    """Marks an interface word written in the generator's code, so ``make messages`` finds it."""
    return text


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Marks a word with a plural form: ``words.counted(Nn_("%(num)s x", "%(num)s xs"), n)``."""
    return singular, plural




# How each kind of organization is named on the pages (the catalogs translate these words).
KIND_NAMES = {
    "intergovernmental": "intergovernmental", "government": "government", "state-media": "state media",
    "news-outlet": "news outlet", "wire-service": "wire service", "ngo": "NGO", "armed-group": "armed group",
    "research": "research", "other": "other",
}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def locale_folder() -> Path:
    return Path(str(resources.files("generator.locale")))


def catalog_languages() -> list[str]:
    """The languages the interface is translated into (English is the templates' own)."""
    return sorted(path.parent.parent.name for path in locale_folder().glob("*/LC_MESSAGES/messages.po"))


def catalog_for(language: str) -> str | None:
    """The catalog a language uses: its own (``pt-BR`` → ``pt_BR``), else its primary language's."""
    wanted = language.replace("-", "_")
    known = catalog_languages()
    for candidate in (wanted, wanted.split("_")[0]):
        if candidate in known:
            return candidate
    return None


@functools.cache
def translations(language: str) -> gettext.NullTranslations:
    """The gettext translations for a language; for English or a language without a catalog, the
    templates' own words."""
    name = catalog_for(language)
    if name is None:
        return gettext.NullTranslations()
    path = locale_folder() / name / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as po:
        catalog = read_po(po, locale=name)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


@dataclass(frozen=True)
class Words:
    """The interface's words in the site's language, and how that language writes counts and dates.
    Jinja's i18n extension takes it as its translations (it asks only for these two methods)."""

    language: str
    catalog: gettext.NullTranslations

    def gettext(self, message: str) -> str:
        return self.catalog.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self.catalog.ngettext(singular, plural, count)

    def counted(self, forms: tuple[str, str], count: int) -> str:
        """The plural form for ``count`` (marked with ``Nn_``), the count written the local way."""
        return self.ngettext(*forms, count) % {"num": self.number(count)}

    def number(self, value: int) -> str:
        return local_number(value, self.language)

    def date(self, value: str) -> str:
        return local_date(value, self.language)


@functools.cache
def words_for(language: str) -> Words:
    return Words(language, translations(language))


def locale_of(language: str) -> Locale | None:
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None


def local_number(value: int, language: str) -> str:
    """A count as the site's language writes it: ``1,234`` in English, ``1 234`` in French (with a
    narrow no-break space), ``1.234`` in Spanish. Digits stay 0-9 in every language, as Babel and
    the CLDR's default for Arabic write them, so counts match the dates and the theme's own numbers."""
    return format_decimal(value, locale=locale_of(language) or ENGLISH)


def local_date(value: str, language: str) -> str:
    """``2018-08-29``, ``2018-08`` or ``2018`` as the site's language writes it: ``29 August 2018``
    in English, ``29 août 2018`` in French (Babel's long form, from the CLDR)."""
    parts = value.split("-")
    locale = locale_of(language) if not language.startswith(ENGLISH) else None
    if len(parts) == 1:
        return value
    if locale is None:  # English, and any language Babel does not know
        month = MONTHS[int(parts[1]) - 1]
        return f"{int(parts[2])} {month} {parts[0]}" if len(parts) == 3 else f"{month} {parts[0]}"
    day = dt.date(int(parts[0]), int(parts[1]), int(parts[2]) if len(parts) == 3 else 1)
    if len(parts) == 3:
        return format_date(day, format="long", locale=locale)
    return format_skeleton("yMMMM", day, locale=locale)
