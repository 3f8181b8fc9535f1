"""Review rules (自检) of docs/rules.md: a Qt-free engine over the domain model."""
