"""The 总体目标 section: ordered goals with their indicator link counts."""
