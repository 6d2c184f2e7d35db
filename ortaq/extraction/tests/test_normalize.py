"""Normalization keeps a character map back to the original text."""

from ortaq.extraction.normalize import normalize


def test_quotes_become_guillemets_with_same_offsets():
    text = 'Компания "Северный ветер" открыла филиал.'
    norm = normalize(text)
    assert norm.text == "Компания «Северный ветер» открыла филиал."
    start = norm.text.index("«")
    end = norm.text.index("»") + 1
    assert norm.to_original(start, end) == (9, 25)
    assert text[9:25] == '"Северный ветер"'


def test_nested_quotes_are_balanced():
    norm = normalize('акции АО "НК "Жолдас"" и ТОО "Дала"')
    assert norm.text == "акции АО «НК «Жолдас»» и ТОО «Дала»"
    assert norm.text.count("«") == norm.text.count("»") == 3


def test_curly_and_low_quotes():
    assert normalize("центр „Сәуле“ и “Нур”").text == "центр «Сәуле» и «Нур»"


def test_spaces_dashes_and_invisible_characters():
    text = "Павлодар\u00a0– Омск,\u00adсоседи -- давно"
    norm = normalize(text)
    assert norm.text == "Павлодар — Омск,соседи — давно"
    k = norm.text.index("соседи")
    start, end = norm.to_original(k, k + len("соседи"))
    assert text[start:end] == "соседи"
    k = norm.text.rindex("—")
    assert norm.to_original(k, k + 1) == (text.index("--"), text.index("--") + 2)


def test_crlf_maps_back():
    text = "Первая строка.\r\nВторая строка."
    norm = normalize(text)
    assert "\r" not in norm.text
    k = norm.text.index("Вторая")
    start, end = norm.to_original(k, k + 6)
    assert text[start:end] == "Вторая"
