"""SQL expressions spelt differently by SQLite and PostgreSQL: one construct, compiled per dialect
(the SQLite text stays what it was before PostgreSQL was supported)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class date_number(FunctionElement):
    """A date as the integer YYYYMMDD (ages by subtraction: (registered − born) // 10000)."""

    type = sa.Integer()
    inherit_cache = True
    name = "date_number"


@compiles(date_number)
def _date_number_sqlite(element, compiler, **kw):  # dates are ISO text in SQLite
    (col,) = element.clauses
    return compiler.process(sa.cast(sa.func.replace(col, "-", ""), sa.Integer), **kw)


@compiles(date_number, "postgresql")
def _date_number_postgres(element, compiler, **kw):
    return f"CAST(to_char({compiler.process(element.clauses, **kw)}, 'YYYYMMDD') AS INTEGER)"
