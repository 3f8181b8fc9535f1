"""Where the form's text breaks into lines: one definition for every renderer.

Part of the layout model: the PDF measures with the print font, the xlsx export estimates with
宋体's em widths, but both break lines by these rules, so a label reads the same on paper and in
the workbook. Widths come from a ``width_of(text) -> float`` callable in any unit.

* :func:`wrap_lines` wraps running text by the Chinese line-breaking rules (禁则, GB/T 15834
  practice): closing punctuation never starts a line, opening punctuation never ends one, and a
  run of Latin letters and digits (``80%-100%``, ``2026``) stays together unless it is wider
  than a whole line. A paragraph does not end on a lone character.
* :func:`label_lines` breaks a short label into as few even lines as fit, between the
  framework's words where it can (社会效益/指标, not 社会效/益指标).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations

WidthOf = Callable[[str], float]

#: Must not start a line: closing brackets and quotes, sentence and clause punctuation.
CANNOT_START = frozenset("”’）》」』】〕〉，。、；：？！…—·％‰)]}!%,.:;?")
#: Must not end a line: opening brackets and quotes, and signs that belong to the number after.
CANNOT_END = frozenset("“‘（《「『【〔〈([{≥≤＞＜<>±＄$￥¥#")
#: Words of the indicator framework's level names a label may break between, with a weight
#: (指标 on a line of its own reads best: 社会效益/指标, 其他满意度/指标, 服务对象/满意度指标).
LABEL_WORDS = {"指标": 2, "满意度": 1, "效益": 1, "影响": 1}
_LABEL_SEARCH_LIMIT = 16  # longer labels fall back to even chunks (the search is combinatorial)


def _latin(ch: str) -> bool:
    return ch.isascii() and not ch.isspace()


def _atoms(text: str) -> list[str]:
    """Pieces of ``text`` a line may end between (spaces are pieces of their own)."""
    atoms: list[list[str]] = []  # characters, joined at the end: a long Latin run stays linear
    prev = ""
    for ch in text:
        if atoms:
            glued = (
                (ch in CANNOT_START and not prev.isspace())
                or (prev in CANNOT_END and not ch.isspace())
                or (_latin(prev) and _latin(ch))
            )
            if glued:
                atoms[-1].append(ch)
                prev = ch
                continue
        atoms.append([ch])
        prev = ch
    return ["".join(atom) for atom in atoms]


def _break_long(atom: str, avail: float, width_of: WidthOf) -> list[str]:
    """A piece wider than a line (a long URL or number): cut it where the line is full."""
    parts: list[str] = []
    current = ""
    for ch in atom:
        if current and width_of(current + ch) > avail:
            parts.append(current)
            current = ch
        else:
            current += ch
    return [*parts, current] if current else parts


def _wrap_paragraph(text: str, avail: float, width_of: WidthOf) -> list[str]:
    lines: list[str] = []
    current = ""
    width = 0.0
    for atom in _atoms(text):
        atom_width = width_of(atom)
        if width + atom_width <= avail or (atom.isspace() and current):
            current += atom
            width += atom_width
            continue
        if current.strip():
            lines.append(current.rstrip())
        if atom.isspace():  # a space at a break disappears
            current, width = "", 0.0
            continue
        pieces = _break_long(atom, avail, width_of) if atom_width > avail else [atom]
        lines.extend(pieces[:-1])
        current = pieces[-1]
        width = width_of(current)
    if current.strip() or not lines:
        lines.append(current.rstrip())
    return _no_lone_last_character(lines, avail, width_of)


def _no_lone_last_character(lines: list[str], avail: float, width_of: WidthOf) -> list[str]:
    """A paragraph does not end on one lone character (…服务项 / 数): take one piece along."""
    if len(lines) < 2 or len(lines[-1]) != 1 or lines[-1].isascii():
        return lines
    before = _atoms(lines[-2])
    moved = before[-1]
    if len(before) < 3 or moved.isspace() or width_of(moved + lines[-1]) > avail:
        return lines
    return [*lines[:-2], "".join(before[:-1]).rstrip(), moved + lines[-1]]


def wrap_lines(text: str, avail: float, width_of: WidthOf) -> list[str]:
    """The lines of ``text`` in a column ``avail`` wide; its own line breaks are kept."""
    return [
        line for paragraph in text.split("\n") for line in _wrap_paragraph(paragraph, avail, width_of)
    ]


def _label_score(text: str, cuts: tuple[int, ...]) -> int:
    score = 0
    for cut in cuts:
        for word, weight in LABEL_WORDS.items():
            if text.startswith(word, cut):
                score += weight
                break
    return score


def label_lines(text: str, avail: float, width_of: WidthOf) -> list[str]:
    """A short label in as few lines as fit, split between words where possible, else evenly
    (一级/指标, 满意度/指标, never 满意度指/标)."""
    if "\n" in text or width_of(text) <= avail:
        return text.split("\n")
    if len(text) > _LABEL_SEARCH_LIMIT:
        return wrap_lines(text, avail, width_of)
    for count in range(2, len(text) + 1):
        best: tuple[tuple[int, float], list[str]] | None = None
        for cuts in combinations(range(1, len(text)), count - 1):
            bounds = (0, *cuts, len(text))
            chunks = [text[a:b] for a, b in zip(bounds, bounds[1:])]
            widths = [width_of(chunk) for chunk in chunks]
            if max(widths) > avail:
                continue
            key = (-_label_score(text, cuts), max(widths) - min(widths))
            if best is None or key < best[0]:
                best = (key, chunks)
        if best is not None:
            return best[1]
    return list(text)
