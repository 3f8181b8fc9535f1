"""A minimal OLE2 compound file with one named stream, to test what old Office files are told."""

from __future__ import annotations

import struct

_END = 0xFFFFFFFE
_FREE = 0xFFFFFFFF
_FAT_SECTOR = 0xFFFFFFFD
_STREAM_SECTORS = 8  # 4096 bytes: at the mini-stream cutoff, so it lives in normal sectors


def _entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
    encoded = name.encode("utf-16-le") + b"\x00\x00" if name else b""
    head = encoded.ljust(64, b"\x00")
    return head + struct.pack(
        "<HBBIII16sI8s8sIQ", len(encoded), kind, 1, _FREE, _FREE, child, b"\x00" * 16, 0, b"\x00" * 8,
        b"\x00" * 8, start, size,
    )


def compound_file(stream: str) -> bytes:
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\x00" * 6
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, _END, 0, _END, 0)
    header += struct.pack("<I", 0) + struct.pack("<I", _FREE) * 108
    fat = [_FAT_SECTOR, _END] + [3 + i for i in range(_STREAM_SECTORS - 1)] + [_END]
    fat += [_FREE] * (128 - len(fat))
    directory = _entry("Root Entry", 5, 1, _END, 0) + _entry(stream, 2, _FREE, 2, 512 * _STREAM_SECTORS)
    directory += _entry("", 0, _FREE, 0, 0) * 2
    return header + struct.pack("<128I", *fat) + directory + b"\x01" * (512 * _STREAM_SECTORS)
