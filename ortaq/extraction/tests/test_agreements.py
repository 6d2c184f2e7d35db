"""Agreements: colon lists with «;», «между X и Y», «акиматами A и B», the subject of «подписали»."""


def agreements(pipeline, text):
    return [(a["kind"], sorted(a["parties"])) for a in pipeline.extract(text, "t")["agreements"]]


def test_colon_list_with_semicolons(pipeline):
    text = ("По итогам встречи подписаны 3 меморандума: между акиматами Павлодарской и Омской областей; "
            'ТОО "Ертіс Логистик" и управлением туризма Павлодарской области; '
            'АО "Павлодар Энерго" и ТОО "Омск Сервис".')
    found = agreements(pipeline, text)
    assert ("memorandum", sorted(["ТОО «Ертіс Логистик»", "Управление туризма Павлодарской области"])) in found
    assert ("memorandum", sorted(["АО «Павлодар Энерго»", "ТОО «Омск Сервис»"])) in found
    assert len(found) == 3
    figures = pipeline.extract(text, "t")["figures"]
    assert {"kind": "count", "value": 3, "unit": "меморандум"}.items() <= figures[0].items()


def test_akimats_of_two_regions_are_two_parties(pipeline):
    text = "Соглашение о сотрудничестве заключено между акиматами Астаны и Туркестанской области."
    found = agreements(pipeline, text)
    assert found == [("agreement", sorted(["Акимат Астаны", "Акимат Туркестанской области"]))]


def test_between_x_and_y(pipeline):
    text = 'Вчера был подписан договор между ТОО "Кокше Тас" и АО "Кокшетау Жылу".'
    assert agreements(pipeline, text) == [("contract", sorted(["ТОО «Кокше Тас»", "АО «Кокшетау Жылу»"]))]


def test_subject_of_signing_verb(pipeline):
    text = "Казахстан и Узбекистан подписали соглашение о развитии приграничной торговли."
    assert agreements(pipeline, text) == [("agreement", ["Казахстан", "Узбекистан"])]


def test_the_sides_are_the_text_regions(pipeline):
    text = ("Делегация Акмолинской области посетила Северо-Казахстанскую область. "
            "Акмолинская область и Северо-Казахстанская область давно сотрудничают. "
            "В завершение стороны заключили соглашение о сотрудничестве.")
    found = agreements(pipeline, text)
    assert found == [("agreement", sorted(["Акмолинская область", "Северо-Казахстанская область"]))]


def test_roadmap_kind(pipeline):
    text = 'ТОО "Ак Бидай" и АО "Астык Трейд" подписали дорожную карту по поставкам зерна.'
    assert agreements(pipeline, text) == [("roadmap", sorted(["ТОО «Ак Бидай»", "АО «Астык Трейд»"]))]


def test_aggregate_mention_is_not_an_agreement(pipeline):
    doc = pipeline.extract("За год область подписала 17 меморандумов с регионами России.", "t")
    assert doc["agreements"] == []
    assert any(f["kind"] == "count" and f["value"] == 17 and f["unit"] == "меморандум" for f in doc["figures"])
