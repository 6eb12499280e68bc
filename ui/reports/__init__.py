"""The Reports view: registers and statistics, previewed, saved as PDF or Excel, printed."""
