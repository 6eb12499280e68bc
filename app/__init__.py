"""ThuVien core: everything that runs without a screen (Qt-free)."""

__version__ = "0.1.0"
