"""Watchers turn sources (live channels, feeds, archive files) into canonical messages.

They know sources and formats and nothing of classification or storage.
"""

from watchers.message import Message, format_datetime, parse_datetime

__all__ = ["Message", "format_datetime", "parse_datetime"]
