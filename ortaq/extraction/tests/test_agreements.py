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


def test_coordinated_adjectives_are_two_parties(pipeline):
    text = "Актюбинская и Оренбургская области подписали соглашение о сотрудничестве в сфере экологии."
    assert agreements(pipeline, text) == [("agreement", sorted(["Актюбинская область", "Оренбургская область"]))]


def test_akimats_of_coordinated_regions(pipeline):
    text = "Акиматы Кызылординской и Жамбылской областей подписали меморандум о водных ресурсах."
    assert agreements(pipeline, text) == [
        ("memorandum", sorted(["Акимат Кызылординской области", "Акимат Жамбылской области"]))]


def test_plan_of_joint_actions_is_a_roadmap(pipeline):
    text = "Костанайская и Курганская области утвердили план совместных действий на 2027–2029 годы."
    assert agreements(pipeline, text) == [("roadmap", sorted(["Костанайская область", "Курганская область"]))]


def test_parties_through_signatories(pipeline):
    text = ("Меморандум о сотрудничестве подписали аким Актюбинской области Данияр Ахметов "
            "и губернатор Оренбургской области Павел Мельников.")
    assert agreements(pipeline, text) == [("memorandum", sorted(["Актюбинская область", "Оренбургская область"]))]


def test_discussed_document_is_not_signed(pipeline):
    text = ("Делегации Павлодарской и Новосибирской областей обсудили возможность подписания соглашения "
            "о поставках угля. Договор о логистике стороны планируют подписать в декабре.")
    assert agreements(pipeline, text) == []


def test_press_service_is_no_party(pipeline):
    text = ('ТОО "Жайык Агро" и ООО "Самара Зерно" заключили контракт на поставку ячменя, '
            "сообщает пресс-служба акима Западно-Казахстанской области.")
    assert agreements(pipeline, text) == [("contract", sorted(["ТОО «Жайык Агро»", "ООО «Самара Зерно»"]))]


def test_contract_with_partner_after_s(pipeline):
    text = 'В рамках форума СПК "Тобол" заключил с ТОО "Арай Нан" договор на поставку муки.'
    assert agreements(pipeline, text) == [("contract", sorted(["СПК «Тобол»", "ТОО «Арай Нан»"]))]


def test_two_bilateral_memoranda_with_partners(pipeline):
    text = ("Акимат Кызылординской области подписал меморандумы о поставках риса с акиматами Актюбинской "
            "и Карагандинской областей.")
    found = agreements(pipeline, text)
    assert ("memorandum", sorted(["Акимат Кызылординской области", "Акимат Актюбинской области"])) in found
    assert ("memorandum", sorted(["Акимат Кызылординской области", "Акимат Карагандинской области"])) in found
    assert len(found) == 2


def test_subject_after_the_verb(pipeline):
    text = "Соответствующий меморандум подписали акиматы области Ұлытау и города Шымкент на выставке."
    assert agreements(pipeline, text) == [
        ("memorandum", sorted(["Акимат области Ұлытау", "Акимат города Шымкент"]))]


def test_adverb_between_parties_and_verb(pipeline):
    text = 'ТОО "Кызыл Жар" и ООО "Ишим Трейд" уже заключили контракт на поставку льна.'
    assert agreements(pipeline, text) == [("contract", sorted(["ТОО «Кызыл Жар»", "ООО «Ишим Трейд»"]))]


def test_between_far_after_the_document(pipeline):
    text = ("Было подписано соглашение о торговом, инвестиционном, научном и культурном сотрудничестве между "
            "Правительством Республики Башкортостан и акиматом Актюбинской области.")
    assert agreements(pipeline, text) == [
        ("agreement", sorted(["Правительство Республики Башкортостан", "Акимат Актюбинской области"]))]


def test_headline_and_report_are_one_agreement(pipeline):
    text = ("Костанайская и Гомельская области подписали соглашение\n\n"
            "Подписи под соглашением поставили председатель Гомельского облисполкома Иван Крупко "
            "и аким Костанайской области Кумар Аксакалов.")
    found = agreements(pipeline, text)
    assert len(found) == 1
    assert found[0][0] == "agreement"


def test_district_akimat_and_administration_are_parties(pipeline):
    text = ("Акимат Катон-Карагайского района и администрация Усть-Коксинского района Республики Алтай "
            "подписали соглашение о развитии туризма.")
    assert agreements(pipeline, text) == [("agreement", sorted(["Акимат Катон-Карагайского района",
                                                                "Администрация Усть-Коксинского района Республики Алтай"]))]


def test_akimats_of_coordinated_districts_are_two_parties(pipeline):
    text = "Подписан меморандум между акиматами Жуалынского и Таласского районов о поставках кормов."
    assert agreements(pipeline, text) == [
        ("memorandum", sorted(["Акимат Жуалынского района", "Акимат Таласского района"]))]


def test_the_sides_are_the_two_districts_of_the_visit(pipeline):
    text = ("Делегация Бородулихинского района ВКО посетила Поспелихинский район Алтайского края. "
            "Гостей встретил глава Поспелихинского района. Стороны подписали соглашение о сотрудничестве.")
    assert agreements(pipeline, text) == [("agreement", sorted(["Бородулихинский район", "Поспелихинский район"]))]


def test_districts_through_their_signatories(pipeline):
    text = ("Меморандум подписали аким Тарбагатайского района Ерлан Сейтов и глава Угловского района "
            "Алтайского края Сергей Волков.")
    assert agreements(pipeline, text) == [("memorandum", sorted(["Тарбагатайский район", "Угловский район"]))]


def test_a_district_named_beside_two_companies_is_no_party(pipeline):
    text = 'ТОО "Шар Агро" из Жарминского района и ООО "Алтай Мука" заключили контракт на поставку зерна.'
    assert agreements(pipeline, text) == [("contract", sorted(["ТОО «Шар Агро»", "ООО «Алтай Мука»"]))]


def test_the_sides_share_the_subject_of_a_coordinated_verb(pipeline):
    text = ("Делегация Мангистауской области посетила Дагестан. Мангистауская область и Республика Дагестан "
            "связаны паромом. Стороны обсудили рыболовство и подписали план совместных действий на 2027 год.")
    assert agreements(pipeline, text) == [("roadmap", sorted(["Мангистауская область", "Республика Дагестан"]))]


def test_akimats_listed_between_dashes(pipeline):
    text = "Акиматы двух городов — Актобе и Уральска — подписали меморандум о развитии общественного транспорта."
    assert agreements(pipeline, text) == [("memorandum", sorted(["Акимат Актобе", "Акимат Уральска"]))]
