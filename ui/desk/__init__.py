"""The circulation desk: the scanner-only view that opens first."""
