"""The interface's message catalogs: ``messages.pot`` (extracted from the templates) and one
``<language>/LC_MESSAGES/messages.po`` per language, installed with the package."""
