"""The JSON exchange format v1: reader, writer, canonical content and fingerprint."""
