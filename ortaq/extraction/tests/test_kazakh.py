"""A Kazakh-language text is recognized; only known names are found in it, nothing else is guessed."""

from ortaq.extraction import Gazetteer, Pipeline
from ortaq.extraction.kazakh import is_kazakh

KAZAKH = ("Павлодар облысының әкімі Асқар Жұмабаев Омбы облысының делегациясын қабылдады. Тараптар сауда және "
          "білім беру салаларындағы ынтымақтастық туралы меморандумға қол қойды. «Ертіс Сервис» ЖШС 12 мың тонна "
          "астық жеткізеді.")


def test_kazakh_is_told_from_russian_with_kazakh_names():
    assert is_kazakh(KAZAKH)
    assert not is_kazakh("Аким области Жетісу Серік Жұмабаев встретился с делегацией ТОО «Көксу Бидай» и "
                         "обсудил поставки зерна в Алматы.")


def test_only_known_names_are_found_in_a_kazakh_text():
    gazetteer = Gazetteer.from_dict({
        "organizations": [{"name": "ТОО «Ертіс Сервис»", "aliases": ["Ертіс Сервис"], "region": "KZ-55"}],
        "persons": [{"name": "Асқар Жұмабаев", "title": "аким", "region": "KZ-55"}],
    })
    doc = Pipeline(gazetteer).extract(KAZAKH, "kk")
    assert doc["language"] == "kk"
    assert [r["code"] for r in doc["regions"]] == ["KZ-55"]
    assert [o["name"] for o in doc["organizations"]] == ["ТОО «Ертіс Сервис»"]
    assert [p["name"] for p in doc["persons"]] == ["Асқар Жұмабаев"]
    assert doc["agreements"] == doc["events"] == doc["figures"] == []
