"""Review rules (自检) of domain.md §4.2: a Qt-free engine over the domain model."""
