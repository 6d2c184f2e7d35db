"""Events by kind."""

import pytest


def kinds(pipeline, text):
    return {e["kind"] for e in pipeline.extract(text, "t")["events"]}


@pytest.mark.parametrize("text, kind", [
    ("В Шымкенте открылись Дни культуры Мангистауской области.", "culture_days"),
    ('В Уральске прошёл бизнес-форум "Казахстан — Россия: новые горизонты".', "business_forum"),
    ("Президент Узбекистана прибыл в Астану с официальным визитом.", "official_visit"),
    ("Аким области находится в Аральском районе с рабочей поездкой.", "working_trip"),
    ("Министр посетил молочную ферму ТОО «Ак Сут» и ознакомился с её работой.", "site_visit"),
    ("В Караганде открылась выставка отечественных товаров.", "exhibition"),
    ("Состоялась встреча акимов двух областей.", "meeting"),
    ("На площади прошла церемония открытия памятника Абаю.", "other"),
])
def test_event_kinds(pipeline, text, kind):
    assert kind in kinds(pipeline, text)


def test_forum_title_is_the_quoted_name(pipeline):
    doc = pipeline.extract('Открылся форум "Бизнес-Жетысу 2030".', "t")
    forum = next(e for e in doc["events"] if e["kind"] == "business_forum")
    assert forum["title"] == "Бизнес-Жетысу 2030"


def test_repeated_mentions_give_one_event(pipeline):
    text = "Выставка открылась в понедельник. На выставке представлены 40 компаний."
    events = pipeline.extract(text, "t")["events"]
    assert [e["kind"] for e in events] == ["exhibition"]
    assert len(events[0]["spans"]) == 2


def test_days_of_a_region(pipeline):
    found = pipeline.extract("В Караганде начались Дни Свердловской области.", "t")["events"]
    assert [(e["kind"], e["title"]) for e in found] == [("culture_days", "Дни Свердловской области")]


def test_visit_to_a_facility_with_pobyvat(pipeline):
    found = pipeline.extract("Члены делегации побывали на птицефабрике ТОО «Кус Береке».", "t")["events"]
    assert "site_visit" in [e["kind"] for e in found]


def test_delegation_visiting_a_district_is_an_official_visit(pipeline):
    found = pipeline.extract("Делегация Омской области посетила Щербактинский район.", "t")["events"]
    assert [e["kind"] for e in found] == ["official_visit"]
