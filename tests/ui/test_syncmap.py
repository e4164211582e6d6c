"""The pure mapping behind synchronized scrolling."""

from __future__ import annotations

import pytest

from reader.model import AlignmentLink
from reader.ui.syncmap import SyncMap, pairs_from_links

LEFT = {"z1": (0.0, 100.0), "z2": (110.0, 150.0), "z3": (160.0, 400.0), "z4": (410.0, 450.0)}
RIGHT = {"k1": (0.0, 50.0), "k2": (60.0, 300.0), "k4": (310.0, 350.0)}
LINKS = [
    AlignmentLink(["z1"], ["k1"]),
    AlignmentLink(["z2"], ["k2"]),
    AlignmentLink(["z3"], []),  # not translated
    AlignmentLink(["z4"], ["k4"]),
]


@pytest.fixture
def sync_map():
    return SyncMap.build(pairs_from_links(LINKS, "zh", "ko"), LEFT, RIGHT, 500.0, 400.0)


def test_linked_tops_map_exactly_both_ways(sync_map):
    for z, k in (("z1", "k1"), ("z2", "k2"), ("z4", "k4")):
        assert sync_map.left_to_right(LEFT[z][0]) == pytest.approx(RIGHT[k][0])
        assert sync_map.right_to_left(RIGHT[k][0]) == pytest.approx(LEFT[z][0])


def test_interpolates_inside_a_long_sentence(sync_map):
    # z2 is 40 px tall, k2 240 px: a quarter into z2 is a quarter into k2.
    assert sync_map.left_to_right(120.0) == pytest.approx(60.0 + 240.0 / 4)
    assert sync_map.right_to_left(240.0) == pytest.approx(110.0 + 40.0 * 0.75)


def test_other_pane_holds_still_across_an_unmatched_unit(sync_map):
    ys = [sync_map.left_to_right(y) for y in (160.0, 200.0, 300.0, 399.0)]
    assert max(ys) - min(ys) < 12  # only the 10 px gap before k4 is crossed
    assert all(300.0 <= y <= 310.0 for y in ys)


def test_mapping_is_monotone_and_round_trips(sync_map):
    previous = -1.0
    for y in range(0, 500, 5):
        mapped = sync_map.left_to_right(float(y))
        assert mapped >= previous
        previous = mapped
    for y in (5.0, 75.0, 130.0, 420.0):
        assert sync_map.right_to_left(sync_map.left_to_right(y)) == pytest.approx(y)


def test_links_out_of_order_are_skipped():
    links = [AlignmentLink(["z1"], ["k2"]), AlignmentLink(["z2"], ["k1"]), AlignmentLink(["z4"], ["k4"])]
    sync_map = SyncMap.build(pairs_from_links(links, "zh", "ko"), LEFT, RIGHT, 500.0, 400.0)
    lefts = [p.left for p in sync_map.breakpoints]
    rights = [p.right for p in sync_map.breakpoints]
    assert lefts == sorted(lefts) and rights == sorted(rights)
    assert sync_map.left_to_right(410.0) == pytest.approx(310.0)


def test_swapped_panes_read_the_other_side_of_each_link():
    sync_map = SyncMap.build(pairs_from_links(LINKS, "ko", "zh"), RIGHT, LEFT, 400.0, 500.0)
    assert sync_map.left_to_right(60.0) == pytest.approx(110.0)
    assert sync_map.right_to_left(410.0) == pytest.approx(310.0)
