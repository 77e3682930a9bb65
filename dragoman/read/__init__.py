"""Readers: plain text, JSON Lines and CSV inputs become :class:`Article` records."""

from . import rules
from .article import Article, ReadFailure
from .files import read_inputs

__all__ = ["Article", "ReadFailure", "read_inputs", "rules"]
