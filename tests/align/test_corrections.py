"""Pinned links: hard constraints that survive re-alignment and re-import."""

from __future__ import annotations

import pytest

from reader.align import align_document, corrections
from reader.errors import DuizhaoError
from reader.model import AlignmentLink
from reader.store import LinkStore
from reader.text.importer import parse_files
from tests.conftest import SEED_000

UNTRANSLATED = "支持中西部地区高等学校提升人才培养与创新服务能力，结合产业转移重点办好特色专业。"


def unit(document, lang, text_start):
    return next(s for s in document.units(lang) if s.text.startswith(text_start))


def link_of(links, unit_id):
    return next(link for link in links if unit_id in link.zh_ids + link.ko_ids)


@pytest.fixture
def seed(library):
    return library.import_files([SEED_000], doc_id="guofa")


def test_import_stores_links_before_announcing(library):
    seen = []
    library.listen(lambda event, doc_id: seen.append((event, len(library.links.get(doc_id)))))
    library.import_files([SEED_000], doc_id="guofa")
    assert seen[0][0] == "imported" and seen[0][1] > 150


def test_pin_is_kept_by_realignment(library, seed):
    before = library.links.get("guofa")
    zh_a = unit(seed, "zh", "鼓励东部地区高校").id
    zh_b = unit(seed, "zh", UNTRANSLATED).id
    ko_a = unit(seed, "ko", "동부지역의 대학교").id
    events = []
    library.listen(lambda event, doc_id: events.append(event))
    links = library.pin_link("guofa", [zh_a, zh_b], [ko_a])
    assert events == ["realigned"]
    pinned = [link for link in links if link.pinned]
    assert [(link.zh_ids, link.ko_ids) for link in pinned] == [([zh_a, zh_b], [ko_a])]
    assert library.links.get("guofa") == links  # stored as returned
    # Everything away from the pin is aligned as before.
    untouched = [link for link in before if not {zh_a, zh_b, ko_a} & set(link.zh_ids + link.ko_ids)]
    assert all(link in links for link in untouched)
    assert library.realign("guofa") == links


def test_pinned_wrong_pair_is_a_hard_constraint():
    document = parse_files([SEED_000])
    zh = unit(document, "zh", "加强资源开发整合")  # clause (四), third sentence
    ko = unit(document, "ko", "조건을 구비한 지역은")  # clause (4), second sentence: a wrong pair
    links = align_document(document, [AlignmentLink([zh.id], [ko.id], pinned=True)])
    assert link_of(links, zh.id).ko_ids == [ko.id] and link_of(links, zh.id).pinned
    # The aligner works around it: every unit appears once, in order on both sides.
    assert [i for link in links for i in link.zh_ids] == [s.id for s in document.units("zh")]
    assert [i for link in links for i in link.ko_ids] == [s.id for s in document.units("ko")]


def test_pin_with_an_empty_side_marks_a_unit_not_translated(library, seed):
    zh = unit(seed, "zh", "做好产业转移与对口支援").id
    ko = link_of(library.links.get("guofa"), zh).ko_ids
    links = library.pin_link("guofa", [zh], [])
    assert link_of(links, zh).ko_ids == [] and link_of(links, zh).pinned
    assert link_of(links, ko[0]).zh_ids == []  # its former partner is now Korean-only


def test_newer_pin_replaces_an_overlapping_one(library, seed):
    zh = unit(seed, "zh", "做好产业转移与对口支援").id
    library.pin_link("guofa", [zh], [])
    ko = unit(seed, "ko", "산업이전과 그에 필요한").id
    links = library.pin_link("guofa", [zh], [ko])
    assert [(link.zh_ids, link.ko_ids) for link in links if link.pinned] == [([zh], [ko])]


def test_unpin_returns_to_the_automatic_alignment(library, seed):
    automatic = library.links.get("guofa")
    zh = unit(seed, "zh", "做好产业转移与对口支援").id
    library.pin_link("guofa", [zh], [])
    links = library.unpin_link("guofa", [zh])
    assert not any(link.pinned for link in links)
    assert [(link.zh_ids, link.ko_ids) for link in links] == [(link.zh_ids, link.ko_ids) for link in automatic]


def test_confirmation_survives_realignment(library, seed):
    zh = unit(seed, "zh", "加强耕地资源保护").id
    library.links.confirm("guofa", [zh])
    assert link_of(library.links.get("guofa"), zh).status == "confirmed"
    assert link_of(library.realign("guofa"), zh).status == "confirmed"
    library.links.confirm("guofa", [zh], "")
    assert link_of(library.links.get("guofa"), zh).status == ""


def test_pin_of_unknown_unit_is_refused(library, seed):
    before = library.links.get("guofa")
    with pytest.raises(DuizhaoError, match=r"no unit zh\.nowhere"):
        library.pin_link("guofa", ["zh.nowhere.000000"], [])
    assert library.links.get("guofa") == before


def test_failed_realignment_leaves_the_stored_links_alone(library, seed):
    before = library.links.get("guofa")

    def broken(document, pins):
        raise RuntimeError("aligner crashed")

    store = LinkStore(library.db, aligner=broken)
    zh = unit(seed, "zh", "做好产业转移与对口支援").id
    with pytest.raises(RuntimeError):
        store.pin("guofa", [zh], [])
    assert library.links.get("guofa") == before


def _pin_two(library, seed):
    zh_a = unit(seed, "zh", "鼓励东部地区高校").id
    zh_b = unit(seed, "zh", UNTRANSLATED).id
    ko_a = unit(seed, "ko", "동부지역의 대학교").id
    library.pin_link("guofa", [zh_a, zh_b], [ko_a])
    return [zh_a, zh_b], [ko_a]


def test_pins_survive_reimport_of_the_same_file(library, seed):
    zh_ids, ko_ids = _pin_two(library, seed)
    library.reimport("guofa", [SEED_000])
    pinned = [link for link in library.links.get("guofa") if link.pinned]
    assert [(link.zh_ids, link.ko_ids) for link in pinned] == [(zh_ids, ko_ids)]
    assert library.links.lost("guofa") == []


def test_pins_follow_their_sentences_into_an_edited_version(library, seed, tmp_path):
    _pin_two(library, seed)
    text = SEED_000.read_text(encoding="utf-8")
    # The translator inserts a sentence before the pinned one (its place in the
    # structure shifts) and the Chinese pinned sentence gets a corrected character
    # (its text, and so its id, changes while its place stays).
    inserted = "여기에 번역자가 새로 넣은 문장이 있다. "
    anchor = "동부지역의 대학교, 과학연구기관"
    assert anchor in text
    edited = text.replace(anchor, inserted + anchor, 1).replace("办好特色专业", "办好特色学科", 1)
    path = tmp_path / "000_v2.txt"
    path.write_text(edited, encoding="utf-8")
    document = library.reimport("guofa", [path])
    pinned = [link for link in library.links.get("guofa") if link.pinned]
    assert len(pinned) == 1
    zh_text = [s.text for s in document.units("zh") if s.id in pinned[0].zh_ids]
    ko_text = [s.text for s in document.units("ko") if s.id in pinned[0].ko_ids]
    assert zh_text[0].startswith("鼓励东部地区高校") and zh_text[1].endswith("办好特色学科。")
    assert len(ko_text) == 1 and ko_text[0].startswith(anchor)
    ids = {s.id for s in document.segments}
    assert all(i in ids for link in library.links.get("guofa") for i in link.zh_ids + link.ko_ids)


def test_add_translation_aligns(library, tmp_path):
    from tests.align.variants import split_languages

    ko_lines, zh_lines = split_languages(SEED_000.read_text(encoding="utf-8"))
    zh_file, ko_file = tmp_path / "zh.txt", tmp_path / "ko.txt"
    zh_file.write_text("\n".join(zh_lines), encoding="utf-8")
    ko_file.write_text("\n".join(ko_lines), encoding="utf-8")
    library.import_files([zh_file], doc_id="guofa")
    assert library.links.get("guofa") == []
    library.add_translation(ko_file, "guofa")
    links = library.links.get("guofa")
    assert len(links) > 150 and sum(link.type == "1-1" for link in links) > 150


def _pairs(links):
    return [(link.zh_ids, link.ko_ids) for link in links]


def _early_one_to_one(document, links, nth=5):
    """A 1-1 link of body sentences with no two-sided pin before it."""
    return [link for link in links if link.type == "1-1" and ".s" in link.zh_ids[0]][nth]


def test_neighbouring_one_sided_pins_both_hold():
    # The GUI's unlink of a 1-1 link: its Chinese unit, then its Korean unit, pinned alone.
    document = parse_files([SEED_000])
    automatic = align_document(document)
    target = _early_one_to_one(document, automatic)
    (z,), (k,) = target.zh_ids, target.ko_ids
    links = corrections.pin(document, automatic, [z], [])
    links = corrections.pin(document, links, [], [k])
    assert sorted(_pairs(link for link in links if link.pinned)) == [([], [k]), ([z], [])]
    assert [i for link in links for i in link.zh_ids] == [s.id for s in document.units("zh")]
    assert [i for link in links for i in link.ko_ids] == [s.id for s in document.units("ko")]


def test_one_sided_pin_only_changes_the_alignment_around_it():
    # A unit pinned as "not translated" must not push the units before it (back to the
    # start, or to the last two-sided pin) out of their links.
    document = parse_files([SEED_000])
    automatic = align_document(document)
    target = _early_one_to_one(document, automatic)
    links = corrections.pin(document, automatic, target.zh_ids, [])
    changed = [pair for pair in _pairs(automatic) if pair not in _pairs(links)]
    assert changed == [(target.zh_ids, target.ko_ids)]
    assert link_of(links, target.ko_ids[0]).zh_ids == []


def test_one_sided_pin_of_two_units_is_kept_as_one_link():
    document = parse_files([SEED_000])
    automatic = align_document(document)
    a, b = _early_one_to_one(document, automatic, 5), _early_one_to_one(document, automatic, 6)
    links = corrections.pin(document, automatic, [], [*a.ko_ids, *b.ko_ids])
    assert _pairs(link for link in links if link.pinned) == [([], [*a.ko_ids, *b.ko_ids])]
    assert [i for link in links for i in link.ko_ids] == [s.id for s in document.units("ko")]


def test_separate_breaks_every_kind_of_link_into_lone_pins():
    # Every link of seed 000 can be broken, and the rest is re-aligned around it.
    document = parse_files([SEED_000])
    automatic = align_document(document)
    zh_order = [s.id for s in document.units("zh")]
    ko_order = [s.id for s in document.units("ko")]
    for broken in automatic[::7]:
        links = corrections.separate(document, automatic, broken.zh_ids, broken.ko_ids)
        pinned = sorted(_pairs(link for link in links if link.pinned))
        assert pinned == sorted([([z], []) for z in broken.zh_ids] + [([], [k]) for k in broken.ko_ids])
        assert all(link.status == "confirmed" for link in links if link.pinned)
        assert [i for link in links for i in link.zh_ids] == zh_order
        assert [i for link in links for i in link.ko_ids] == ko_order


PREAMBLE_FIRST = "产业转移是优化生产力空间布局"


def _write_version(tmp_path, text, name="000_v2.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_pin_on_a_deleted_sentence_is_recorded_as_lost_not_handed_on(library, seed, tmp_path):
    deleted = unit(seed, "zh", PREAMBLE_FIRST)
    following = seed.units("zh")[seed.units("zh").index(deleted) + 1]
    library.pin_link("guofa", [deleted.id], [])
    zh_ids, ko_ids = _pin_two(library, seed)
    text = SEED_000.read_text(encoding="utf-8")
    assert text.count(deleted.text) == 1
    document = library.reimport("guofa", [_write_version(tmp_path, text.replace(deleted.text, "", 1))])
    pinned = [link for link in library.links.get("guofa") if link.pinned]
    # The other pin is carried; the deleted sentence's pin is not given to the sentence
    # that now stands in its structural place.
    assert [(link.zh_ids, link.ko_ids) for link in pinned] == [(zh_ids, ko_ids)]
    assert unit(document, "zh", following.text[:12]).id not in {i for link in pinned for i in link.zh_ids}
    (lost,) = library.links.lost("guofa")
    assert (lost.zh, lost.ko, lost.zh_ids, lost.ko_ids) == (deleted.text, "", [deleted.id], [])
    assert lost.pinned and lost.status == "confirmed" and lost.reason == "not_found" and lost.lost_at


def test_a_pin_whose_sentences_are_split_apart_is_recorded_as_not_kept(library, seed, tmp_path):
    _pin_two(library, seed)
    inserted = "新增加的一句话。"
    text = SEED_000.read_text(encoding="utf-8").replace(UNTRANSLATED, inserted + UNTRANSLATED, 1)
    document = library.reimport("guofa", [_write_version(tmp_path, text)])
    assert not any(link.pinned for link in library.links.get("guofa"))
    (lost,) = library.links.lost("guofa")
    assert lost.reason == "not_kept" and lost.pinned
    assert lost.zh.startswith("鼓励东部地区高校") and lost.zh.endswith(UNTRANSLATED)
    assert lost.ko.startswith("동부지역의 대학교")
    assert all(i in {s.id for s in document.segments} for i in lost.zh_ids + lost.ko_ids)
    # The record stays through later versions and goes with the document.
    library.reimport("guofa", [_write_version(tmp_path, text.replace(inserted, "", 1), "000_v3.txt")])
    assert len(library.links.lost("guofa")) == 1
    library.delete("guofa")
    assert library.links.lost("guofa") == []
