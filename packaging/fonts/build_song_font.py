"""Build the bundled "PerfDecl Song" TrueType font from Noto Serif CJK SC.

reportlab embeds only TrueType (``glyf``) outlines, while Noto Serif CJK ships as CFF inside
an OpenType collection. This script:

1. picks the Simplified Chinese face (``NotoSerifCJKsc-Regular``) out of the ``.ttc``;
2. subsets it to ASCII and the Windows Western (cp1252) repertoire, every character of GBK
   (and GB2312), CJK punctuation, full-width forms, general punctuation and a few form symbols
   (≥ ≤ × ÷ ℃ ‰ № ★ √ ...), without hinting and without the locale (JP/KR/TC) alternates;
3. converts the cubic CFF outlines to quadratic TrueType outlines with ``cu2qu``;
4. renames the family to "PerfDecl Song" (the SIL OFL asks modified fonts to change their
   name, and "Noto" is a trademark of Google), keeping the copyright and licence records;
5. writes the result deterministically (fixed ``head`` timestamps): same input, same bytes;
6. writes the font's code points beside it (``PerfDeclSong-Regular.codepoints``), which the
   review check T04 reads at start-up instead of parsing the font.

Usage::

    python packaging/fonts/build_song_font.py \\
        --source /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc \\
        --out resources/fonts/PerfDeclSong-Regular.ttf

``--code-points-only`` rewrites just the code point file from an existing ``--out`` font.

The source is Debian's ``fonts-noto-cjk`` package (version 1:20220127, font version 2.001).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.subset import Options, Subsetter
from fontTools.ttLib import TTCollection, TTFont, newTable
from fontTools.ttLib.tables import ttProgram
from fontTools.ttLib.tables._g_l_y_f import Glyph

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
DEFAULT_OUT = REPO_ROOT / "resources" / "fonts" / "PerfDeclSong-Regular.ttf"
DEFAULT_FACE = "NotoSerifCJKsc-Regular"

FAMILY = "PerfDecl Song"
SUBFAMILY = "Regular"
FULL_NAME = "PerfDecl Song Regular"
POSTSCRIPT_NAME = "PerfDeclSong-Regular"
DERIVATION_NOTE = (
    "PerfDecl Song is a modified version of Noto Serif CJK SC Regular: converted from CFF to "
    "TrueType outlines with fontTools cu2qu, subset to GBK, unhinted, and renamed as the SIL "
    "Open Font License 1.1 requires."
)

# Maximum distance (in font units, 1000 per em) between a cubic curve and its quadratic
# approximation. 1.0 is what fontmake uses; it is invisible at any print size.
DEFAULT_MAX_ERR = 1.0

# OpenType features kept for Qt's shaper. reportlab ignores layout tables altogether.
# "locl" is left out on purpose: it would pull in the Japanese, Korean and Traditional
# Chinese glyph variants of thousands of ideographs.
LAYOUT_FEATURES = ["kern", "liga", "ccmp"]

EXTRA_SYMBOLS = "≥≤×÷℃‰№★√～·—…“”‘’"

# Name IDs that describe the new font; the others (copyright, licence, designers, URLs) stay.
NAME_COPYRIGHT = 0
NAME_FAMILY = 1
NAME_SUBFAMILY = 2
NAME_UNIQUE_ID = 3
NAME_FULL = 4
NAME_VERSION = 5
NAME_POSTSCRIPT = 6
NAME_TRADEMARK = 7
NAME_DESCRIPTION = 10
NAME_TYPO_FAMILY = 16
NAME_TYPO_SUBFAMILY = 17
NAME_COMPATIBLE_FULL = 18
NAME_WWS_FAMILY = 21
NAME_WWS_SUBFAMILY = 22
NAME_VARIATIONS_PS_PREFIX = 25


@dataclass(frozen=True)
class Coverage:
    """How many characters of a character set the font maps."""

    name: str
    total: int
    covered: int
    missing: tuple[str, ...]

    @property
    def percent(self) -> float:
        """Share of the set that is covered, in percent."""
        return 100.0 * self.covered / self.total if self.total else 100.0

    def describe(self) -> str:
        """One line for the console and the README."""
        line = f"{self.name}: {self.covered}/{self.total} ({self.percent:.3f}%)"
        if self.missing:
            shown = " ".join(f"U+{ord(c):04X} {c}" for c in self.missing[:20])
            more = " ..." if len(self.missing) > 20 else ""
            line += f"; missing: {shown}{more}"
        return line


def decode_double_byte(encoding: str, leads: Iterable[int], trails: Iterable[int]) -> set[str]:
    """Decode every two-byte code of ``encoding`` and return the characters that exist."""
    trail_list = list(trails)
    chars: set[str] = set()
    for lead in leads:
        for trail in trail_list:
            try:
                text = bytes((lead, trail)).decode(encoding)
            except UnicodeDecodeError:
                continue
            if len(text) == 1:
                chars.add(text)
    return chars


def gb2312_chars() -> set[str]:
    """All characters of GB 2312 (EUC-CN rows 0xA1-0xF7), 7445 with Python's codec."""
    return decode_double_byte("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF))


def gbk_chars() -> set[str]:
    """All two-byte characters of GBK as Python's codec defines them (21791)."""
    trails = [t for t in range(0x40, 0xFF) if t != 0x7F]
    return decode_double_byte("gbk", range(0x81, 0xFF), trails)


def cp1252_chars() -> set[str]:
    """The Windows Western repertoire (Latin-1 plus € ™ Œ œ • and friends)."""
    return {c for c in bytes(range(0x20, 0x100)).decode("cp1252", errors="ignore")}


def wanted_codepoints(font_cmap: dict[int, str]) -> set[int]:
    """Code points to keep: ASCII, GB2312, GBK, CJK punctuation, forms and symbols.

    The Latin-1/cp1252 repertoire is kept too: it is small, accented names and "€" do turn up in
    forms, and without it the OS/2 Latin-1 code page bit and fontconfig's "en" language are
    dropped, so Qt would not list the font for the Latin writing system.
    """
    wanted: set[int] = set(range(0x20, 0x7F))
    wanted.update(ord(c) for c in cp1252_chars())
    wanted.update(ord(c) for c in gb2312_chars())
    wanted.update(ord(c) for c in gbk_chars())
    wanted.update(range(0x3000, 0x3040))  # CJK symbols and punctuation
    wanted.update(range(0xFF00, 0xFFF0))  # half-width and full-width forms
    wanted.update(range(0x2000, 0x2070))  # general punctuation
    wanted.update(ord(c) for c in EXTRA_SYMBOLS)
    return {cp for cp in wanted if cp in font_cmap}


def load_face(source: Path, face: str) -> TTFont:
    """Open the face whose PostScript name is ``face`` from a collection or a single font."""
    if source.suffix.lower() in {".ttc", ".otc"}:
        collection = TTCollection(str(source), lazy=True)
        names = [f["name"].getDebugName(NAME_POSTSCRIPT) for f in collection.fonts]
        if face not in names:
            raise SystemExit(f"{source}: no face {face!r}; faces are {names}")
        index = names.index(face)
        collection.close()
        return TTFont(str(source), fontNumber=index, recalcTimestamp=False)
    return TTFont(str(source), recalcTimestamp=False)


def subset_font(font: TTFont, codepoints: set[int]) -> None:
    """Keep only ``codepoints`` (and the glyphs their features need); drop hinting."""
    options = Options()
    options.layout_features = LAYOUT_FEATURES
    options.hinting = False
    options.desubroutinize = True
    options.notdef_outline = True
    options.glyph_names = False
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    options.legacy_kern = True
    options.prune_unicode_ranges = True
    options.prune_codepage_ranges = True
    options.drop_tables = [*options.drop_tables, "DSIG"]
    subsetter = Subsetter(options=options)
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(font)


def convert_cff_to_glyf(font: TTFont, max_err: float) -> None:
    """Replace the CFF table with quadratic TrueType outlines (glyf/loca) in place."""
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    vorg = font.get("VORG")

    glyphs: dict[str, Glyph] = {}
    for name in glyph_order:
        tt_pen = TTGlyphPen(None)
        # CFF contours run counter-clockwise, TrueType ones clockwise: reverse them.
        pen = Cu2QuPen(tt_pen, max_err, reverse_direction=True)
        glyph_set[name].draw(pen)
        glyphs[name] = tt_pen.glyph(dropImpliedOnCurves=True)

    glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = glyphs
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]

    # TrueType rasterisers expect lsb == xMin; vertical metrics follow the old origin.
    hmtx = font["hmtx"].metrics
    vmtx = font["vmtx"].metrics if "vmtx" in font else None
    for name in glyph_order:
        glyph = glyphs[name]
        glyph.recalcBounds(glyf)
        has_outline = glyph.numberOfContours != 0
        advance, _ = hmtx[name]
        hmtx[name] = (advance, glyph.xMin if has_outline else 0)
        if vmtx is not None and vorg is not None and has_outline:
            v_advance, _ = vmtx[name]
            origin_y = vorg.VOriginRecords.get(name, vorg.defaultVertOriginY)
            vmtx[name] = (v_advance, origin_y - glyph.yMax)
    if vorg is not None:
        del font["VORG"]

    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    maxp.maxTwilightPoints = 0
    maxp.maxStorage = 0
    maxp.maxFunctionDefs = 0
    maxp.maxInstructionDefs = 0
    maxp.maxStackElements = 1  # the prep program below pushes one value at a time
    maxp.maxSizeOfInstructions = 0
    maxp.maxComponentElements = 0
    maxp.maxComponentDepth = 0
    maxp.maxPoints = 0
    maxp.maxContours = 0
    maxp.maxCompositePoints = 0
    maxp.maxCompositeContours = 0

    post = font["post"]
    post.formatType = 3.0  # no glyph names: smaller, and CID names carry no information
    post.extraNames = []
    post.mapping = {}

    head = font["head"]
    head.glyphDataFormat = 0

    add_unhinted_defaults(font)
    font.sfntVersion = "\x00\x01\x00\x00"


def add_unhinted_defaults(font: TTFont) -> None:
    """Smooth rendering at every size and dropout control, as Google Fonts does for unhinted TTFs."""
    gasp = newTable("gasp")
    gasp.version = 1
    gasp.gaspRange = {0xFFFF: 0x000F}
    font["gasp"] = gasp

    program = ttProgram.Program()
    program.fromAssembly(["PUSHW[ ]", "511", "SCANCTRL[ ]", "PUSHB[ ]", "4", "SCANTYPE[ ]"])
    prep = newTable("prep")
    prep.program = program
    font["prep"] = prep


def rename_font(font: TTFont) -> None:
    """Give the font its own name; keep copyright, licence and credits; add a derivation note."""
    name_table = font["name"]
    source_version = font["head"].fontRevision
    replacements: dict[int, str] = {
        NAME_FAMILY: FAMILY,
        NAME_SUBFAMILY: SUBFAMILY,
        NAME_UNIQUE_ID: f"{source_version:.3f};PerfDecl;{POSTSCRIPT_NAME}",
        NAME_FULL: FULL_NAME,
        NAME_VERSION: f"Version {source_version:.3f}; derived from Noto Serif CJK SC",
        NAME_POSTSCRIPT: POSTSCRIPT_NAME,
    }
    dropped = {
        NAME_TRADEMARK,  # the renamed font no longer carries the Noto mark
        NAME_TYPO_FAMILY,
        NAME_TYPO_SUBFAMILY,
        NAME_COMPATIBLE_FULL,
        NAME_WWS_FAMILY,
        NAME_WWS_SUBFAMILY,
        NAME_VARIATIONS_PS_PREFIX,
    }
    name_table.names = [n for n in name_table.names if n.nameID not in dropped]

    old_description = name_table.getDebugName(NAME_DESCRIPTION)
    description = DERIVATION_NOTE
    if old_description:
        description += " Original credits: " + old_description
    replacements[NAME_DESCRIPTION] = description

    for record in name_table.names:
        if record.nameID in replacements:
            record.string = replacements[record.nameID]
    # Make sure the English Windows record exists for every replaced ID.
    for name_id, text in sorted(replacements.items()):
        name_table.setName(text, name_id, 3, 1, 0x409)
    name_table.names.sort()


def fix_timestamps(font: TTFont, created: int, modified: int) -> None:
    """Pin head.created/modified so the build is reproducible."""
    head = font["head"]
    head.created = created
    head.modified = modified


def measure(font: TTFont) -> list[Coverage]:
    """Coverage of GB2312 and GBK by the font's cmap."""
    cmap = font.getBestCmap()
    results: list[Coverage] = []
    for label, chars in (("GB2312", gb2312_chars()), ("GBK", gbk_chars())):
        missing = tuple(sorted(c for c in chars if ord(c) not in cmap))
        results.append(Coverage(label, len(chars), len(chars) - len(missing), missing))
    return results


def build(source: Path, out: Path, face: str, max_err: float) -> list[Coverage]:
    """Run the whole pipeline and write ``out``; return the measured coverage."""
    started = time.perf_counter()
    font = load_face(source, face)
    if "CFF " not in font and "glyf" not in font:
        raise SystemExit(f"{source}: face {face!r} has neither CFF nor glyf outlines")
    created, modified = font["head"].created, font["head"].modified
    codepoints = wanted_codepoints(font.getBestCmap())
    print(f"source: {source} face {face}, {len(font.getGlyphOrder())} glyphs")
    print(f"keeping {len(codepoints)} code points")

    subset_font(font, codepoints)
    print(f"subset: {len(font.getGlyphOrder())} glyphs ({time.perf_counter() - started:.1f} s)")

    rename_font(font)
    if "CFF " in font:
        convert_cff_to_glyf(font, max_err)
        print(f"converted CFF to TrueType ({time.perf_counter() - started:.1f} s)")
    fix_timestamps(font, created, modified)

    out.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(out), reorderTables=True)
    font.close()
    print(f"wrote {out} ({out.stat().st_size:,} bytes, {time.perf_counter() - started:.1f} s)")

    write_code_points(out)
    with TTFont(str(out)) as written:
        return measure(written)


def code_points_path(font_file: Path) -> Path:
    return font_file.with_suffix(".codepoints")


def write_code_points(font_file: Path) -> Path:
    """Write the code point file of ``font_file`` beside it (format of desktop.rules.fontcover)."""
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    from desktop.rules.fontcover import format_code_points

    with TTFont(str(font_file), lazy=True) as font:
        text = format_code_points(font.getBestCmap())
    target = code_points_path(font_file)
    target.write_text(text, encoding="ascii", newline="\n")
    print(f"wrote {target}")
    return target


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--source",
        type=Path,
        default=DEFAULT_SOURCE,
        help=f"Noto Serif CJK collection or OTF (default: {DEFAULT_SOURCE})",
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help=f"output .ttf (default: {DEFAULT_OUT})"
    )
    parser.add_argument(
        "--face",
        default=DEFAULT_FACE,
        help=f"PostScript name of the face to take from a collection (default: {DEFAULT_FACE})",
    )
    parser.add_argument(
        "--max-err",
        type=float,
        default=DEFAULT_MAX_ERR,
        help=f"cu2qu approximation error in font units (default: {DEFAULT_MAX_ERR})",
    )
    parser.add_argument(
        "--code-points-only",
        action="store_true",
        help="only rewrite the code point file of the existing --out font",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Build the font and print its GB2312/GBK coverage."""
    args = parse_args(argv)
    if args.code_points_only:
        write_code_points(args.out)
        return 0
    if not args.source.is_file():
        print(
            f"source font not found: {args.source} (apt-get install fonts-noto-cjk)",
            file=sys.stderr,
        )
        return 2
    for coverage in build(args.source, args.out, args.face, args.max_err):
        print(coverage.describe())
    return 0


if __name__ == "__main__":
    sys.exit(main())
