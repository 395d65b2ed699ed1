"""Value classes behave as the frozen dataclasses they replace."""

from __future__ import annotations

import pickle
from dataclasses import FrozenInstanceError

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rolescope.values import field, replace, valueclass


@valueclass
class Point:
    name: str
    weight: float = 1.0
    tags: tuple[str, ...] = field(default=())
    seen: list[str] = field(default_factory=list)


@valueclass
class Pair:
    left: int
    right: str


@valueclass(eq=False)
class Handle:
    name: str


@valueclass(frozen=False)
class Tally:
    count: int = 0


def test_built_by_position_or_keyword_with_defaults_and_fresh_factories():
    first, second = Point("a"), Point(name="a", weight=1.0)
    assert first == second
    assert len({Pair(1, "x"), Pair(left=1, right="x"), Pair(2, "x")}) == 2
    assert first.tags == () and first.seen == [] and first.seen is not second.seen
    assert repr(Point("a", 2.0)) == "Point(name='a', weight=2.0, tags=(), seen=[])"
    assert Point("a") != Point("b") and Point("a") != ("a", 1.0, (), [])


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [((), {}), (("a", 1.0, (), [], "extra"), {}), (("a",), {"name": "b"}), ((), {"name": "a", "colour": "red"})],
)
def test_wrong_arguments_are_refused(args, kwargs):
    with pytest.raises(TypeError):
        Point(*args, **kwargs)


def test_fields_are_read_only_unless_not_frozen():
    point = Point("a")
    with pytest.raises(FrozenInstanceError):
        point.name = "b"  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del point.name  # type: ignore[misc]
    tally = Tally()
    tally.count += 1
    assert tally.count == 1


def test_eq_false_compares_and_hashes_by_identity():
    first, second = Handle("a"), Handle("a")
    assert first != second and len({first, second}) == 2


@given(st.text(), st.floats(allow_nan=False), st.lists(st.text(), max_size=3).map(tuple), st.text())
def test_replace_and_pickle_round_trip(name, weight, tags, other):
    point = Point(name, weight, tags)
    assert pickle.loads(pickle.dumps(point)) == point
    changed = replace(point, name=other)
    assert changed.name == other and (changed.weight, changed.tags) == (weight, tags)
    assert replace(changed, name=name) == point


@valueclass
class Odd:
    first: int = 1
    second: str  # type: ignore[misc]  # a field without a default after one with a default


def test_a_field_without_a_default_may_follow_one_with_a_default():
    # A dataclass refuses this order; a value class takes it, by keyword.
    assert Odd(second="x") == Odd(1, "x") and Odd(first=2, second="y").first == 2
    with pytest.raises(TypeError, match="second"):
        Odd(first=2)


def test_the_written_out_init_takes_what_the_generic_one_took():
    assert Pair(1, right="x") == Pair(left=1, right="x") == Pair(1, "x")
    assert Point("a", tags=("t",)).tags == ("t",) and Point("a", seen=["s"]).seen == ["s"]
    with pytest.raises(TypeError, match=r"Pair\.__init__\(\) missing 1 required positional argument: 'right'"):
        Pair(1)
    assert Tally().count == 0 and Tally(3).count == 3
