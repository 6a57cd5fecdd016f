"""Querysets compiled to SQL once per process, then run with new values.

Django builds a queryset's SQL anew every time one runs: 0.3–1.5 ms a query on our
machines, more than PostgreSQL takes to answer the queries of the hot paths (every
request's user, the workspace's save, the API's quote post). A ``PreparedQuery`` calls its
function once, with stand-in values for the parameters, keeps the SQL, and runs it with
the real values, which are integers (ids, offsets): the ORM sends an integer compared
with ``=`` or ``IN`` as it is, where it may rewrite a string (``iexact`` on SQLite escapes
it). Rows become what the queryset would have given: model instances (with
their ``select_related`` objects and annotations) or ``values_list()`` tuples.

What a query means stays in the QuerySet methods; only the compiling is shared. A query
whose SQL would depend on anything but its parameters (a user's role, a list's length)
must not be prepared, or must take that as part of its ``shape``.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass

from django.db import connections
from django.db.models.query import (
    FlatValuesListIterable,
    ModelIterable,
    ValuesListIterable,
    get_related_populators,
)

# Stand-ins are integers no real parameter holds: ids, offsets and counts are positive.
_STAND_IN = -7_340_000_000_000


@dataclass(frozen=True)
class _Compiled:
    sql: str
    params: tuple
    slots: tuple[tuple[int, int], ...]  # (position among params, index of the value)
    converters: dict  # column -> (functions, expression), as the compiler applies them
    build_row: Callable  # a row (list) -> what the queryset yields


class PreparedQuery:
    """``build(*stand_ins)`` returns a queryset; ``query(*values)`` returns its results
    for those values as a list, from SQL compiled once per database and shape."""

    def __init__(self, build: Callable, *, using: str = "default"):
        self.build = build
        self.using = using
        self._compiled: dict[Hashable, _Compiled] = {}

    def __call__(self, *values: int, shape: tuple = ()) -> list:
        """The results for ``values``; ``shape`` (hashable) goes to ``build`` first and
        gets SQL of its own."""
        if any(type(value) is not int for value in values):
            raise TypeError(f"prepared queries take integers, not {values!r}")
        compiled = self._compiled.get((len(values), shape))
        if compiled is None:
            compiled = self._compile(len(values), shape)
            self._compiled[len(values), shape] = compiled
        params = list(compiled.params)
        for position, index in compiled.slots:
            params[position] = values[index]
        connection = connections[self.using]
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

    def first(self, *values: int, shape: tuple = ()):
        """The first result, or None (build the queryset with ``[:1]``)."""
        results = self(*values, shape=shape)
        return results[0] if results else None

    def _compile(self, count: int, shape: Hashable) -> _Compiled:
        stand_ins = [_STAND_IN - index for index in range(count)]
        queryset = self.build(*shape, *stand_ins)
        if queryset._prefetch_related_lookups or queryset._known_related_objects:
            raise TypeError("a prepared query cannot prefetch or know related objects")
        compiler = queryset.query.get_compiler(using=self.using)
        sql, params = compiler.as_sql()
        index_of = {stand_in: index for index, stand_in in enumerate(stand_ins)}
        slots = tuple(
            (position, index_of[param])
            for position, param in enumerate(params)
            if type(param) is int and param in index_of
        )
        missing = set(range(count)) - {index for _, index in slots}
        if missing or any(str(stand_in) in sql for stand_in in stand_ins):
            raise ValueError(
                "the ORM did not pass every stand-in through as a parameter: "
                "prepare only queries whose values it sends unchanged"
            )
        fields = [column[0] for column in compiler.select[: compiler.col_count]]
        return _Compiled(
            sql=sql,
            params=tuple(params),
            slots=slots,
            converters=compiler.get_converters(fields),
            build_row=_row_builder(queryset, compiler, self.using),
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
