"""填报日期: strict parsing of what people type, stored as ISO ``YYYY-MM-DD``.

Accepted: ISO (``2026-01-15``) and the short forms people type: ``2026-1-5``, ``2026/1/5``,
``2026.1.5`` and ``2026年1月5日``. A date that does not exist (``2026-02-30``) is refused, never
corrected. The year must lie in :data:`MIN_YEAR`–:data:`MAX_YEAR`: a signing date outside it is a
typing slip (``0226``, ``2926``), and the message names the range instead of reverting silently.
"""

from __future__ import annotations

import re
from datetime import date

MIN_YEAR = 1900
MAX_YEAR = 2099

_SHORT = re.compile(
    r"(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?)"
)
FORMS_HINT = "2026-01-15、2026-1-5、2026/1/5 或 2026年1月5日"


class DateTextError(ValueError):
    """A 填报日期 that cannot be stored; ``str()`` is the Chinese reason."""


def parse_date_text(text: str) -> str:
    """The ISO text of the date typed in ``text`` ("" stays ""); raises :class:`DateTextError`."""
    typed = text.strip().translate(_FULLWIDTH_DIGITS)
    if not typed:
        return ""
    match = _SHORT.fullmatch(typed)
    if match is None:
        raise DateTextError(f"填报日期“{text.strip()}”无法识别，请写成 {FORMS_HINT}")
    year = int(match.group(1))
    month = int(match.group(2) or match.group(4))
    day = int(match.group(3) or match.group(5))
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateTextError(
            f"填报日期“{text.strip()}”的年份应在 {MIN_YEAR} 至 {MAX_YEAR} 年之间"
        )
    try:
        return date(year, month, day).isoformat()
    except ValueError as exc:
        raise DateTextError(
            f"填报日期“{text.strip()}”不存在（{year} 年 {month} 月没有 {day} 日）"
            if 1 <= month <= 12
            else f"填报日期“{text.strip()}”的月份应在 1 至 12 之间"
        ) from exc


def is_stored_date(text: str) -> bool:
    """True for "" and for a valid ``YYYY-MM-DD`` in range: what the store may hold."""
    if not text:
        return True
    try:
        return parse_date_text(text) == text
    except DateTextError:
        return False


_FULLWIDTH_DIGITS = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)} | {"／": "/", "－": "-", "．": "."})
