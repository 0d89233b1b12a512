"""claims: news articles about diplomacy → checked, dated, scored claims."""

__version__ = "0.1.0"
