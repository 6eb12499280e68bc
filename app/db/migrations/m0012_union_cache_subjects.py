"""The cache of the union catalog is searched as the district searches it: by subjects,
publisher, series, notes and class number too, not only by title and authors.

``union_cache_fts`` gets the columns of the district's search text (title, author, subject,
other, callno); ``union_cache(year)`` is indexed (``year:2020`` alone lists that year's
records). The titles and authors already indexed are kept, so the cache is searched
by them as before; ``sync_state.union_cache_reindex`` asks the application to index every
cached record again in full (``app.sync.union_cache``, at the next pull: it reads the
cached records' fields with the application's current code, which a migration may not use).
"""

SQL = """
CREATE VIRTUAL TABLE union_cache_fts_v12 USING fts5(
    title, author, subject, other, callno,
    tokenize='unicode61 remove_diacritics 0',
    prefix='2 3'
);
INSERT INTO union_cache_fts_v12(rowid, title, author, subject, other, callno)
    SELECT rowid, title, author, '', '', '' FROM union_cache_fts;
DROP TABLE union_cache_fts;
ALTER TABLE union_cache_fts_v12 RENAME TO union_cache_fts;
CREATE INDEX IF NOT EXISTS union_cache_year ON union_cache(year);
INSERT OR REPLACE INTO sync_state(key, value)
    SELECT 'union_cache_reindex', 'true' WHERE EXISTS (SELECT 1 FROM union_cache);
"""
