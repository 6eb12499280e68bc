"""ThuVien district server: enrollment, push of library outboxes, union catalog, statistics."""
