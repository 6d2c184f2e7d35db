"""Commitments under the agreement the text reports signed, with their due year and date."""

import datetime

from ortaq.extraction.rules.commitments import due_of


def commitments(pipeline, text):
    return [{k: c[k] for k in ("text", "agreement", "due_year", "due_date")}
            for c in pipeline.extract(text, "t")["commitments"]]


def test_the_sides_agreed_to_open_by_a_year(pipeline):
    text = ("Акимат Туркестанской области и хокимият Ташкентской области подписали соглашение о сотрудничестве. "
            "Стороны договорились до 2027 года открыть в Шымкенте совместный тепличный комплекс.")
    assert commitments(pipeline, text) == [{"text": "открыть в Шымкенте совместный тепличный комплекс",
                                            "agreement": 0, "due_year": 2027, "due_date": "2027-01-01"}]


def test_two_commitments_in_one_sentence_the_second_without_a_date(pipeline):
    text = ("Жамбылская и Чуйская области подписали меморандум. Регионы договорились к концу 2026 года "
            "запустить автобусный маршрут, а также обязуются ежегодно проводить совместные ярмарки.")
    found = commitments(pipeline, text)
    assert found[0] == {"text": "запустить автобусный маршрут", "agreement": 0, "due_year": 2026,
                        "due_date": "2026-12-31"}
    assert found[1]["text"] == "ежегодно проводить совместные ярмарки" and found[1]["due_year"] is None


def test_intention_with_a_day(pipeline):
    text = ("Акиматы Атырауской и Мангистауской областей заключили соглашение. Акиматы намерены до 1 сентября "
            "2028 года построить две школы.")
    assert commitments(pipeline, text) == [{"text": "построить две школы", "agreement": 0, "due_year": 2028,
                                            "due_date": "2028-09-01"}]


def test_no_commitment_without_a_signed_agreement(pipeline):
    text = "Делегации встретились в Кокшетау. Стороны договорились до 2026 года открыть торговый дом."
    assert commitments(pipeline, text) == []


def test_agreeing_to_sign_another_document_is_no_commitment(pipeline):
    text = ("ТОО «Ақ Сүт» и ТОО «Омск Молоко» заключили договор. Стороны договорились подписать "
            "меморандум о логистике в 2027 году.")
    assert commitments(pipeline, text) == []


def test_the_nearest_agreement_before_the_commitment(pipeline):
    text = ("ТОО «Ертіс Агро» и АО «Байтерек Логистик» заключили договор о перевозках. "
            "Отдельно акимат Павлодарской области и правительство Омской области подписали соглашение о туризме. "
            "Стороны обязуются в 2026 году построить гостиницу.")
    doc = pipeline.extract(text, "t")
    [commitment] = doc["commitments"]
    assert "Омской области" in " ".join(doc["agreements"][commitment["agreement"]]["parties"])
    assert commitment["due_date"] == "2026-12-31"


def test_due_phrases():
    assert due_of("к 2030 году") == (2030, datetime.date(2030, 12, 31), (0, 11))
    assert due_of("в течение 2029 года")[:2] == (2029, datetime.date(2029, 12, 31))
    assert due_of("до 15 марта 2027 г.")[:2] == (2027, datetime.date(2027, 3, 15))
    assert due_of("в ближайшее время") == (None, None, (0, 0))


def test_an_officials_own_intention_is_no_commitment(pipeline):
    text = ("Акимат Костанайской области и правительство Курганской области подписали соглашение. "
            "Аким области намерен в 2026 году посетить Курган с ответным визитом.")
    assert commitments(pipeline, text) == []


def test_agreed_on_a_noun_phrase(pipeline):
    text = ("Акимат Северо-Казахстанской области и правительство Тюменской области подписали соглашение. "
            "Стороны договорились о создании совместного логистического центра к 2027 году.")
    assert commitments(pipeline, text) == [{"text": "создание совместного логистического центра", "agreement": 0,
                                            "due_year": 2027, "due_date": "2027-12-31"}]


def test_agreeing_on_cooperation_itself_is_no_commitment(pipeline):
    text = ("Акимат Северо-Казахстанской области и правительство Тюменской области подписали соглашение. "
            "Стороны договорились о сотрудничестве в сфере образования.")
    assert commitments(pipeline, text) == []
