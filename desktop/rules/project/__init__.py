"""Review rules of the project form (docs/project-form.md §5–§6)."""
