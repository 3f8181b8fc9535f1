"""Files to grids: the kind is told by content (:mod:`.detect`), each kind has its own reader."""

from desktop.documents.formread.sources.detect import SourceKind, UnreadableFileError, detect_source
from desktop.documents.formread.sources.load import load_grids

__all__ = ["SourceKind", "UnreadableFileError", "detect_source", "load_grids"]
