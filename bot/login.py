"""``claimwatch login``: the first interactive sign-in that creates the Telethon session file."""

from __future__ import annotations

import getpass
import os
import sys

from bot.config import Config
from watchers.errors import ConfigError


async def login(config: Config) -> int:
    tg = config.telegram
    for name in (tg.api_id_env, tg.api_hash_env):
        if not os.environ.get(name):
            raise ConfigError(f"set {name} in the environment (api_id and api_hash come from my.telegram.org)",
                              path=config.path, key="telegram")
    if not os.environ[tg.api_id_env].isdigit():
        raise ConfigError(f"{tg.api_id_env} must be the numeric api_id", path=config.path, key="telegram.api_id_env")
    if not sys.stdin.isatty():
        raise ConfigError("login is interactive: run it in a terminal", path=config.path, key="telegram")
    from telethon import TelegramClient

    from bot.logs import register_secret

    api_hash = os.environ[tg.api_hash_env]
    register_secret(api_hash)
    client = TelegramClient(tg.session, int(os.environ[tg.api_id_env]), api_hash)
    await client.start(phone=lambda: input("Phone number (international format): "),
                       code_callback=lambda: input("Login code Telegram sent you: "),
                       password=lambda: getpass.getpass("Two-step verification password: "))
    me = await client.get_me()
    await client.disconnect()
    print(f"logged in as {getattr(me, 'username', None) or getattr(me, 'id', '?')}; session saved to {tg.session}")
    return 0
