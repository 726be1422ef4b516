"""Parser for ``t.me/s/<channel>`` web-preview pages (saved files and live polls alike).

Uses the standard library's tolerant HTML parser: a truncated page yields the posts that were
complete, never an exception.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from html.parser import HTMLParser

from watchers.message import Message, parse_datetime

_WS = re.compile(r"[ \t\r\n\f\v]+")
_MEDIA_CLASSES = {
    "tgme_widget_message_photo_wrap": "photo",
    "tgme_widget_message_video_player": "video",
    "tgme_widget_message_roundvideo_player": "round_video",
    "tgme_widget_message_voice_player": "voice",
    "tgme_widget_message_document_wrap": "file",
    "tgme_widget_message_poll": "poll",
    "tgme_widget_message_sticker_wrap": "sticker",
}


@dataclass(slots=True)
class TmePost:
    """One post as the preview shows it."""

    channel: str
    id: str
    date: datetime | None = None
    url: str | None = None
    text: str = ""
    views: str | None = None
    edited: bool = False
    forwarded_from: str | None = None
    media: list[str] = field(default_factory=list)
    complete: bool = False

    def to_message(self) -> Message:
        if self.date is None:
            raise ValueError("post has no time")
        return Message(
            source=f"t.me/{self.channel}",
            id=self.id,
            date=self.date,
            text=self.text,
            url=self.url or f"https://t.me/{self.channel}/{self.id}",
            edited=self.date if self.edited else None,
            forwarded_from=self.forwarded_from,
            extra={"views": self.views, "media": list(self.media), "edited_mark": self.edited},
        )


@dataclass(slots=True)
class TmePage:
    """The posts of one page, oldest first, and the ``before`` id of the next older page."""

    channel: str | None
    posts: list[TmePost]
    before: str | None
    cut: TmePost | None = None  # a post the page ends inside (a truncated save or download)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.posts: list[TmePost] = []
        self.before: str | None = None
        self.channel: str | None = None
        self._post: TmePost | None = None
        self._depth = 0  # div depth inside the current post
        self._text_depth: int | None = None
        self._skip_depth: int | None = None  # inside a reply quote or link preview
        self._meta_depth: int | None = None
        self._views = False
        self._fwd = False
        self._chunks: list[str] = []
        self._meta_chunks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        classes = set(a.get("class", "").split())
        if tag == "a" and "tme_messages_more" in classes and a.get("data-before"):
            self.before = a["data-before"]
        if tag == "link" and a.get("rel") == "canonical":
            m = re.match(r"/s/([A-Za-z0-9_]+)", a.get("href", ""))
            if m:
                self.channel = m.group(1)
        if self._post is None:
            if tag == "div" and "tgme_widget_message" in classes and "/" in a.get("data-post", ""):
                channel, _, post_id = a["data-post"].partition("/")
                self._post = TmePost(channel=channel, id=post_id)
                self._depth = 1
                self._chunks = []
            return
        post = self._post
        if tag == "div":
            self._depth += 1
            if self._skip_depth is None and (
                classes & {"tgme_widget_message_reply", "tgme_widget_message_link_preview"}
            ):
                self._skip_depth = self._depth
            elif (
                self._skip_depth is None
                and self._text_depth is None
                and "tgme_widget_message_text" in classes
                and not post.text
            ):
                self._text_depth = self._depth
        if tag == "a" and "tgme_widget_message_link_preview" in classes:
            self._skip_depth = self._skip_depth or -1  # anchors are not counted; ends at </a>
        if tag == "br" and self._text_depth is not None and self._skip_depth is None:
            self._chunks.append(_BR)
        if tag == "time" and a.get("datetime") and post.date is None:
            try:
                post.date = parse_datetime(a["datetime"])
            except ValueError:
                post.date = None
        if tag == "a" and "tgme_widget_message_date" in classes:
            post.url = a.get("href") or None
        if tag == "span" and "tgme_widget_message_views" in classes:
            self._views = True
        if tag == "span" and "tgme_widget_message_meta" in classes:
            self._meta_depth = 1
            self._meta_chunks = []
        elif tag == "span" and self._meta_depth is not None:
            self._meta_depth += 1
        if "tgme_widget_message_forwarded_from_name" in classes:
            href = a.get("href", "")
            m = re.match(r"https?://t\.me/([A-Za-z0-9_]+)", href)
            if m:
                post.forwarded_from = f"t.me/{m.group(1)}"
            else:
                self._fwd = True
        for cls, kind in _MEDIA_CLASSES.items():
            if cls in classes and kind not in post.media:
                post.media.append(kind)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag != "br" and tag != "img":
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        post = self._post
        if post is None:
            return
        if tag == "a" and self._skip_depth == -1:
            self._skip_depth = None
        if tag == "span":
            self._views = False
            self._fwd = False
            if self._meta_depth is not None:
                self._meta_depth -= 1
                if self._meta_depth == 0:
                    self._meta_depth = None
                    if "edited" in " ".join(self._meta_chunks).lower():
                        post.edited = True
        if tag != "div":
            return
        if self._skip_depth == self._depth:
            self._skip_depth = None
        if self._text_depth == self._depth:
            self._text_depth = None
            post.text = _clean_text("".join(self._chunks))
        self._depth -= 1
        if self._depth == 0:
            post.complete = True
            self.posts.append(post)
            self._post = None

    def handle_data(self, data: str) -> None:
        post = self._post
        if post is None:
            return
        if self._text_depth is not None and self._skip_depth is None:
            self._chunks.append(data)
        if self._views:
            post.views = data.strip() or post.views
        if self._meta_depth is not None:
            self._meta_chunks.append(data)
        if self._fwd and data.strip() and post.forwarded_from is None:
            post.forwarded_from = data.strip()


_BR = "\u2028"  # stands for <br> until the source's own line breaks are folded away


def _clean_text(raw: str) -> str:
    folded = _WS.sub(" ", raw)  # newlines in the HTML source are not line breaks
    lines = [line.strip() for line in folded.split(_BR)]
    return "\n".join(lines).strip()


def parse_tme_page(html: str) -> TmePage:
    """Parse one page. A post cut off by a truncated page is left out of ``posts`` and named in
    ``cut`` (a live poll reads it complete next time; a saved file reports it)."""
    parser = _Parser()
    parser.feed(html)
    parser.close()
    posts = [p for p in parser.posts if p.complete]
    channel = parser.channel or (posts[0].channel if posts else None)
    return TmePage(channel=channel, posts=posts, before=parser.before, cut=parser._post)


def looks_like_tme_page(head: str) -> bool:
    return "tgme_widget_message" in head or "tgme_channel_info" in head
