"""Datasette plugin: registers sqlar_uncompress, which bilat's views (article_text, sentence_text,
statement_text) use to read the article text that bilat stores compressed (schema 0010). The stock
sqlite3 shell has the function built in; Python's sqlite3 module, and so Datasette and sqlite-utils,
do not.

    datasette bilat.sqlite --plugins-dir scripts/datasette-plugins

Without datasette installed, `prepare_connection(conn)` registers it on any sqlite3 connection.
"""
import zlib

try:
    from datasette import hookimpl
except ImportError:  # used as a plain module
    def hookimpl(function):
        return function


def sqlar_uncompress(data, size):
    """SQLite archive semantics: the value itself when it is not a blob, when size <= 0 or when size is
    its length (stored as it is); else zlib's uncompress of it."""
    if not isinstance(data, bytes) or size is None or size <= 0 or size == len(data):
        return data
    return zlib.decompress(data)


@hookimpl
def prepare_connection(conn):
    conn.create_function("sqlar_uncompress", 2, sqlar_uncompress, deterministic=True)
