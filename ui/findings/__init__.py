"""The findings dock (自检结果): live review checks, the findings tree, acceptances, the report."""
