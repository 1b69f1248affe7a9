"""Spreadsheets that departments fill: the export (填报表.xlsx) and reading it, or its CSV, back as answers."""
