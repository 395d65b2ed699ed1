"""Value classes that cost next to nothing to define.

A dataclass compiles each method it generates from source text when its module
loads, five or six per class at a fraction of a millisecond each: the two dozen
result classes a command such as `recommend` loads came to a tenth of its start.
`valueclass` gives what rolescope used of them (construction by position or keyword,
defaults and `field(default_factory=...)`, read-only fields, equality, hashing,
repr, `replace`) from functions shared by every class. Only `__init__` is
written out for the class, and only when its first instance is built: a batch
builds some classes a hundred times a spec, and a generic one costs nearly
twice as much per call.
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

    def generic_init(self: Any, *args: Any, **kwargs: Any) -> None:
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

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        # The first instance compiles the class's own __init__: only classes that are
        # built pay for it, and building then costs what a dataclass's does.
        compiled = _compiled_init(cls, fields, defaults, factories) or generic_init
        cls.__init__ = compiled  # type: ignore[method-assign]
        compiled(self, *args, **kwargs)

    methods: dict[str, Any] = {_FIELDS: fields, "__init__": __init__, "__repr__": _repr}
    if eq:
        methods |= {"__eq__": _eq, "__hash__": _hash if frozen else None}
    if frozen:
        methods |= {"__setattr__": _refuse_set, "__delattr__": _refuse_delete}
    for name, method in methods.items():
        setattr(cls, name, method)
    return cls


_set = object.__setattr__


def _compiled_init(
    cls: type, fields: tuple[str, ...], defaults: dict[str, Any], factories: dict[str, Callable[[], Any]]
) -> Callable[..., None] | None:
    """`__init__` written out for the class's fields, as a dataclass's is; None when
    a field without a default follows one with a default (the generic one takes those)."""
    parameters: list[str] = []
    body: list[str] = []
    names: dict[str, Any] = {"_rs_set": _set, "_rs_missing": MISSING}
    defaulted = False
    for number, name in enumerate(fields):
        if name in defaults:
            names[f"_rs_default_{number}"] = defaults[name]
            parameters.append(f"{name}=_rs_default_{number}")
            value = name
        elif name in factories:
            names[f"_rs_factory_{number}"] = factories[name]
            parameters.append(f"{name}=_rs_missing")
            value = f"_rs_factory_{number}() if {name} is _rs_missing else {name}"
        elif defaulted:
            return None
        else:
            parameters.append(name)
            value = name
        defaulted = defaulted or name in defaults or name in factories
        body.append(f"    _rs_set(_rs_self, {name!r}, {value})")
    source = f"def __init__(_rs_self, {', '.join(parameters)}):\n" + ("\n".join(body) or "    pass") + "\n"
    exec(source, names)  # the source is built from the class's own field names
    init: Callable[..., None] = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


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
