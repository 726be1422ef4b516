"""What ``run`` needs before it starts, shared by ``run`` and ``check`` so that both agree.

Fatal: a problem the daemon cannot work around (``run`` exits 2 naming it, ``check`` too).
Not fatal: a part the daemon leaves out and logs at start (``check`` lists it as a warning).
"""

from __future__ import annotations

from bot.config import Config
from watchers.errors import ConfigError


def fatal_problems(config: Config) -> list[ConfigError]:
    """Why ``run`` would refuse to start with ``config``; empty when it would start."""
    problems: list[ConfigError] = []
    bot = config.telegram_bot
    if bot.enabled and bot.token() is None:
        # delivery asked for but impossible: alerts would be raised for chats that never get them
        chats = ", ".join(str(c) for c in bot.chat_ids())
        problems.append(ConfigError(
            f"alerts go to chat {chats} but the environment variable {bot.token_env} holding the bot token is not "
            "set (set it, or remove chat_id and routes to print alerts instead)",
            path=config.path, key="telegram_bot.chat_id" if bot.chat_id is not None else "telegram_bot.routes"))
    if config.web.enabled:
        from bot.web.serve import where_to_listen

        try:
            where_to_listen(config)  # off loopback without its token: refused before anything starts
        except ConfigError as exc:
            problems.append(exc)
    return problems


def run_sinks(config: Config) -> list[tuple[str, str]]:
    """The alert sinks ``run`` uses, as (name, description); the daemon builds the same ones."""
    bot = config.telegram_bot
    if bot.enabled and bot.token() is not None:
        ids = bot.chat_ids()
        chats = ("chat " if len(ids) == 1 else "chats ") + ", ".join(str(c) for c in ids)
        sinks = [("telegram", f"{chats} via {bot.api_base}; token set; {len(bot.admins)} admin(s)")]
        for route in bot.routes:
            wants = [f"{name} {', '.join(values)}" for name, values in (
                ("kinds", route.kinds), ("regions", route.regions), ("actors", route.actors), ("sources", route.sources))
                if values]
            sinks.append((f"telegram route {route.chat_id}", "; ".join(wants) or "every alert"))
        return [*sinks, ("stdout", "disabled (alerts go to Telegram)")]
    return [("telegram", "disabled (no [telegram_bot] chat_id or routes)"), ("stdout", "enabled")]
