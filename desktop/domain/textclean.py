"""Invisible characters pasted from Word or web pages, removed on entry and on import (T01).

Word's manual line break (U+000B), the Unicode line/paragraph separators and similar characters
are line breaks the user meant: they become ``\\n``. Zero-width characters, byte-order marks,
non-characters (U+FFFE, U+FFFF) and other control characters carry nothing printable: the print
font cannot show them (printing stopped with a message quoting an invisible character) and XML
forbids some of them (U+FFFE made an exported workbook unreadable). Tabs stay (the print lays
them out like spaces).
"""

from __future__ import annotations

import re

from desktop.domain.model import Declaration

_LINE_BREAKS = "\u000b\u000c\u0085\u2028\u2029"
#: C0/C1 controls except \n and \r (kept; canonical.py turns \r\n into \n), zero-width and
#: directional marks, word joiner, invisible operators, BOM and the non-characters.
_INVISIBLE = re.compile(
    "[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f"
    "\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb\ufffe\uffff\U0001fffe\U0001ffff]"
)
_BREAK_TABLE = str.maketrans({c: "\n" for c in _LINE_BREAKS})

NOTICE = "已删除从 Word 或网页粘贴带入的不可见字符（如零宽空格、字节顺序标记）"


def clean_text(text: str) -> str:
    """``text`` with invisible characters removed and foreign line breaks turned into ``\\n``."""
    if text.isprintable():  # the common case: nothing to do (isprintable is False for \n)
        return text
    return _INVISIBLE.sub("", text.translate(_BREAK_TABLE))


def clean_declaration_texts(declaration: Declaration) -> int:
    """Clean every text of ``declaration`` in place; returns how many texts changed."""
    changed = 0

    def cleaned(text: str) -> str:
        nonlocal changed
        result = clean_text(text)
        changed += result != text
        return result

    d = declaration
    d.unit_name, d.supervisor = cleaned(d.unit_name), cleaned(d.supervisor)
    for task in d.tasks:
        task.name, task.content = cleaned(task.name), cleaned(task.content)
    d.goals = [cleaned(goal) for goal in d.goals]
    for _category, indicator in d.iter_indicators():
        indicator.name, indicator.value = cleaned(indicator.name), cleaned(indicator.value)
        indicator.unit = cleaned(indicator.unit)
        indicator.explanation = cleaned(indicator.explanation)
    footer = d.footer
    footer.preparer, footer.phone = cleaned(footer.preparer), cleaned(footer.phone)
    footer.unit_head, footer.date = cleaned(footer.unit_head), cleaned(footer.date)
    for accepted in d.accepted_findings:
        accepted.subject, accepted.reason = cleaned(accepted.subject), cleaned(accepted.reason)
    return changed
