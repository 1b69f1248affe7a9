"""drafter: drafts the annual report on building a rule-of-law government (法治政府建设情况报告)."""

__version__ = "0.4.0"
