"""Countries of the gazetteer's places: ISO 3166-1 alpha-2 -> (name, ISO numeric), as ACLED's
``country`` and ``iso`` columns carry them and as routes name them."""

from __future__ import annotations

COUNTRIES: dict[str, tuple[str, int]] = {
    "IQ": ("Iraq", 368), "SY": ("Syria", 760), "JO": ("Jordan", 400), "IL": ("Israel", 376),
    "SA": ("Saudi Arabia", 682), "YE": ("Yemen", 887), "LB": ("Lebanon", 422), "IR": ("Iran", 364),
}
