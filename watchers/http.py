"""HTTP fetching for polled watchers: size cap, timeouts, and error translation at the edge."""

from __future__ import annotations

from dataclasses import dataclass

import aiohttp

from watchers.errors import RetryAfter, SourceError, SourceGone

USER_AGENT = "claimwatch/0.1 (+https://github.com/claimwatch)"


@dataclass
class Response:
    status: int
    url: str
    body: bytes
    headers: dict[str, str]
    history: list[tuple[int, str]]


async def fetch(session: aiohttp.ClientSession, url: str, *, headers: dict[str, str] | None = None,
                max_bytes: int = 5 * 2**20, seconds: float = 30.0) -> Response:
    """GET ``url``. 429 raises RetryAfter (Retry-After honoured), 5xx and network errors raise
    SourceError, 404/410 raise SourceGone, a body over ``max_bytes`` raises SourceError."""
    try:
        async with session.get(url, headers={"User-Agent": USER_AGENT, **(headers or {})},
                               timeout=aiohttp.ClientTimeout(total=seconds), allow_redirects=True) as resp:
            history = [(r.status, str(r.headers.get("Location", ""))) for r in resp.history]
            if resp.status == 429:
                raise RetryAfter(_retry_after(resp.headers.get("Retry-After")), f"{url}: HTTP 429")
            if resp.status in (404, 410):
                raise SourceGone(f"{url}: HTTP {resp.status}")
            if resp.status >= 500:
                raise SourceError(f"{url}: HTTP {resp.status}")
            if resp.status == 304:
                return Response(304, str(resp.url), b"", dict(resp.headers), history)
            if resp.status >= 400:
                raise SourceError(f"{url}: HTTP {resp.status}")
            declared = resp.content_length
            if declared is not None and declared > max_bytes:
                raise SourceError(f"{url}: body of {declared} bytes is over the {max_bytes}-byte limit")
            chunks: list[bytes] = []
            size = 0
            async for chunk in resp.content.iter_chunked(65536):
                size += len(chunk)
                if size > max_bytes:
                    raise SourceError(f"{url}: body over the {max_bytes}-byte limit")
                chunks.append(chunk)
            return Response(resp.status, str(resp.url), b"".join(chunks), dict(resp.headers), history)
    except (TimeoutError, aiohttp.ClientError, OSError) as exc:
        raise SourceError(f"{url}: {type(exc).__name__}: {exc}") from exc


def _retry_after(value: str | None) -> float:
    try:
        return max(1.0, float(value)) if value else 60.0
    except ValueError:
        return 60.0
