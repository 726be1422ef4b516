"""What ``run`` needs before it starts, shared by ``run`` and ``check`` so that both agree.

Fatal: a problem the daemon cannot work around (``run`` exits 2 naming it, ``check`` too).
Not fatal: a part the daemon leaves out and logs at start (``check`` lists it as a warning).
"""

from __future__ import annotations

from bot.config import Config


def fatal_problems(config: Config) -> list[str]:
    """Why ``run`` would refuse to start with ``config``; empty when it would start."""
    problems: list[str] = []
    bot = config.telegram_bot
    if bot.enabled and bot.token() is None:
        # delivery asked for but impossible: printing alerts to a journal nobody reads loses them
        problems.append(f"telegram_bot: alerts go to Telegram but the bot token is missing: set the environment "
                        f"variable {bot.token_env}")
    return problems


def run_sinks(config: Config) -> list[tuple[str, str]]:
    """The alert sinks ``run`` uses, as (name, description); the daemon builds the same ones."""
    bot = config.telegram_bot
    if bot.enabled and bot.token() is not None:
        ids = bot.chat_ids()
        chats = ("chat " if len(ids) == 1 else "chats ") + ", ".join(str(c) for c in ids)
        return [("telegram", f"{chats} via {bot.api_base}; token set; {len(bot.admins)} admin(s)"),
                ("stdout", "disabled (alerts go to Telegram)")]
    return [("telegram", "disabled (no [telegram_bot] chat_id)"), ("stdout", "enabled")]
