"""Querysets compiled to SQL once per process, then run with new values.

Django builds a queryset's SQL anew every time one runs: 0.3–1.5 ms a query on our
machines, more than PostgreSQL takes to answer the queries of the hot paths (every
request's user, the workspace's save, the API's quote post). A ``PreparedQuery`` calls its
function once, with stand-in values for the parameters, keeps the SQL, and runs it with
the real values. Rows become what the queryset would have given: model instances (with
their ``select_related`` objects and annotations) or ``values_list()`` tuples.

That is only right where the ORM sends a value to the database as it is, as it does for
``=`` and ``IN``; it rewrites some (``contains`` wraps and escapes a string, SQLite's
``iexact`` escapes it). So the stand-ins are integers and strings that any such rewrite
would change (wildcards, a backslash, both cases, spaces at the ends), and a query whose
stand-ins do not all come back unchanged is not compiled: it runs through the ORM every
time, slower but right. So does a call with values of other types.

What a query means stays in the QuerySet methods; only the compiling is shared. Whatever
``build`` reads besides its parameters is frozen at the first call: a value that varies
(a time, a user's id) must be a parameter, and whatever changes the SQL itself (a user's
role, a list's length) must be part of the ``shape``.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models.query import (
    FlatValuesListIterable,
    ModelIterable,
    ValuesListIterable,
    get_related_populators,
)

_STAND_INS = {
    # Ids, offsets and counts are positive; a name has no such wildcards and spaces.
    int: lambda index: -7_340_000_000_000 - index,
    str: lambda index: f" Stand-in %_\\ {index} ",
}
_THROUGH_THE_ORM = object()  # what is kept for a query the ORM rewrites


@dataclass(frozen=True)
class _Compiled:
    sql: str
    params: tuple
    slots: tuple[tuple[int, int], ...]  # (position among params, index of the value)
    converters: dict  # column -> (functions, expression), as the compiler applies them
    build_row: Callable  # a row (list) -> what the queryset yields


class PreparedQuery:
    """``build(*shape, *stand_ins)`` returns a queryset; ``query(*values)`` returns its
    results for those values as a list, from SQL compiled once per shape and value types."""

    def __init__(self, build: Callable):
        self.build = build
        self._compiled: dict[Hashable, _Compiled | object] = {}

    def __call__(self, *values, shape: tuple = ()) -> list:
        """The results for ``values``; ``shape`` (hashable) goes to ``build`` first and
        gets SQL of its own."""
        types = tuple(type(value) for value in values)
        compiled = self._compiled.get((shape, types))
        if compiled is None:
            compiled = self._compile(shape, types)
            self._compiled[shape, types] = compiled
        if compiled is _THROUGH_THE_ORM:
            return list(self.build(*shape, *values))
        params = list(compiled.params)
        for position, index in compiled.slots:
            params[position] = values[index]
        connection = connections[DEFAULT_DB_ALIAS]
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        build_row = compiled.build_row
        if not compiled.converters:
            return [build_row(row) for row in rows]
        results = []
        for row in rows:
            row = list(row)
            for column, (functions, expression) in compiled.converters.items():
                value = row[column]
                for function in functions:
                    value = function(value, expression, connection)
                row[column] = value
            results.append(build_row(row))
        return results

    def first(self, *values, shape: tuple = ()):
        """The first result, or None (build the queryset with ``[:1]``)."""
        results = self(*values, shape=shape)
        return results[0] if results else None

    def is_compiled(self, *values, shape: tuple = ()) -> bool:
        """Whether calls with values of these types run compiled SQL (after one call)."""
        compiled = self._compiled.get((shape, tuple(type(value) for value in values)))
        return compiled is not None and compiled is not _THROUGH_THE_ORM

    def _compile(self, shape: tuple, types: tuple) -> _Compiled | object:
        if any(kind not in _STAND_INS for kind in types):
            return _THROUGH_THE_ORM
        stand_ins = [_STAND_INS[kind](index) for index, kind in enumerate(types)]
        queryset = self.build(*shape, *stand_ins)
        if queryset._prefetch_related_lookups or queryset._known_related_objects:
            raise TypeError("a prepared query cannot prefetch or know related objects")
        compiler = queryset.query.get_compiler(using=DEFAULT_DB_ALIAS)
        try:
            sql, params = compiler.as_sql()
        except (EmptyResultSet, FullResultSet):
            # A stand-in outside a column's range (a negative offset): Django decides
            # such a filter without SQL, so only real values can be compiled.
            return _THROUGH_THE_ORM
        index_of = {(type(s), s): index for index, s in enumerate(stand_ins)}
        slots = tuple(
            (position, index_of[type(param), param])
            for position, param in enumerate(params)
            if type(param) in _STAND_INS and (type(param), param) in index_of
        )
        missing = set(range(len(types))) - {index for _, index in slots}
        if missing or any(str(stand_in) in sql for stand_in in stand_ins):
            return _THROUGH_THE_ORM
        fields = [column[0] for column in compiler.select[: compiler.col_count]]
        return _Compiled(
            sql=sql,
            params=tuple(params),
            slots=slots,
            converters=compiler.get_converters(fields),
            build_row=_row_builder(queryset, compiler, DEFAULT_DB_ALIAS),
        )


def _row_builder(queryset, compiler, db: str) -> Callable:
    """What turns a converted row into the queryset's item, as Django's iterables do."""
    if queryset._iterable_class is FlatValuesListIterable:
        return lambda row: row[0]
    if queryset._iterable_class is ValuesListIterable:
        width = compiler.col_count  # without the columns a DISTINCT adds for ordering
        return lambda row: tuple(row[:width])
    if queryset._iterable_class is not ModelIterable:
        raise TypeError("prepare model querysets or values_list() ones")
    klass_info, select = compiler.klass_info, compiler.select
    model = klass_info["model"]
    first, last = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
    names = [column[0].target.attname for column in select[first:last]]
    populators = get_related_populators(klass_info, select, db)
    annotations = list(compiler.annotation_col_map.items())

    def build(row):
        instance = model.from_db(db, names, row[first:last])
        for populator in populators:
            populator.populate(row, instance)
        for name, column in annotations:
            setattr(instance, name, row[column])
        return instance

    return build
