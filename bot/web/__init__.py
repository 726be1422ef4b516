"""The read-only web view: a map, a timeline, incident pages and the groups list, with the JSON
endpoints behind them. Served by ``claimwatch serve`` and, with ``[web] enabled``, by ``run``.

Everything it sends is built here and in ``static/``: no CDN, tile server, font or script from
outside. Outside text is escaped on the server and inserted with ``textContent`` in the browser.
"""
