"""Regions: abbreviations, the 2022 regions in Russian and Kazakh spelling, former city names."""

import pytest


def codes(pipeline, text):
    return sorted(r["code"] for r in pipeline.extract(text, "t")["regions"])


@pytest.mark.parametrize(("text", "expected"), [
    ("Фермеры ВКО и СКО отправили зерно на экспорт.", ["KZ-59", "KZ-63"]),
    ("Из ЗКО в ЮКО выехала группа волонтёров.", ["KZ-27", "KZ-61"]),
    ("Театр области Абай приехал на гастроли в область Ұлытау.", ["KZ-10", "KZ-62"]),
    ("Жетісу облысы и Жетысуская область — одно и то же.", ["KZ-33"]),
    ("В Нур-Султане и Капчагае прошли ярмарки.", ["KZ-19", "KZ-71"]),
])
def test_region_names(pipeline, text, expected):
    assert codes(pipeline, text) == expected


def test_abbreviation_is_no_organization(pipeline):
    doc = pipeline.extract("Аграрии ВКО собрали рекордный урожай пшеницы.", "t")
    assert [r["code"] for r in doc["regions"]] == ["KZ-63"]
    assert doc["organizations"] == []
