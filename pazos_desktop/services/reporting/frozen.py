"""A report's plain data kept as JSON and read back as the same dataclasses: what keeps the
coordination report of a closed period the same every time it is asked for.

Generic over dataclasses: each value is rebuilt by its declared type (dates, moments, maps with
any key, tuples, unions, enums), so a field added to the report later needs nothing here. Never
pickle: a database shared by several offices must not hold code that runs when read.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
import enum
import json
import sys
import types
import typing
from functools import cache
from typing import Any

DATE, MOMENT, MAP = "$date", "$moment", "$map"


def encode(value: Any) -> str:
    return json.dumps(_plain(value), ensure_ascii=False)


def decode(cls: type, text: str, names: dict[str, type] | None = None):
    """`text` (from `encode`) as an instance of `cls`; `names`: types its module names only
    for type checking (`TYPE_CHECKING` imports)."""
    return _build(cls, json.loads(text), tuple(sorted((names or {}).items())))


def _plain(value: Any):
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, decimal.Decimal):  # a server's SUM(): a number like any other
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dt.datetime):
        return {MOMENT: value.isoformat()}
    if isinstance(value, dt.date):
        return {DATE: value.isoformat()}
    if isinstance(value, dict):
        return {MAP: [[_plain(k), _plain(v)] for k, v in value.items()]}
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(v) for v in value]
    return value


def _build(tp, value, names: tuple):
    if value is None:
        return None
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return _union(args, value, names)
    if origin in (list, set, frozenset):
        return origin(_build(args[0] if args else Any, v, names) for v in value)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_build(args[0], v, names) for v in value)
        return tuple(
            _build(a, v, names) for a, v in zip(args or [Any] * len(value), value, strict=False)
        )
    if origin is dict:
        key_type, value_type = args or (Any, Any)
        return {_build(key_type, k, names): _build(value_type, v, names) for k, v in value[MAP]}
    if dataclasses.is_dataclass(tp):
        return _instance(tp, value, names)
    return _scalar(tp, value, names)


def _union(args, value, names: tuple):
    options = [a for a in args if a is not type(None)]
    for option in options:
        try:
            return _build(option, value, names)
        except (TypeError, ValueError, KeyError):
            continue
    raise ValueError(f"no type of {args} fits {value!r}")


def _instance(cls, value: dict, names: tuple):
    if not isinstance(value, dict) or MAP in value or DATE in value or MOMENT in value:
        raise TypeError(f"{cls.__name__} expected")
    hints = _hints(cls, names)
    fields = dataclasses.fields(cls)
    made = cls(**{f.name: _build(hints[f.name], value[f.name], names) for f in fields if f.init})
    for f in fields:
        if not f.init and f.name in value:
            setattr(made, f.name, _build(hints[f.name], value[f.name], names))
    return made


def _scalar(tp, value, names: tuple):
    if tp is dt.datetime:
        return dt.datetime.fromisoformat(value[MOMENT])
    if tp is dt.date:
        return dt.date.fromisoformat(value[DATE])
    if tp is Any:
        return _untyped(value)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return tp(value)
    if tp is float:
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise TypeError("number expected")
        return float(value)
    if tp is int and isinstance(value, float) and value.is_integer():
        return int(value)
    if tp in (int, str, bool) and not isinstance(value, tp):
        raise TypeError(f"{tp.__name__} expected")
    return value


def _untyped(value):
    if isinstance(value, dict):
        if DATE in value:
            return dt.date.fromisoformat(value[DATE])
        if MOMENT in value:
            return dt.datetime.fromisoformat(value[MOMENT])
        if MAP in value:
            return {_untyped(k): _untyped(v) for k, v in value[MAP]}
    if isinstance(value, list):
        return [_untyped(v) for v in value]
    return value


@cache
def _hints(cls, names: tuple) -> dict:
    module = sys.modules[cls.__module__]
    return typing.get_type_hints(cls, vars(module), dict(names))
