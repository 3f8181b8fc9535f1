"""The kind of a file, told by its first bytes and (for zips) its member names, never by suffix.

An ``.xlsx`` named ``.xls``, a WPS ``.et`` that is really an xlsx or an Excel 97 workbook, an
HTML table saved as ``.xls`` by a web system: each goes to the reader that fits its content.
Kinds we cannot read get a Chinese message naming the kind and what to do.
"""

from __future__ import annotations

import zipfile
from enum import StrEnum
from pathlib import Path

from desktop.documents.xlsx.schema import MAX_FILE_BYTES

_ZIP_MAGIC = b"PK\x03\x04"
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SNIFF_BYTES = 4096


class SourceKind(StrEnum):
    JSON = "json"
    XLSX = "xlsx"
    XLS = "xls"
    ODS = "ods"
    DOCX = "docx"
    HTML = "html"
    TEXT = "text"


#: What each kind is called in messages.
KIND_NAMES = {
    SourceKind.JSON: "交换格式文件（JSON）",
    SourceKind.XLSX: "Excel 工作簿（.xlsx）",
    SourceKind.XLS: "Excel 97-2003 工作簿（.xls）",
    SourceKind.ODS: "OpenDocument 表格（.ods）",
    SourceKind.DOCX: "Word 文档（.docx）",
    SourceKind.HTML: "网页格式的表格（HTML，网上系统导出的 .xls 常是这种）",
    SourceKind.TEXT: "文本表格（制表符或逗号分隔）",
}
_SAVE_AS = "请在 Excel 或 WPS 中打开它，另存为“Excel 工作簿（.xlsx）”后再导入"


class UnreadableFileError(ValueError):
    """A file of a kind we cannot read, or damaged; ``str()`` names the kind and what to do."""


def detect_source(path: Path) -> SourceKind:
    """The kind of ``path``; raises :class:`UnreadableFileError`."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError as exc:
        raise UnreadableFileError(f"无法读取文件：{exc.strerror or exc}") from exc
    if size > MAX_FILE_BYTES:
        raise UnreadableFileError(
            f"文件大小 {size // (1024 * 1024)} MB，超过 {MAX_FILE_BYTES // (1024 * 1024)} MB 的上限，不能导入"
        )
    if not head.strip():
        raise UnreadableFileError("文件是空的，没有可导入的内容")
    if head.startswith(_ZIP_MAGIC):
        return _zip_kind(path)
    if head.startswith(_OLE2_MAGIC):
        return _ole_kind(path)
    if head.startswith(b"%PDF"):
        raise UnreadableFileError("这是 PDF 文件，不能从中读取表格；请导入 Excel、WPS 或 Word 版的申报表，或导出的 .json 文件")
    return _text_kind(head)


def _zip_kind(path: Path) -> SourceKind:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:100].decode("ascii", "replace") if "mimetype" in names else ""
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as exc:
        raise UnreadableFileError("文件已损坏（压缩包无法打开），不能导入；" + _SAVE_AS) from exc
    if "xl/workbook.xml" in names:
        return SourceKind.XLSX  # also .xlsm and a WPS .et saved in the xlsx container
    if "word/document.xml" in names:
        return SourceKind.DOCX
    if "spreadsheet" in mimetype and "content.xml" in names:
        return SourceKind.ODS
    if "opendocument.text" in mimetype:
        raise UnreadableFileError("这是 OpenDocument 文本文档（.odt），不能直接导入；请在 WPS 或 LibreOffice 中另存为 Word 文档（.docx）后再导入")
    if any(n.startswith("ppt/") for n in names):
        raise UnreadableFileError("这是 PowerPoint 演示文稿，不能导入；请导入 Excel、WPS 或 Word 版的申报表")
    raise UnreadableFileError("这是一个压缩包，但不是 Excel、WPS、OpenDocument 或 Word 文件，不能导入")


def _ole_kind(path: Path) -> SourceKind:
    names = ole_stream_names(path)
    if names is None:
        raise UnreadableFileError("文件已损坏（Office 97-2003 格式无法解析），不能导入；" + _SAVE_AS)
    if "EncryptedPackage" in names:
        raise UnreadableFileError("文件设有打开密码，不能导入；请在 Excel 或 WPS 中取消密码（文件→信息→保护工作簿）后另存再导入")
    if "Workbook" in names or "Book" in names:
        return SourceKind.XLS  # Excel 97-2003, and a WPS .et in the compatible format
    if "WordDocument" in names:
        raise UnreadableFileError("这是 Word 97-2003 文档（.doc），不能直接导入；请在 Word 或 WPS 中另存为 Word 文档（.docx）后再导入")
    if any("wps" in n.lower() or n.startswith("ET") for n in names):
        raise UnreadableFileError("这是 WPS 表格专有格式（.et），不能直接导入；" + _SAVE_AS)
    raise UnreadableFileError("这是 Office 97-2003 格式的文件，但不是 Excel 工作簿，不能导入；" + _SAVE_AS)


def ole_stream_names(path: Path) -> set[str] | None:
    """Names in an OLE2 compound file's directory (xlrd's parser), None when it is damaged."""
    from xlrd.compdoc import CompDoc, CompDocError

    try:
        document = CompDoc(path.read_bytes(), logfile=_Silent())
    except (CompDocError, ValueError, IndexError, OSError, TypeError, KeyError, AssertionError, MemoryError):
        return None
    except Exception:  # struct.error and friends from a truncated directory
        return None
    return {node.name for node in document.dirlist if node.name}


class _Silent:
    def write(self, _text: str) -> int:
        return 0


def decode_text(data: bytes) -> str | None:
    """Text of a web page or text table: BOM, declared charset, UTF-8, then GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    lowered = data[:4096].lower()
    for marker in (b"charset=", b'encoding="'):
        at = lowered.find(marker)
        if at >= 0:
            name = lowered[at + len(marker) : at + len(marker) + 20].strip(b"\"' ").split(b'"')[0].split(b";")[0]
            name = name.split(b">")[0].strip(b"\"' /")
            try:
                return data.decode(name.decode("ascii", "replace"), "replace")
            except LookupError:
                break
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            if exc.start >= len(data) - 3 and exc.reason.startswith("unexpected end"):
                return data[: exc.start].decode(encoding)  # a sniffed head cut inside a character
    return None


def _text_kind(head: bytes) -> SourceKind:
    text = decode_text(head)
    if text is None or "\x00" in text:
        raise UnreadableFileError("无法识别的文件类型（不是 Excel、WPS、OpenDocument、Word、网页表格或 JSON 文件），不能导入")
    stripped = text.lstrip("\ufeff \t\r\n")
    lowered = stripped[:_SNIFF_BYTES].lower()
    if stripped.startswith(("{", "[")):
        return SourceKind.JSON
    if "urn:schemas-microsoft-com:office:spreadsheet" in lowered and "<table" not in lowered:
        raise UnreadableFileError("这是 Excel 2003 XML 表格，不能直接导入；" + _SAVE_AS)
    if lowered.startswith("mime-version") or "multipart/related" in lowered:
        raise UnreadableFileError("这是单个文件网页（.mht），不能直接导入；" + _SAVE_AS)
    if "<table" in lowered or lowered.startswith(("<!doctype html", "<html", "<?xml")) or "<html" in lowered:
        return SourceKind.HTML
    if "\t" in stripped or "," in stripped or "，" in stripped:
        return SourceKind.TEXT
    raise UnreadableFileError("无法识别的文件类型（不是 Excel、WPS、OpenDocument、Word、网页表格或 JSON 文件），不能导入")
