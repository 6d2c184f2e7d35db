"""Figures: money, volume, percent and counts with qualifiers and years."""

import pytest


def figures(pipeline, text):
    return [{k: f[k] for k in ("kind", "value", "unit", "qualifier", "year")}
            for f in pipeline.extract(text, "t")["figures"]]


@pytest.mark.parametrize("text, expected", [
    ("В 2019 году экспорт составил свыше 3,5 млрд тенге.",
     {"kind": "money", "value": 3500000000, "unit": "KZT", "qualifier": "more_than", "year": 2019}),
    ("Инвестиции проекта — около 120 млн долларов.",
     {"kind": "money", "value": 120000000, "unit": "USD", "qualifier": "about", "year": None}),
    ("На ремонт направят до 40 тыс. евро.",
     {"kind": "money", "value": 40000, "unit": "EUR", "qualifier": "up_to", "year": None}),
    ("В 2021 году собрано почти 15 тыс. тонн зерна.",
     {"kind": "volume", "value": 15000, "unit": "t", "qualifier": "about", "year": 2021}),
    ("Доля импорта снизилась менее чем на 5%.",
     {"kind": "percent", "value": 5, "unit": "%", "qualifier": "less_than", "year": None}),
    ("За 2022 год рост производства составил 12 процентов.",
     {"kind": "percent", "value": 12, "unit": "%", "qualifier": None, "year": 2022}),
    ("Ярмарку посетили порядка 3000 жителей района.",
     {"kind": "count", "value": 3000, "unit": "житель", "qualifier": "about", "year": None}),
    ("В программе участвуют 14 крестьянских хозяйств.",
     {"kind": "count", "value": 14, "unit": "хозяйство", "qualifier": None, "year": None}),
    ("На форум приехали более двухсот предпринимателей.",
     {"kind": "count", "value": 200, "unit": "предприниматель", "qualifier": "more_than", "year": None}),
])
def test_figure_kinds(pipeline, text, expected):
    assert expected in figures(pipeline, text)


def test_dates_years_and_time_spans_are_not_figures(pipeline):
    text = "12 марта 2020 года ЭКСПО-2017 продлили на 5 лет, срок — 30 дней."
    assert figures(pipeline, text) == []


def test_change_target_with_do_is_not_up_to(pipeline):
    found = figures(pipeline, "Товарооборот планируют увеличить до 2 млрд долларов.")
    assert found == [{"kind": "money", "value": 2000000000, "unit": "USD", "qualifier": None, "year": None}]


def test_dateline_year_is_no_count_and_relative_years_follow_it(pipeline):
    text = ("Кокшетау, 3 марта 2025 г.\n\nВ прошлом году хозяйства района продали 12 тыс. тонн зерна. "
            "В этом году фермеры рассчитывают собрать на 7% больше.")
    found = figures(pipeline, text)
    assert {"kind": "volume", "value": 12000, "unit": "t", "qualifier": None, "year": 2024} in found
    assert {"kind": "percent", "value": 7, "unit": "%", "qualifier": None, "year": 2025} in found
    assert not any(f["kind"] == "count" for f in found)


def test_year_of_a_month_range(pipeline):
    found = figures(pipeline, "За январь–май 2021 года экспорт мёда вырос на 14%.")
    assert found == [{"kind": "percent", "value": 14, "unit": "%", "qualifier": None, "year": 2021}]


def test_dateline_forms():
    from ortaq.extraction.dateline import find_dateline

    assert str(find_dateline("Тараз, 7 мая 2021 г.\n\nТекст.").date) == "2021-05-07"
    assert str(find_dateline("Заголовок новости\n\n07.05.2021, Тараз\n\nТекст.").date) == "2021-05-07"
    assert find_dateline("Вчера, 7 мая 2021 года, в области прошёл форум, о котором сообщили многие газеты.") \
        is None
