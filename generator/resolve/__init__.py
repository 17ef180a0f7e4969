"""Resolve: cross-references and quote anchors turn loaded content into one consistent site."""

from generator.resolve.site import Card, ResolvedArticle, Site, resolve

__all__ = ["Card", "ResolvedArticle", "Site", "resolve"]
