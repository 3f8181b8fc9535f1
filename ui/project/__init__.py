"""The editing sections of a project declaration (docs/project-form.md §6)."""
