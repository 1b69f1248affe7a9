"""Data files bundled with drafter (see README.md here for their sources)."""
