"""Printed documents: the form's layout model and its PDF/xlsx renderers."""
