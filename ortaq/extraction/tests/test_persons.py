"""Persons in the nominative and their posts."""


def persons(pipeline, text):
    return {p["name"]: p["position"] for p in pipeline.extract(text, "t")["persons"]}


def test_apposition_with_region(pipeline):
    found = persons(pipeline, "Аким Павлодарской области Болат Бакауов открыл новый мост.")
    assert found["Болат Бакауов"] == {"title": "аким", "region": "KZ-55", "organization": None}


def test_oblique_case_name_is_put_in_nominative(pipeline):
    found = persons(pipeline, "Гости встретились с заместителем акима Костанайской области Ерболом Исмаиловым.")
    assert "Ербол Исмаилов" in found
    assert found["Ербол Исмаилов"]["title"] == "заместитель акима"
    assert found["Ербол Исмаилов"]["region"] == "KZ-39"


def test_aким_stolitsy_resolves_to_the_capital(pipeline):
    text = ("В Актобе прибыла делегация во главе с Маратом Жумабековым. "
            "Аким столицы осмотрел новый индустриальный парк.")
    found = persons(pipeline, text)
    assert found["Марат Жумабеков"]["title"] == "аким"
    assert found["Марат Жумабеков"]["region"] == "KZ-71"


def test_glava_regiona_resolves_to_the_host_region(pipeline):
    text = ("Делегация Астаны посетила Жамбылскую область. Гостей встретил Бердибек Сапарбаев. "
            "«Мы рады партнёрству со столицей», — отметил глава региона.")
    found = persons(pipeline, text)
    assert found["Бердибек Сапарбаев"] == {"title": "аким", "region": "KZ-31", "organization": None}


def test_post_after_the_name(pipeline):
    found = persons(pipeline, 'Об этом сообщил Марат Оспанов, директор ТОО "Кызылжар Су".')
    assert found["Марат Оспанов"] == {"title": "директор", "region": None, "organization": "ТОО «Кызылжар Су»"}


def test_person_without_post(pipeline):
    found = persons(pipeline, "Выставку картин представил художник Арман Жумабаев.")
    assert found == {"Арман Жумабаев": None}


def test_mentions_of_one_person_are_grouped(pipeline):
    text = "Министр энергетики Алмасадам Саткалиев выступил на форуме. Саткалиев напомнил о планах."
    doc = pipeline.extract(text, "t")
    assert len(doc["persons"]) == 1
    assert len(doc["persons"][0]["spans"]) == 2
    assert doc["persons"][0]["position"]["title"] == "министр"
