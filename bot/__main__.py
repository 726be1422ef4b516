"""``python -m bot`` is the ``claimwatch`` command."""

from bot.cli import main

raise SystemExit(main())
