"""A source's publication date, written as precisely as it is known.

Below the stages: the loader rejects a date that does not parse, and the
evidence check ages what it cites by the same reading.
"""
from __future__ import annotations

import datetime
import re
from typing import Optional

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_published(value: str) -> Optional[tuple[int, ...]]:
    """(year,), (year, month) or (year, month, day) of an ISO date as precise as known; None if not a date."""
    match = _DATE.match(str(value))
    if not match:
        return None
    parts = tuple(int(p) for p in match.groups() if p is not None)
    try:
        datetime.date(parts[0], *(parts[1:] + (1, 1))[:2])
    except ValueError:
        return None
    return parts if parts[0] >= 1 else None
