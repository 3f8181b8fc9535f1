"""Bounds for zip containers that are not xlsx (.docx, .ods): sizes, ratios, entity declarations."""

from __future__ import annotations

import zipfile

from desktop.documents.formread.sources.detect import UnreadableFileError
from desktop.documents.xlsx.schema import (
    MAX_COMPRESSION_RATIO,
    MAX_ENTRY_BYTES,
    MAX_TOTAL_BYTES,
    MAX_ZIP_ENTRIES,
)

_PROLOGUE = 4096
_RATIO_FLOOR = 1024 * 1024


def screen_zip(archive: zipfile.ZipFile, kind: str) -> None:
    """Refuse a container that would exhaust memory or declares XML entities."""
    entries = archive.infolist()
    if len(entries) > MAX_ZIP_ENTRIES:
        raise UnreadableFileError(f"{kind}包含 {len(entries)} 个部件，超过上限 {MAX_ZIP_ENTRIES}，不能导入")
    total = 0
    for info in entries:
        total += info.file_size
        if info.file_size > MAX_ENTRY_BYTES or total > MAX_TOTAL_BYTES:
            raise UnreadableFileError(f"{kind}解压后过大（可能是恶意构造的文件），不能导入")
        if info.file_size > _RATIO_FLOOR and info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1):
            raise UnreadableFileError(f"{kind}压缩比异常（可能是恶意构造的文件），不能导入")
        if info.filename.endswith((".xml", ".rels")):
            with archive.open(info) as part:
                prologue = part.read(_PROLOGUE)
            if b"<!DOCTYPE" in prologue or b"<!ENTITY" in prologue:
                raise UnreadableFileError(f"{kind}包含不允许的 XML 实体声明（可能是恶意构造的文件），不能导入")
