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


def test_chairman_of_oblispolkom_holds_the_foreign_region(pipeline):
    found = persons(pipeline, "В Кокшетау прибыл председатель Брестского облисполкома Игорь Кравченко.")
    assert found["Игорь Кравченко"] == {"title": "председатель", "region": "BY-BR", "organization": None}


def test_hokim_of_the_region_is_the_uzbek_region(pipeline):
    text = ("Делегация Ферганской области во главе с хокимом области Шухратом Ганиевым прибыла в "
            "Туркестанскую область.")
    found = persons(pipeline, text)
    assert found["Шухрат Ганиев"] == {"title": "хоким", "region": "UZ-FA", "organization": None}


def test_plenipotentiary_representative(pipeline):
    text = ("Переговоры провёл полномочный представитель Правительства Кыргызской Республики в Нарынской области "
            "Бакыт Осмонов.")
    found = persons(pipeline, text)
    assert found["Бакыт Осмонов"] == {"title": "полномочный представитель", "region": "KG-N", "organization": None}


def test_region_glued_to_a_name_is_cut_off(pipeline):
    text = "Форум открыл аким области Жетісу Серік Жұмабаев."
    found = persons(pipeline, text)
    assert found == {"Серік Жұмабаев": {"title": "аким", "region": "KZ-33", "organization": None}}


def test_district_head_has_no_region(pipeline):
    text = "Делегацию Шадринского района Курганской области возглавил глава района Олег Петренко."
    found = persons(pipeline, text)
    assert found["Олег Петренко"]["title"] == "глава"
    assert found["Олег Петренко"]["region"] is None


def test_deputy_title_is_kept_whole(pipeline):
    text = "Гостей принял заместитель акима Атырауской области Ерлан Нуртаев."
    found = persons(pipeline, text)
    assert found["Ерлан Нуртаев"] == {"title": "заместитель акима", "region": "KZ-23", "organization": None}


def test_kazakh_names_in_oblique_cases_keep_kazakh_letters(pipeline):
    text = ("Делегацию возглавил аким Созакского района Ғаниұлы, а переговоры прошли с заместителем акима "
            "Туркестанской области Жұмабеком Тұрсынбаевым. Позже с Қайратом Әбдіғалиұлы встретились фермеры.")
    found = persons(pipeline, text)
    assert "Жұмабек Тұрсынбаев" in found
    assert found["Жұмабек Тұрсынбаев"]["title"] == "заместитель акима"
    assert "Қайрат Әбдіғалиұлы" in found


def test_uzbek_surname_in_nominative_is_kept(pipeline):
    found = persons(pipeline, "Документ подписал хоким Андижанской области Шухрат Абдурахмонов.")
    assert found == {"Шухрат Абдурахмонов": {"title": "хоким", "region": "UZ-AN", "organization": None}}
