"""Value classes that cost next to nothing to define.

A dataclass compiles each method it generates from source text when its module
loads, five or six per class at a fraction of a millisecond each: the two dozen
result classes a command such as `recommend` loads came to a tenth of its start.
`valueclass` gives what rolescope used of them (construction by position or keyword,
defaults and `field(default_factory=...)`, read-only fields, equality, hashing,
repr, `replace`) from functions shared by every class: nothing is compiled.
"""

from __future__ import annotations

import inspect
from dataclasses import MISSING, Field, FrozenInstanceError, field
from typing import TYPE_CHECKING, Any, TypeVar, dataclass_transform, overload

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["field", "replace", "valueclass"]

V = TypeVar("V")
T = TypeVar("T")

_FIELDS = "__value_fields__"


@overload
def valueclass(cls: type[T], /) -> type[T]: ...


@overload
def valueclass(*, eq: bool = True, frozen: bool = True) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(field, Field))
def valueclass(cls: type[T] | None = None, /, *, eq: bool = True, frozen: bool = True) -> Any:
    """A class of fields, as `@dataclass(frozen=True)` makes one (`eq=False`: compared
    and hashed by identity; `frozen=False`: fields may be set)."""

    def make(cls: type[T]) -> type[T]:
        return _make(cls, eq=eq, frozen=frozen)

    return make if cls is None else make(cls)


def _make(cls: type[T], *, eq: bool, frozen: bool) -> type[T]:
    names: list[str] = []
    defaults: dict[str, Any] = {}
    factories: dict[str, Callable[[], Any]] = {}
    for name, annotation in inspect.get_annotations(cls).items():
        if str(annotation).startswith(("ClassVar", "typing.ClassVar")):
            continue
        names.append(name)
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            delattr(cls, name)
            if default.default_factory is not MISSING:
                factories[name] = default.default_factory
            elif default.default is not MISSING:
                defaults[name] = default.default
        elif default is not MISSING:
            defaults[name] = default
    fields = tuple(names)
    known = frozenset(fields)

    count = len(fields)

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        if not kwargs and len(args) == count:  # every field by position: nothing to look up
            for name, value in zip(fields, args):
                _set(self, name, value)
            return
        if len(args) > len(fields):
            raise TypeError(f"{type(self).__name__}() takes {len(fields)} arguments, {len(args)} given")
        values = dict(zip(fields, args))
        for name in kwargs:
            if name not in known or name in values:
                raise TypeError(f"{type(self).__name__}() got an unexpected or repeated argument {name!r}")
        values.update(kwargs)
        if len(values) < len(fields):
            for name in fields:
                if name not in values:
                    if name in defaults:
                        values[name] = defaults[name]
                    elif name in factories:
                        values[name] = factories[name]()
                    else:
                        raise TypeError(f"{type(self).__name__}() is missing the argument {name!r}")
        # One at a time in field order (as a dataclass does): the instances of a class
        # then share one layout, which keeps reading a field as fast as a dataclass's.
        for name in fields:
            _set(self, name, values[name])

    methods: dict[str, Any] = {_FIELDS: fields, "__init__": __init__, "__repr__": _repr}
    if eq:
        methods |= {"__eq__": _eq, "__hash__": _hash if frozen else None}
    if frozen:
        methods |= {"__setattr__": _refuse_set, "__delattr__": _refuse_delete}
    for name, method in methods.items():
        setattr(cls, name, method)
    return cls


_set = object.__setattr__


def _values(item: Any) -> tuple[Any, ...]:
    state = item.__dict__
    return tuple(state[name] for name in getattr(item, _FIELDS))


def _repr(self: Any) -> str:
    state = self.__dict__
    shown = ", ".join(f"{name}={state[name]!r}" for name in getattr(self, _FIELDS))
    return f"{type(self).__qualname__}({shown})"


def _eq(self: Any, other: object) -> Any:
    if type(other) is not type(self):
        return NotImplemented
    return bool(_values(self) == _values(other))


def _hash(self: Any) -> int:
    return hash(_values(self))


def _refuse_set(self: Any, name: str, _: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _refuse_delete(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def replace(item: V, /, **changes: Any) -> V:
    """A copy of a value with some fields changed, as `dataclasses.replace`."""
    state = item.__dict__
    return type(item)(**{name: state[name] for name in getattr(item, _FIELDS)} | changes)
