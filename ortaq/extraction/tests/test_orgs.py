"""Organizations: legal forms, nested quotes, coordination, government bodies in the nominative."""

from .conftest import names


def orgs(pipeline, text):
    return names(pipeline.extract(text, "t")["organizations"])


def test_legal_forms_and_nested_quotes(pipeline):
    text = ('Договор поставки заключили ТОО "Дала Агро" и АО "НК "Жол Жондеу"". '
            "Также участвовал КГП «Городская поликлиника №3».")
    found = orgs(pipeline, text)
    assert "ТОО «Дала Агро»" in found
    assert "АО «НК «Жол Жондеу»»" in found
    assert "КГП «Городская поликлиника №3»" in found


def test_legal_form_shared_by_coordinated_names(pipeline):
    found = orgs(pipeline, 'Продукцию закупают СПК "Ертіс" и "Кереку", сообщили в управлении.')
    assert "СПК «Ертіс»" in found and "СПК «Кереку»" in found


def test_unquoted_latin_name_gets_quotes(pipeline):
    found = orgs(pipeline, "Депутаты побывали на заводе ТОО Kazsteel в Павлодаре.")
    assert "ТОО «Kazsteel»" in found


def test_full_legal_form_is_abbreviated(pipeline):
    found = orgs(pipeline, "Грант получило товарищество с ограниченной ответственностью «Береке».")
    assert "ТОО «Береке»" in found


def test_government_body_in_nominative(pipeline):
    text = "Меморандум подписан с управлением сельского хозяйства Костанайской области."
    assert "Управление сельского хозяйства Костанайской области" in orgs(pipeline, text)


def test_ministry_with_long_genitive_chain(pipeline):
    text = ("Письмо направлено министерством цифрового развития, инноваций и аэрокосмической промышленности "
            "Республики Казахстан.")
    found = orgs(pipeline, text)
    assert any(n.startswith("Министерство цифрового развития, инноваций и аэрокосмической") for n in found)


def test_named_institution_in_nominative(pipeline):
    found = orgs(pipeline, "Гости осмотрели палаты Областного кардиологического центра «Жүрек».")
    assert "Областной кардиологический центр «Жүрек»" in found


def test_generic_body_without_a_name_is_not_an_organization(pipeline):
    found = orgs(pipeline, "Решение одобрил совет директоров обеих компаний.")
    assert not any(n.lower().startswith("совет директоров") for n in found)


def test_known_organization_from_gazetteer(pipeline):
    from ortaq.extraction import Gazetteer, KnownOrganization, Pipeline

    gaz = Gazetteer(organizations=[KnownOrganization("Палата предпринимателей Павлодарской области",
                                                     ("Атамекен",), "KZ-55")])
    custom = Pipeline(gazetteer=gaz)
    doc = custom.extract("Встречу организовала палата предпринимателей Павлодарской области.", "t")
    found = {o["name"]: o["region"] for o in doc["organizations"]}
    assert found.get("Палата предпринимателей Павлодарской области") == "KZ-55"


def test_institution_named_by_a_proper_adjective(pipeline):
    text = "Меморандум подписали Экибастузский горный колледж и Рубцовским колледжем сервиса."
    names = {o["name"] for o in pipeline.extract(text, "t")["organizations"]}
    assert {"Экибастузский горный колледж", "Рубцовский колледж сервиса"} <= names


def test_plain_adjective_at_sentence_start_is_no_name(pipeline):
    names = {o["name"] for o in pipeline.extract("Новый колледж открылся в сентябре.", "t")["organizations"]}
    assert names == set()


def org_entities(pipeline, text):
    return [m.text for m in pipeline.entity_mentions(text) if m.type == "ORG"]


def test_entity_span_takes_the_descriptor_and_its_adjectives_but_not_the_closing_quote(pipeline):
    text = "Сделку одобрила российская золотодобывающая компания «Полюс Логистик»."
    assert org_entities(pipeline, text) == ["российская золотодобывающая компания «Полюс Логистик"]


def test_entity_span_of_a_latin_name_after_a_lowercase_kind(pipeline):
    assert org_entities(pipeline, "Пользователи мессенджера Zangi пожаловались на сбои.") == ["мессенджера Zangi"]
    assert org_entities(pipeline, "Акции корпорации Samsung Electronics подорожали.") == [
        "корпорации Samsung Electronics"]


def test_entity_span_of_a_legal_form_and_a_capitalized_kind_at_the_sentence_start(pipeline):
    assert org_entities(pipeline, "Договор с ТОО «Кокше Тас» расторгнут.") == ["ТОО «Кокше Тас"]
    assert org_entities(pipeline, "Компания Kaspi объявила о выкупе акций.") == ["Компания Kaspi"]


def test_the_fact_keeps_its_closing_quote(pipeline):
    doc = pipeline.extract("Договор с ТОО «Кокше Тас» расторгнут.", "t")
    assert [o["name"] for o in doc["organizations"]] == ["ТОО «Кокше Тас»"]
